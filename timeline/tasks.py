"""Background ingestion of uploaded articles, on Django's task framework.

The worker (`python manage.py db_worker`, `make worker`) runs `ingest_upload`
for each queued `UploadedArticle`. Running it again is harmless: an upload that
is done stays done, and the ingest itself is atomic and keyed by content hash,
so a worker killed mid-article leaves nothing half-written and the re-run
creates the article once. `requeue_stalled_uploads` re-queues the uploads of
workers that died.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.models import Article, content_hash
from timeline.ingest import IngestError, NoPublicationDate, ingest_draft
from timeline.models import UploadedArticle
from timeline.runs import Expansion, read_link
from timeline.sources import Draft, page_draft

logger = logging.getLogger(__name__)
Status = UploadedArticle.Status
MAX_FEED_ENTRIES = 500  # a pasted feed's entries queued at most


@task()
def ingest_upload(upload_id: int) -> int | None:
    """Ingest one uploaded article; returns the article id (None if it failed)."""
    return process_upload(upload_id=upload_id)


def enqueue_upload(upload: UploadedArticle) -> None:
    """Queue `upload` for the worker, once the upload row is committed."""

    def send() -> None:
        result = ingest_upload.enqueue(upload.pk)
        UploadedArticle.objects.filter(pk=upload.pk).update(task_id=str(result.id))

    transaction.on_commit(send)


def process_upload(*, upload_id: int) -> int | None:
    with transaction.atomic():
        upload = (
            UploadedArticle.objects.select_for_update().select_related("story").get(pk=upload_id)
        )
        if upload.status == Status.DONE:
            return upload.article_id
        if upload.status == Status.FAILED:
            return None
        upload.status = Status.RUNNING
        upload.attempts += 1
        upload.started_at = timezone.now()
        upload.save(update_fields=["status", "attempts", "started_at"])

    draft = None
    try:
        draft = read_upload_draft(upload)
        if isinstance(draft, Expansion):
            return queue_feed_entries(upload, draft)
        result = ingest_draft(draft, story=upload.story, published=upload.published_on)
        article, created = result.article, result.created
        message = describe(result.expressions, result.proposed, result.merged, created=created)
    except NoPublicationDate:  # the ingest's own advice is for the command line
        where = "text" if upload.kind == UploadedArticle.Kind.TEXT else "page"
        advice = (
            ", or start the file with a line like “Date: 2024-10-21”"
            if upload.kind == UploadedArticle.Kind.TEXT
            else ""
        )
        return finish(
            upload,
            Status.FAILED,
            f"{upload.file_name}: no publication date in the {where}; upload it again with "
            f"“Published on” filled in{advice}.",
        )
    except IngestError as error:
        return finish(upload, Status.FAILED, str(error))
    except IntegrityError:
        # Another worker ingested the same article between our check and our insert.
        article = (
            Article.objects.filter(content_hash=content_hash(draft.text)).first() if draft else None
        )
        if article is None:
            raise
        created, message = False, "Already ingested (at the same moment, by another upload)."
    except Exception:
        logger.exception("Ingesting upload %s (%s) failed", upload.pk, upload.file_name)
        finish(upload, Status.FAILED, "Unexpected error while ingesting; it has been logged.")
        raise
    return finish(upload, Status.DONE, message, article=article, created=created)


def read_upload_draft(upload: UploadedArticle) -> Draft | Expansion:
    """The article an upload holds: its text, the article in its page, or the page its link
    leads to (fetched here, in the worker, never in the request); a pasted link to a feed
    gives the feed's entries."""
    if upload.kind == UploadedArticle.Kind.LINK:
        return read_link(upload.link, feeds=upload.feed_id is None, fallback=upload.entry_published)
    if upload.kind == UploadedArticle.Kind.PAGE:
        return page_draft(upload.text, source=upload.file_name)
    return Draft(text=upload.text, source=upload.file_name)


def queue_feed_entries(feed: UploadedArticle, expansion: Expansion) -> None:
    """Each entry of a pasted feed link becomes a link upload of its own, for the feed's
    story; the feed's row says how many, and which entries were broken."""
    entries = expansion.entries[:MAX_FEED_ENTRIES]
    with transaction.atomic():
        for entry in entries:
            upload = UploadedArticle.objects.create(
                story=feed.story,
                kind=UploadedArticle.Kind.LINK,
                file_name=entry.link[:255],
                link=entry.link,
                feed=feed,
                entry_published=entry.published,
                published_on=feed.published_on,
                uploaded_by=feed.uploaded_by,
            )
            enqueue_upload(upload)
        left = len(expansion.entries) - len(entries)
        message = (
            f"A feed: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} queued"
            + (f" (the first {MAX_FEED_ENTRIES}; {left} left out)" if left else "")
            + "."
            + "".join(f"\n{error}" for error in expansion.errors)
        )
        finish(feed, Status.DONE, message)


def describe(expressions: int, proposed: int, merged: int, *, created: bool) -> str:
    if not created:
        return "Already ingested: the same article is in Dateline already."
    return (
        f"{expressions} date expression{'s' if expressions != 1 else ''}, "
        f"{proposed} new event{'s' if proposed != 1 else ''} proposed, "
        f"{merged} merged into existing events."
    )


def finish(
    upload: UploadedArticle,
    status: str,
    message: str,
    *,
    article: Article | None = None,
    created: bool = False,
) -> int | None:
    upload.status = status
    upload.message = message[:2000]
    upload.article = article
    upload.created_article = created
    upload.finished_at = timezone.now()
    upload.save(update_fields=["status", "message", "article", "created_article", "finished_at"])
    return article.pk if article else None


def requeue_stalled_uploads(*, older_than: timedelta | None = None) -> int:
    """Queue again the uploads whose worker died while running them; returns how many."""
    if older_than is None:
        older_than = timedelta(seconds=settings.INGEST_JOB_STALE_SECONDS)
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        stalled = list(
            UploadedArticle.objects.select_for_update(skip_locked=True).filter(
                status=Status.RUNNING, started_at__lte=cutoff
            )
        )
        for upload in stalled:
            close_abandoned_task(upload.task_id)
            upload.status = Status.QUEUED
            upload.message = f"Re-queued: the worker stopped during attempt {upload.attempts}."
            upload.save(update_fields=["status", "message"])
            enqueue_upload(upload)
    return len(stalled)


class WorkerStopped(RuntimeError):
    """The worker running this task stopped before it finished."""


def close_abandoned_task(task_id: str) -> None:
    """Mark the dead worker's task result failed, so it does not read 'running' forever."""
    if not task_id:
        return
    for result in DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING):
        result.set_failed(WorkerStopped("the worker stopped; the upload was queued again"))

"""Editors upload articles; the background task ingests each once, whatever happens."""

import threading
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Story
from tests.factories import StoryFactory
from timeline.models import UploadedArticle
from timeline.tasks import process_upload, requeue_stalled_uploads

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Date: 2024-10-21\n\nSeoul summons envoy\n\n"
    "South Korea summoned the Russian ambassador on Friday over troop deployments.\n"
)


def upload(client, *files, story=None, **extra):
    data = {"files": list(files), **extra}
    if story is not None:
        data["story"] = story.pk
    return client.post(reverse("ingest"), data)


def text_file(name="article.txt", content=ARTICLE):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/plain")


def run_queued_tasks() -> None:
    for upload_row in UploadedArticle.objects.filter(status="queued"):
        process_upload(upload_id=upload_row.pk)


def test_upload_without_a_date_says_how_to_give_one_in_the_form(staff_client):
    upload(
        staff_client,
        text_file("undated.txt", "Seoul summoned the envoy on Friday.\n"),
        story=StoryFactory(),
    )
    run_queued_tasks()
    failed = UploadedArticle.objects.get()
    assert failed.status == "failed"
    assert failed.message.startswith("undated.txt: no publication date in the text;")
    assert "“Published on”" in failed.message and "--published" not in failed.message


def test_upload_page_is_for_staff_only(client, django_user_model):
    assert client.get(reverse("ingest")).status_code == 302
    user = django_user_model.objects.create_user("reader", password="pw-reader-1")
    client.force_login(user)
    response = client.get(reverse("ingest"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_upload_page_shows_the_form(staff_client):
    response = staff_client.get(reverse("ingest"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    assert "csrfmiddlewaretoken" in response.text


def test_upload_without_csrf_token_is_refused(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("e", "e@x.org", "pw-e-12345"))
    response = upload(client, text_file(), story=StoryFactory())
    assert response.status_code == 403
    assert not UploadedArticle.objects.exists()


def test_upload_queues_a_task_and_the_task_ingests_the_article(
    staff_client, django_capture_on_commit_callbacks
):
    story = StoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(staff_client, text_file(), story=story)
    assert response.status_code == 302
    queued = UploadedArticle.objects.get()
    assert queued.status == "queued"
    assert DBTaskResult.objects.filter(id=queued.__class__.objects.get().task_id).exists()
    run_queued_tasks()
    done = UploadedArticle.objects.get()
    assert done.status == "done"
    assert done.article.story == story
    assert done.article.published_on.isoformat() == "2024-10-21"


def test_upload_to_a_new_story_creates_it(staff_client):
    upload(staff_client, text_file(), new_story="Envoys and troops")
    assert UploadedArticle.objects.get().story.title == "Envoys and troops"


def test_upload_needs_a_story(staff_client):
    response = upload(staff_client, text_file())
    assert response.status_code == 200
    assert "Choose a story" in response.text
    assert not UploadedArticle.objects.exists()


def test_task_run_twice_makes_one_article(staff_client):
    upload(staff_client, text_file(), story=StoryFactory())
    upload_id = UploadedArticle.objects.get().pk
    first = process_upload(upload_id=upload_id)
    UploadedArticle.objects.filter(pk=upload_id).update(status="queued")  # as if retried
    second = process_upload(upload_id=upload_id)
    assert first == second
    assert Article.objects.count() == 1


def test_same_text_uploaded_twice_makes_one_article(staff_client):
    story = StoryFactory()
    upload(staff_client, text_file("a.txt"), text_file("b.txt"), story=story)
    run_queued_tasks()
    assert Article.objects.count() == 1
    messages = sorted(UploadedArticle.objects.values_list("created_article", flat=True))
    assert messages == [False, True]


def test_worker_killed_mid_task_is_requeued_and_ingests_once(
    staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, text_file(), story=StoryFactory())
    stalled = UploadedArticle.objects.get()
    # What a killed worker leaves: the row says running, the ingest rolled back.
    stalled.status, stalled.attempts = "running", 1
    stalled.started_at = timezone.now() - timedelta(hours=1)
    stalled.save()
    DBTaskResult.objects.filter(id=stalled.task_id).update(status="RUNNING")
    assert requeue_stalled_uploads(older_than=timedelta(minutes=5)) == 1
    assert UploadedArticle.objects.get().status == "queued"
    assert DBTaskResult.objects.get(id=stalled.task_id).status == "FAILED"
    run_queued_tasks()
    done = UploadedArticle.objects.get()
    assert (done.status, done.attempts) == ("done", 2)
    assert Article.objects.count() == 1


def test_a_running_upload_is_not_requeued_too_early(staff_client):
    upload(staff_client, text_file(), story=StoryFactory())
    UploadedArticle.objects.update(status="running", started_at=timezone.now())
    assert requeue_stalled_uploads(older_than=timedelta(minutes=5)) == 0


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (
            "latin1.txt",
            "Date: 2024-10-21\n\nSéoul a convoqué l'ambassadeur.".encode("latin-1"),
            "UTF-8",
        ),
        (
            "page.html",
            b"<!DOCTYPE html><html><head></head><body>News</body></html>",
            "no article text in the page",
        ),
    ],
)
def test_bad_file_fails_with_a_clear_message_and_the_rest_of_the_batch_goes_in(
    staff_client, name, content, reason
):
    upload(staff_client, text_file(name, content), text_file(), story=StoryFactory())
    bad = UploadedArticle.objects.get(file_name=name)
    assert bad.status == "failed"
    assert reason in bad.message
    assert bad.message.startswith(name)
    run_queued_tasks()
    assert UploadedArticle.objects.get(file_name="article.txt").status == "done"
    assert Article.objects.count() == 1


def test_twenty_megabyte_file_is_refused_without_being_stored(staff_client):
    big = text_file("huge.txt", b"Date: 2024-10-21\n\n" + b"word " * (4 * 1024 * 1024))
    response = upload(staff_client, big, story=StoryFactory())
    assert response.status_code == 400
    assert "huge.txt: too large" in response.text
    assert not UploadedArticle.objects.exists()


def test_a_batch_with_one_good_file_records_why_the_others_failed(staff_client):
    big = text_file("huge.txt", b"Date: 2024-10-21\n\n" + b"word " * (4 * 1024 * 1024))
    upload(staff_client, big, text_file(), story=StoryFactory())
    refused = UploadedArticle.objects.get(file_name="huge.txt")
    assert refused.status == "failed" and "too large" in refused.message and refused.text == ""
    assert UploadedArticle.objects.get(file_name="article.txt").status != "failed"


def test_an_upload_where_every_file_fails_creates_no_story(staff_client):
    response = upload(
        staff_client,
        text_file("empty.txt", b""),
        text_file("b.png", b"\x89PNG\x00"),
        new_story="Nothing usable",
    )
    assert response.status_code == 400
    assert "empty.txt: empty file" in response.text and "b.png: binary file" in response.text
    assert not Story.objects.filter(title="Nothing usable").exists()
    assert not UploadedArticle.objects.exists()


def test_article_without_a_date_fails_at_ingest_with_the_reason(staff_client):
    upload(
        staff_client, text_file("nodate.txt", "Just words, no date here.\n"), story=StoryFactory()
    )
    run_queued_tasks()
    failed = UploadedArticle.objects.get()
    assert failed.status == "failed"
    assert "no publication date" in failed.message
    assert not Article.objects.exists()


def test_status_fragment_polls_while_work_is_pending(staff_client):
    upload(staff_client, text_file(), story=StoryFactory())
    fragment = staff_client.get(reverse("ingest-status"), headers={"HX-Request": "true"}).text
    assert 'hx-trigger="every 2s"' in fragment
    assert "<html" not in fragment
    run_queued_tasks()
    fragment = staff_client.get(reverse("ingest-status")).text
    assert "every 2s" not in fragment
    assert "done" in fragment


def test_upload_page_shows_hostile_file_names_as_text(staff_client):
    upload(staff_client, text_file("<script>alert(1)</script>.txt", b""), story=StoryFactory())
    html = staff_client.get(reverse("ingest")).text
    assert "<script>alert(1)</script>" not in html


def test_losing_the_race_to_insert_the_same_article_is_not_an_error(staff_client, monkeypatch):
    """Another worker inserted the text between our check and our insert."""
    upload(staff_client, text_file("a.txt"), text_file("b.txt"), story=StoryFactory())
    first, second = UploadedArticle.objects.order_by("pk")
    process_upload(upload_id=first.pk)
    # The duplicate check misses (as if it ran before the other commit); the insert collides.
    monkeypatch.setattr(Article.objects, "by_content_hash", lambda digest: None)
    process_upload(upload_id=second.pk)
    second.refresh_from_db()
    first.refresh_from_db()
    assert (second.status, second.article_id) == ("done", first.article_id)
    assert second.created_article is False
    assert Article.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's shared in-memory test database locks"
)
@pytest.mark.django_db(transaction=True)
def test_same_article_ingested_by_two_workers_at_once_makes_one_article():
    story = StoryFactory()
    uploads = [
        UploadedArticle.objects.create(story=story, file_name=f"{n}.txt", text=ARTICLE)
        for n in range(2)
    ]
    barrier = threading.Barrier(2)
    errors = []

    def work(upload_id):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            process_upload(upload_id=upload_id)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(u.pk,)) for u in uploads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Article.objects.count() == 1
    assert set(UploadedArticle.objects.values_list("status", flat=True)) == {"done"}
    assert set(UploadedArticle.objects.values_list("article", flat=True)) == {
        Article.objects.get().pk
    }

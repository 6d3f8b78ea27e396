"""Editors upload article files; a background worker ingests them (see timeline.tasks)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import Story
from timeline.ingest import IngestError, get_story, read_article_file
from timeline.models import UploadedArticle
from timeline.pages import looks_like_html
from timeline.tasks import enqueue_upload

MAX_FILES = 50
RECENT = 30


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        allow_empty_file=True,  # an empty file gets its own message, the batch goes on
        label="Article files (plain text, UTF-8)",
        help_text="One article per file. A first line like “Date: 2024-10-21” gives its date.",
    )
    story = forms.ModelChoiceField(
        queryset=Story.objects.order_by("title"), required=False, empty_label="— a new story —"
    )
    new_story = forms.CharField(label="New story title", max_length=300, required=False)
    published = forms.DateField(
        label="Published on (optional, overrides the files’ date lines)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at once.")
        return files

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("story") and not (data.get("new_story") or "").strip():
            raise forms.ValidationError("Choose a story, or give the title of a new one.")
        return data


@staff_member_required
@require_http_methods(["GET", "POST"])
def upload_articles(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(uploaded, *read_or_why_not(uploaded)) for uploaded in form.cleaned_data["files"]]
        if not any(text for _, text, _ in files):  # nothing to ingest: change nothing
            for _, _, reason in files:
                form.add_error("files", reason)
            return render(request, "ingest.html", {"form": form, **status_context()}, status=400)
        try:
            story = form.cleaned_data["story"] or get_story(title=form.cleaned_data["new_story"])
        except IngestError:
            form.add_error("new_story", "Give the new story a title with letters or digits.")
            return render(request, "ingest.html", {"form": form, **status_context()}, status=400)
        for uploaded, text, reason in files:
            queue_file(
                uploaded,
                text=text,
                reason=reason,
                story=story,
                published=form.cleaned_data["published"],
                user=request.user,
            )
        return redirect("ingest")
    return render(request, "ingest.html", {"form": form, **status_context()})


@staff_member_required
@require_GET
def upload_status(request: HttpRequest) -> HttpResponse:
    return render(request, "ingest.html#uploads", status_context())


def status_context() -> dict:
    uploads = list(UploadedArticle.objects.select_related("story", "article")[:RECENT])
    return {"uploads": uploads, "pending": any(upload.pending for upload in uploads)}


def read_or_why_not(uploaded: UploadedFile) -> tuple[str, str]:
    """(the file's text, "") if it reads as an article, else ("", why not)."""
    try:
        return read_upload(uploaded), ""
    except IngestError as error:
        return "", str(error)


def queue_file(
    uploaded: UploadedFile, *, text: str, reason: str, story: Story, published: date | None, user
) -> None:
    """Record the file; queue it if it read as an article, else record why not."""
    name = (uploaded.name or "article.txt")[:255]
    upload = UploadedArticle(story=story, file_name=name, published_on=published, text=text)
    upload.uploaded_by = user if user.is_authenticated else None
    if reason:
        upload.status = UploadedArticle.Status.FAILED
        upload.message = reason
        upload.save()
        return
    with transaction.atomic():
        upload.save()
        enqueue_upload(upload)


def read_upload(uploaded: UploadedFile) -> str:
    """The file's text, by the ingest's own rules (size, binary, UTF-8, empty), or why not."""
    name = get_valid_filename(Path(uploaded.name or "article.txt").name) or "article.txt"
    limit = settings.INGEST_MAX_UPLOAD_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise IngestError(
            f"{name}: too large ({uploaded.size / 1_048_576:.1f} MB; "
            f"the limit is {limit / 1_048_576:.0f} MB)"
        )
    with tempfile.TemporaryDirectory(prefix="dateline-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as copy:
            for chunk in uploaded.chunks():
                copy.write(chunk)
        try:
            text = read_article_file(path)
        except IngestError as error:
            raise IngestError(str(error).replace(f"{folder}/", "")) from None
    if looks_like_html(text):
        raise IngestError(
            f"{name}: an HTML page, not plain text; save the article's text and upload that"
        )
    return text

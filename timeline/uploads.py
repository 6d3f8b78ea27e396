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
from timeline.fetch import is_web_link
from timeline.ingest import IngestError, get_story
from timeline.models import UploadedArticle
from timeline.pages import decode_page, looks_like_html
from timeline.sources import PAGE_SUFFIXES, page_draft, read_article_file, read_bytes
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
        required=False,
        allow_empty_file=True,  # an empty file gets its own message, the batch goes on
        label="Article files (plain text, or web pages saved as .html)",
        help_text="One article per file. A page’s date is read from it; a text’s from a first "
        "line like “Date: 2024-10-21”.",
    )
    links = forms.CharField(
        label="Links to articles or feeds (one a line)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text="Each page is fetched in the background, its text and date read from it; "
        "a feed's entries each become a link of their own.",
    )
    story = forms.ModelChoiceField(
        queryset=Story.objects.order_by("title"), required=False, empty_label="— a new story —"
    )
    new_story = forms.CharField(label="New story title", max_length=300, required=False)
    published = forms.DateField(
        label="Published on (optional, overrides the dates read from the articles)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_files(self) -> list[UploadedFile]:
        files = [item for item in self.cleaned_data["files"] if item]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at once.")
        return files

    def clean_links(self) -> list[str]:
        links = []
        for number, line in enumerate(self.cleaned_data["links"].splitlines(), start=1):
            link = line.strip()
            if not link:
                continue
            if not is_web_link(link) or len(link) > 1000:
                raise forms.ValidationError(
                    f"Line {number} is not an http:// or https:// link: “{link[:80]}”."
                )
            links.append(link)
        if len(links) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} links at once.")
        return list(dict.fromkeys(links))

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("story") and not (data.get("new_story") or "").strip():
            raise forms.ValidationError("Choose a story, or give the title of a new one.")
        if not self.errors and not data.get("files") and not data.get("links"):
            raise forms.ValidationError("Choose article files, or paste links to articles.")
        return data


@staff_member_required
@require_http_methods(["GET", "POST"])
def upload_articles(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(uploaded, *read_or_why_not(uploaded)) for uploaded in form.cleaned_data["files"]]
        links = form.cleaned_data["links"]
        if not links and not any(text for _, _, text, _ in files):  # nothing to ingest
            for _, _, _, reason in files:
                form.add_error("files", reason)
            return render(request, "ingest.html", {"form": form, **status_context()}, status=400)
        try:
            story = form.cleaned_data["story"] or get_story(title=form.cleaned_data["new_story"])
        except IngestError:
            form.add_error("new_story", "Give the new story a title with letters or digits.")
            return render(request, "ingest.html", {"form": form, **status_context()}, status=400)
        published = form.cleaned_data["published"]
        for uploaded, kind, text, reason in files:
            name = (uploaded.name or "article.txt")[:255]
            queue(
                UploadedArticle(story=story, kind=kind, file_name=name, text=text),
                reason=reason,
                published=published,
                user=request.user,
            )
        for link in links:
            queue(
                UploadedArticle(
                    story=story, kind=UploadedArticle.Kind.LINK, file_name=link[:255], link=link
                ),
                published=published,
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


def read_or_why_not(uploaded: UploadedFile) -> tuple[str, str, str]:
    """(its kind, its text, "") if the file reads as an article, else (kind, "", why not)."""
    try:
        return *read_upload(uploaded), ""
    except IngestError as error:
        return UploadedArticle.Kind.TEXT, "", str(error)


def queue(upload: UploadedArticle, *, published: date | None, user, reason: str = "") -> None:
    """Record the upload; queue it if it read as an article, else record why not."""
    upload.published_on = published
    upload.uploaded_by = user if user.is_authenticated else None
    if reason:
        upload.status = UploadedArticle.Status.FAILED
        upload.message = reason
        upload.save()
        return
    with transaction.atomic():
        upload.save()
        enqueue_upload(upload)


def read_upload(uploaded: UploadedFile) -> tuple[str, str]:
    """The file's kind and text, by the ingest's own rules (size, binary, UTF-8, empty; a
    page must hold an article), or why not."""
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
            if path.suffix.lower() in PAGE_SUFFIXES:
                html = decode_page(read_bytes(path))
            else:
                html = read_article_file(path)
                if not looks_like_html(html):
                    return UploadedArticle.Kind.TEXT, html
        except IngestError as error:
            raise IngestError(str(error).replace(f"{folder}/", "")) from None
    page_draft(html, source=name)  # an article in it, or why not, now rather than later
    return UploadedArticle.Kind.PAGE, html

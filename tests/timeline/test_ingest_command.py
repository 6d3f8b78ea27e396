"""The ingest command: manifests, per-file failures, progress, summary, exit status."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Story

from .conftest import run_ingest as run

pytestmark = pytest.mark.django_db

ARTICLE = "South Korea has summoned the Russian ambassador over troops.\nMore text follows here.\n"


def write_manifest(folder, articles, story="Troops in Russia"):
    path = folder / "manifest.json"
    path.write_text(json.dumps({"story": story, "articles": articles}), encoding="utf-8")
    return path


def test_manifest_names_the_story_and_gives_dates_and_titles(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = write_manifest(
        tmp_path, [{"file": "a.txt", "published": "2024-10-21", "title": "Seoul summons envoy"}]
    )
    out, _, error = run(str(manifest))
    assert error is None
    article = Article.objects.get()
    assert (article.story.slug, article.title) == ("troops-in-russia", "Seoul summons envoy")
    assert "articles: 1 new, 0 skipped" in out


def test_story_option_overrides_the_manifest_story(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = write_manifest(tmp_path, [{"file": "a.txt", "published": "2024-10-21"}])
    run(str(manifest), "--story", "mine")
    assert Story.objects.get().slug == "mine"


def test_bad_file_is_reported_in_one_line_and_the_others_go_in(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    out, err, error = run(
        str(tmp_path / "bad.txt"),
        str(tmp_path / "good.txt"),
        "--story",
        "s",
        "--published",
        "2024-10-21",
    )
    assert "bad.txt: binary file" in err
    assert "Traceback" not in err
    assert error and "1 input(s) failed" in error
    assert Article.objects.count() == 1
    assert "1 new, 0 skipped (already ingested), 1 failed" in out


def test_file_without_a_date_fails_naming_the_file(tmp_path):
    (tmp_path / "undated.txt").write_text(ARTICLE, encoding="utf-8")
    _, err, error = run(str(tmp_path / "undated.txt"), "--story", "s")
    assert "undated.txt: no publication date" in err
    assert error is not None
    assert not Article.objects.exists()


def test_plain_file_without_story_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _, err, error = run(str(tmp_path / "a.txt"), "--published", "2024-10-21")
    assert "--story" in err and error is not None


def test_bad_published_option_is_a_one_line_error(tmp_path):
    _, _, error = run(str(tmp_path / "a.txt"), "--story", "s", "--published", "21/10/2024")
    assert error and "YYYY-MM-DD" in error


def test_second_run_skips_what_is_already_ingested(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = (str(tmp_path / "a.txt"), "--story", "s", "--published", "2024-10-21")
    run(*args)
    out, _, _ = run(*args)
    assert "0 new, 1 skipped" in out


def test_progress_flag_writes_progress_lines_to_stderr(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _, err, _ = run(
        str(tmp_path / "a.txt"), "--story", "s", "--published", "2024-10-21", "--progress"
    )
    assert "[1/1] a.txt" in err


def test_broken_manifest_is_reported_in_one_line(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text("{not json", encoding="utf-8")
    _, err, error = run(str(path))
    assert "manifest.json: not valid JSON" in err and error is not None


def test_command_says_nothing_was_ingested_when_every_input_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match="nothing was ingested"):
        call_command("ingest", str(empty), "--story", "s", "--published", "2024-10-21")


def test_a_manifest_names_only_files_in_its_own_folder(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "story"
    folder.mkdir()
    manifest = folder / "manifest.json"
    manifest.write_text(
        json.dumps(
            {"story": "S", "articles": [{"file": "../secret.txt", "published": "2024-10-21"}]}
        ),
        encoding="utf-8",
    )
    _, err, error = run(str(manifest))
    assert "“../secret.txt” is not a file in the manifest’s folder" in err and error is not None
    assert not Article.objects.exists()

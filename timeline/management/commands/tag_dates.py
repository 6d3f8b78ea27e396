"""Print the temporal expressions of a text, or of a JSONL batch, as JSON lines."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.temporal import tag
from timeline.temporal.scoring import InputError, parse_dct, read_jsonl
from timeline.textfile import NotText, decode_text

BATCH_FIELDS = ("start", "end", "text", "type", "value")


class Command(BaseCommand):
    help = "Tag the dates in FILE (or stdin) against --dct, or in a --jsonl batch."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="UTF-8 text file; stdin when omitted")
        parser.add_argument("--dct", help="document (publication) date, YYYY-MM-DD")
        parser.add_argument("--jsonl", help='batch input: lines of {"doc_id", "dct", "text"}')

    def handle(self, *args, **options):
        try:
            if options["jsonl"]:
                if options["file"]:
                    raise InputError("give either FILE or --jsonl, not both")
                self._batch(options["jsonl"])
            else:
                if not options["dct"]:
                    raise InputError("--dct YYYY-MM-DD is required")
                dct = date.fromisoformat(parse_dct(options["dct"], where="--dct: "))
                text = _read_text(options["file"])
                for timex in tag(text, dct):
                    self.stdout.write(json.dumps(timex.to_dict(), ensure_ascii=False))
        except InputError as error:
            raise CommandError(str(error)) from None

    def _batch(self, path: str) -> None:
        lines = _read_text(path).splitlines()
        for record in read_jsonl(lines, required=("dct", "text")):
            if not isinstance(record["text"], str):
                raise InputError(f"doc {record.get('doc_id')!r}: text must be a string")
            timexes = tag(record["text"], date.fromisoformat(record["dct"]))
            out = {
                "doc_id": record.get("doc_id"),
                "timexes": [{k: t.to_dict()[k] for k in BATCH_FIELDS} for t in timexes],
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False))


def _read_text(path: str | None) -> str:
    """The whole file (or stdin) as text; a one-line reason if it is not usable UTF-8 text."""
    name = path or "stdin"
    try:
        data = Path(path).read_bytes() if path else sys.stdin.buffer.read()
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    try:
        return decode_text(data, keep_bom=True)
    except NotText as error:
        raise InputError(f"{name}: {error}") from None

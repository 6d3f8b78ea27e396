"""Score the date tagger against gold JSONL, TempEval-3 style."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.temporal.scoring import (
    SPLITS,
    InputError,
    evaluate,
    format_errors,
    format_report,
    read_jsonl,
    select_split,
)


class Command(BaseCommand):
    help = 'Score tag() on GOLD.jsonl lines {"doc_id","dct","text","timexes":[...]}.'

    def add_arguments(self, parser):
        parser.add_argument("gold", help="gold JSONL file")
        parser.add_argument(
            "--errors",
            action="store_true",
            help="list each miss, spurious and wrong value, grouped by kind, largest group first",
        )
        parser.add_argument(
            "--split",
            choices=SPLITS,
            default="all",
            help="score one fixed half of the documents, chosen by a hash of doc_id: tune "
            "rules on 'dev' only and report 'test' as held out (default: all)",
        )

    def handle(self, *args, **options):
        path = Path(options["gold"])
        try:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError as error:
                raise InputError(f"cannot read {path}: {error.strerror or error}") from None
            except UnicodeDecodeError:
                raise InputError(f"{path} is not UTF-8") from None
            documents = list(read_jsonl(lines, required=("dct", "text", "timexes")))
            if not documents:
                raise InputError(f"{path} holds no documents")
            documents = select_split(documents, options["split"])
            if not documents:
                raise InputError(f"{path} holds no documents in the {options['split']} split")
            report = evaluate(documents)
        except InputError as error:
            raise CommandError(str(error)) from None
        except (KeyError, TypeError) as error:
            raise CommandError(f"malformed gold timex: {error}") from None
        if options["split"] != "all":
            self.stdout.write(f"split: {options['split']}")
        self.stdout.write(format_report(report))
        if options["errors"]:
            self.stdout.write("")
            self.stdout.write(format_errors(report))

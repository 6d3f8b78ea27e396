"""Re-queue uploaded articles whose background worker died mid-ingest."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from timeline.tasks import requeue_stalled_uploads


class Command(BaseCommand):
    help = (
        "Queue again the uploads left 'running' by a worker that stopped (killed, machine lost). "
        "Ingest is idempotent, so a re-run never duplicates an article."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.INGEST_JOB_STALE_SECONDS,
            help="Seconds an upload may run before it counts as stalled (default: %(default)s).",
        )

    def handle(self, *args, **options) -> None:
        count = requeue_stalled_uploads(older_than=timedelta(seconds=options["older_than"]))
        self.stdout.write(f"Re-queued {count} stalled upload{'s' if count != 1 else ''}.")

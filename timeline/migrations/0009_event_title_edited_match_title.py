"""Titles: whether an editor wrote the title, and the founding report's title that
clustering compares (the shown title may be a better report's)."""

from django.db import migrations, models

from timeline.migrations._columns import AddColumn


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0008_event_days_gist"),
    ]

    operations = [
        AddColumn(
            model_name="event",
            name="title_edited",
            field=models.BooleanField(
                default=False, help_text="An editor wrote the title: ingest leaves it as it is."
            ),
        ),
        AddColumn(
            model_name="event",
            name="match_title",
            field=models.CharField(
                blank=True,
                help_text=(
                    "What ingest compares new reports with, besides the citations: the title "
                    "of the report that founded the event (blank: the title)."
                ),
                max_length=300,
            ),
        ),
    ]

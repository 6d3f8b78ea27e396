"""A GiST index over each event's days as a range, for the timeline's date filter on
PostgreSQL (see EVENT_DAYS); elsewhere the filter compares the two dates."""

import django.contrib.postgres.fields.ranges
import django.contrib.postgres.indexes
from django.db import migrations, models

from timeline.migrations._postgres import AddIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_story_revision"),
        ("timeline", "0007_event_story_updated"),
    ]

    operations = [
        AddIndexOnPostgres(
            model_name="event",
            index=django.contrib.postgres.indexes.GistIndex(
                models.Func(
                    models.F("date_start"),
                    models.F("date_end"),
                    models.Value("[]"),
                    function="daterange",
                    output_field=django.contrib.postgres.fields.ranges.DateRangeField(),
                ),
                name="event_days_gist",
            ),
        ),
    ]

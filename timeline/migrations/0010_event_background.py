"""Events the sources tell only as background: long before the articles' own dates."""

from django.db import migrations, models

from timeline.migrations._columns import AddColumn


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0009_event_title_edited_match_title"),
    ]

    operations = [
        AddColumn(
            model_name="event",
            name="background",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Background, not the story's news: every source tells it as something "
                    "long past (a founding, a birth, an earlier lawsuit)."
                ),
            ),
        ),
    ]

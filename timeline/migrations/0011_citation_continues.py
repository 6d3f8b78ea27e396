"""Citations of sentences that go on telling the news an earlier sentence dates."""

from django.db import migrations, models

from timeline.migrations._columns import AddColumn


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0010_event_background"),
    ]

    operations = [
        AddColumn(
            model_name="citation",
            name="continues",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The sentence has no date of its own: it goes on telling the news an "
                    "earlier sentence of the article dates (“Jobs also said …”)."
                ),
            ),
        ),
    ]

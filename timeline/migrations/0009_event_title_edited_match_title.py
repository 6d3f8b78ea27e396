"""Titles: whether an editor wrote the title, and the founding report's title that
clustering compares (the shown title may be a better report's)."""

from django.db import migrations, models


class AddColumn(migrations.AddField):
    """AddField that, on SQLite, adds the column in place (ALTER TABLE … ADD COLUMN with
    its default) rather than rebuilding the table: a rebuild would create every index of
    the model, the PostgreSQL-only search index too."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        field = model._meta.get_field(self.name)
        definition, params = schema_editor.column_sql(model, field, include_default=True)
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"ALTER TABLE {quote(model._meta.db_table)} ADD COLUMN {quote(field.column)} "
            f"{definition}",
            params,
        )


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

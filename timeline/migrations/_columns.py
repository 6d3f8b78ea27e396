"""Column operations shared by migrations (not a migration itself: the leading
underscore keeps Django's loader away)."""

from django.db import migrations


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

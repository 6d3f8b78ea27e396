"""Full-text search indexes: GIN over the same tsvector expressions that
`EventQuerySet.search` queries. PostgreSQL only: on other databases the
operations change the migration state (so the models and migrations agree)
but create nothing, and search falls back to substring matching."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

from timeline.migrations._postgres import AddIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_event_disagreement"),
    ]

    operations = [
        AddIndexOnPostgres(
            model_name="citation",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.SearchVector("quote", config="english"),
                name="citation_search_gin",
            ),
        ),
        AddIndexOnPostgres(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "title", config="english", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "summary", config="english", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                name="event_search_gin",
            ),
        ),
    ]

from django.contrib import admin

from articles.models import Article, Story, TemporalExpression


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "created_at"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}


class TemporalExpressionInline(admin.TabularInline):
    model = TemporalExpression
    extra = 0
    fields = [
        "text",
        "type",
        "value",
        "date_start",
        "date_end",
        "granularity",
        "anchor_date",
        "rule",
    ]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "story", "outlet", "published_on", "published_from"]
    list_filter = ["story", "published_from", "published_on"]
    search_fields = ["title", "outlet", "body"]
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "ingested_at"]
    list_select_related = ["story"]
    inlines = [TemporalExpressionInline]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        # Citations and date expressions point into the text by character offsets, and
        # the text is stored as published: once there, it is never edited.
        return [*self.readonly_fields, "body"] if obj else self.readonly_fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            # Editors paste addresses without a scheme; today's web is https.
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(TemporalExpression)
class TemporalExpressionAdmin(admin.ModelAdmin):
    list_display = ["text", "type", "value", "granularity", "article", "rule"]
    list_filter = ["type", "granularity", "rule"]
    search_fields = ["text", "value"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.http import HttpRequest

from timeline.models import Citation, Event


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    fields = ["article", "quote", "start", "end", "expression"]
    raw_id_fields = ["article", "expression"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "display_date",
        "granularity",
        "status",
        "date_kind",
        "citation_count",
        "story",
    ]
    list_display_links = ["title"]
    list_filter = [
        "status",
        "granularity",
        "date_kind",
        "story",
        ("date_start", admin.DateFieldListFilter),
    ]
    search_fields = ["title", "summary", "citations__quote"]
    date_hierarchy = "date_start"
    ordering = ["date_start", "date_end", "id"]
    list_select_related = ["story"]
    readonly_fields = ["uid", "merged_into", "created_at", "updated_at"]
    fields = [
        "story",
        "title",
        "summary",
        ("date_start", "date_end", "granularity"),
        ("status", "date_kind"),
        "merged_into",
        ("uid", "created_at", "updated_at"),
    ]
    inlines = [CitationInline]
    actions = ["approve", "reject", "merge", "split_by_source"]

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        # An editor's title stands: ingest no longer picks a better report's for it.
        if "title" in form.changed_data or not change:
            obj.title_edited = True
        super().save_model(request, obj, form, change)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).annotate(citation_total=Count("citations"))

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, event: Event) -> int:
        return event.citation_total

    @admin.display(description="date", ordering="date_start")
    def display_date(self, event: Event) -> str:
        return event.display_date

    @admin.action(description="Approve selected events")
    def approve(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = self._set_status(request, queryset, Event.Status.APPROVED)
        self.message_user(request, f"Approved {count} event(s).", messages.SUCCESS)

    @admin.action(description="Reject selected events")
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = self._set_status(request, queryset, Event.Status.REJECTED)
        self.message_user(request, f"Rejected {count} event(s).", messages.SUCCESS)

    @transaction.atomic
    def _set_status(self, request: HttpRequest, queryset: QuerySet[Event], status: str) -> int:
        events = list(queryset.exclude(status=Event.Status.MERGED))
        Event.objects.filter(pk__in=[event.pk for event in events]).update(status=status)
        for event in events:  # the admin's history: who decided, and when
            self.log_change(request, event, f"Status set to {status}.")
        return len(events)

    @admin.action(description="Merge selected events into the best-cited one")
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        # An editor's approval outweighs citations: a rejected event never absorbs others.
        standing = Case(
            When(status=Event.Status.APPROVED, then=Value(0)),
            When(status=Event.Status.PROPOSED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        events = list(queryset.order_by(standing, "-citation_total", "id"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return
        target, others = events[0], events[1:]
        try:
            moved = target.absorb(others)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        for other in others:
            self.log_change(request, other, f"Merged into event {target.pk} “{target.title}”.")
        self.log_change(request, target, f"Absorbed {len(others)} event(s), {moved} citation(s).")
        self.message_user(
            request,
            f"Merged {len(others)} event(s) into “{target.title}”; {moved} citation(s) moved.",
            messages.SUCCESS,
        )

    @admin.action(description="Split selected events: one event per source article")
    @transaction.atomic
    def split_by_source(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        created = 0
        for event in queryset.prefetch_related("citations"):
            by_article: dict[int, list[Citation]] = {}
            for citation in event.citations.all():
                by_article.setdefault(citation.article_id, []).append(citation)
            for citations in list(by_article.values())[1:]:
                twin = Event.objects.create(
                    story=event.story,
                    title=event.title,
                    title_edited=event.title_edited,
                    match_title=event.match_title,
                    summary=event.summary,
                    date_start=event.date_start,
                    date_end=event.date_end,
                    granularity=event.granularity,
                    date_kind=event.date_kind,
                    status=Event.Status.PROPOSED,
                )
                Citation.objects.filter(pk__in=[c.pk for c in citations]).update(event=twin)
                self.log_addition(request, twin, f"Split off event {event.pk}.")
                created += 1
        self.message_user(request, f"Split off {created} new event(s).", messages.SUCCESS)


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "start", "end"]
    search_fields = ["quote", "event__title", "article__title"]
    list_select_related = ["event", "article"]
    raw_id_fields = ["event", "article", "expression"]

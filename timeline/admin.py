from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.text import Truncator

from timeline.curation import merge_events, split_by_source
from timeline.models import Citation, Event
from timeline.periods import BadPeriod, parse_period


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    fields = ["article", "quote", "start", "end", "expression"]
    raw_id_fields = ["article", "expression"]


class StoryPeriodFilter(admin.SimpleListFilter):
    """The years and months the events fall in (of the story chosen, if one is): a story
    of 2005–2011 offers those years, not “past 7 days”."""

    title = "date"
    parameter_name = "period"

    def lookups(self, request, model_admin):
        events = Event.objects.current()
        story = request.GET.get("story__id__exact", "")
        if story.isascii() and story.isdigit():
            events = events.filter(story_id=int(story))
        months = events.order_by().dates("date_start", "month")
        choices, years = [], set()
        for month in months:
            if month.year not in years:
                years.add(month.year)
                choices.append((str(month.year), str(month.year)))
            choices.append((f"{month:%Y-%m}", f"— {month:%B %Y}"))
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            start, end = parse_period(self.value())
        except BadPeriod:
            return queryset.none()
        return queryset.overlapping(start, end)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "display_date",
        "first_quote",
        "granularity",
        "status",
        "date_kind",
        "citation_count",
        "story",
    ]
    list_display_links = ["title"]
    list_filter = ["status", StoryPeriodFilter, "granularity", "date_kind", "story"]
    search_fields = ["title", "summary", "citations__quote"]
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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "title":  # room for a whole title, not twenty characters of it
            kwargs["widget"] = forms.TextInput(attrs={"size": 90, "class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        # An editor's title stands: ingest no longer picks a better report's for it.
        if "title" in form.changed_data or not change:
            obj.title_edited = True
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # A form that failed to save has put the rejected values on `obj`: the heading and
        # the breadcrumbs name the event as it is saved.
        if change and obj is not None and context["adminform"].form.errors:
            saved = Event.objects.filter(pk=obj.pk).first()
            if saved is not None:
                context["original"] = saved
                context["subtitle"] = str(saved)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        first = Citation.objects.filter(event=OuterRef("pk")).order_by(
            "article__published_on", "article_id", "start"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                citation_total=Count("citations"),
                first_quote_text=Subquery(first.values("quote")[:1]),
            )
        )

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, event: Event) -> int:
        return event.citation_total

    @admin.display(description="first quote")
    def first_quote(self, event: Event) -> str:
        return Truncator(event.first_quote_text or "").chars(160)

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

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Event], status: str) -> int:
        from timeline.review import set_status  # the queue's decisions, logged the same way

        return set_status(list(queryset), status, user=request.user)

    @admin.action(description="Merge selected events into one you choose")
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]):
        # An editor's approval outweighs citations: a rejected event is never offered first.
        standing = Case(
            When(status=Event.Status.APPROVED, then=Value(0)),
            When(status=Event.Status.PROPOSED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        events = list(queryset.order_by(standing, "-citation_total", "id"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        chosen = request.POST.get("survivor", "")
        if "confirm" not in request.POST:
            context = {
                **self.admin_site.each_context(request),
                "title": "Merge events: which one survives?",
                "events": events,
                "suggested": events[0].pk,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "admin/timeline/event/merge.html", context)
        survivor = next((e for e in events if str(e.pk) == chosen), None)
        if survivor is None:
            self.message_user(request, "Choose the event that survives the merge.", messages.ERROR)
            return None
        others = [e for e in events if e.pk != survivor.pk]
        try:
            moved = merge_events(survivor=survivor, others=others)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        for other in others:
            self.log_change(request, other, f"Merged into event {survivor.pk} “{survivor.title}”.")
        self.log_change(request, survivor, f"Absorbed {len(others)} event(s), {moved} citation(s).")
        self.message_user(
            request,
            f"Merged {len(others)} event(s) into “{survivor.title}”; {moved} citation(s) moved.",
            messages.SUCCESS,
        )
        return None

    @admin.action(description="Split selected events: one event per source article")
    def split_by_source(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        created = 0
        for event in queryset.exclude(status=Event.Status.MERGED):
            for piece in split_by_source(event=event):
                self.log_addition(request, piece, f"Split off event {event.pk}.")
                created += 1
            if created:
                self.log_change(request, event, "Split by source; dated again from its citations.")
        self.message_user(request, f"Split off {created} new event(s).", messages.SUCCESS)


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "start", "end"]
    search_fields = ["quote", "event__title", "article__title"]
    list_select_related = ["event", "article"]
    raw_id_fields = ["event", "article", "expression"]

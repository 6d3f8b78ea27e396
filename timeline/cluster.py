"""Candidates from many articles → one event per real-world happening.

A candidate joins the most similar existing event whose date is compatible with its own
(the same period, one inside the other, or — for day dates a day or two apart — the same
happening with a disputed date). Otherwise it becomes a new proposed event. Editors'
decisions stand: an approved or rejected event only gains the citation, and a merged
event hands the candidate on to the event it was merged into.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Model
from django.db.models.constants import OnConflict
from django.utils import timezone

from articles.models import Article, Story
from timeline.extract import Candidate, split_sentences
from timeline.keywords import WEAK, Bag, Scorer, content_tokens, figures_in, topic_words
from timeline.models import Citation, Event
from timeline.periods import describe_interval
from timeline.titles import main_clause, title_rank

SIMILAR = 0.17  # the least similarity for two reports to be one event
NESTED_SIMILAR = 0.3  # "June" and "June 19" may be one event, but must read alike
SAME_RANGE_BONUS = 0.15  # two sources giving the same odd range is itself evidence
SAME_ARTICLE_EXTRA = 0.15  # one article rarely tells one event twice: ask for more
NEAR_DAYS = 2  # day dates this close may be one event the sources date differently
NEAR_SIMILAR = 0.75
RANGE_LOOKBACK = timedelta(days=92)  # the longest free range we look back for
WINDOW_LIMIT = 300  # bounds the work per candidate whatever the story's size

GRANULARITY_ORDER = ["day", "week", "range", "month", "quarter", "year", "decade", "open"]
_NEAR = timedelta(days=NEAR_DAYS)
_NEEDED = {"near": NEAR_SIMILAR, "nested": NESTED_SIMILAR}


@dataclass
class MergeOutcome:
    proposed: int = 0  # new events
    merged: int = 0  # candidates that joined an existing event


@dataclass(slots=True)
class Slot:
    """An event as clustering sees it during one batch: stored already, or about to be."""

    pk: int | None
    title: str
    date_start: date
    date_end: date
    granularity: str
    status: str = Event.Status.PROPOSED
    date_kind: str = Event.DateKind.HAPPENED
    background: bool = False
    merged_into: int | None = None
    disagreement: str = ""
    title_edited: bool = False  # an editor wrote the title
    match_title: str = ""  # the founding report's title, which matching compares
    citations: list[tuple[int, int, str]] = field(default_factory=list)  # article, start, quote
    sources: set[int] = field(default_factory=set)  # the articles cited
    sentences: set[tuple[int, int]] = field(default_factory=set)  # (article, start) cited
    added: list[Candidate] = field(default_factory=list)
    redated: bool = False
    retitled: bool = False
    disputed: bool = False  # a source dates it differently (a day or two apart)
    # Every report of it is dated only by its article's publication day: a source that
    # says the day ("On August 24, Jobs resigned") dates it better, a day or two apart.
    assumed_day: bool = False
    _bags: list[Bag] = field(default_factory=list)  # title, then one per citation

    def bags(self) -> list[Bag]:
        """What the event reads like: its title and each citation, tokenised once.

        The title compared is the one the event was founded with (or the editor's), not
        the one it shows: a better title chosen later must not change what matches it.
        """
        bags = self._bags
        if len(bags) <= len(self.citations):
            if not bags:
                compared = self.title if self.title_edited else self.match_title or self.title
                bags.append(bag(compared, compared))
            for _, _, quote in self.citations[len(bags) - 1 :]:
                bags.append(quote_bag(quote))
        return bags

    @classmethod
    def of(cls, candidate: Candidate) -> Slot:
        slot = cls(
            pk=None,
            title=candidate.title[:300],
            match_title=candidate.title[:300],
            date_start=candidate.date_start,
            date_end=candidate.date_end,
            granularity=candidate.granularity,
            date_kind=candidate.date_kind,
            background=candidate.background,
        )
        slot.add(candidate)
        return slot

    def cite(
        self,
        article_id: int,
        start: int,
        quote: str,
        *,
        continues: bool = False,
        dated: bool = True,
    ) -> None:
        """A sentence that reports the event. One that only goes on telling it (`continues`)
        is not compared with new reports: it says more than the event is about. `dated`:
        the report gives the event's date itself (not only its article's day)."""
        if not continues:
            self.assumed_day = not dated and (self.assumed_day or not self.citations)
            self.citations.append((article_id, start, quote))
        self.sources.add(article_id)
        self.sentences.add((article_id, start))

    def add(self, candidate: Candidate) -> None:
        self.added.append(candidate)
        assumed = self.assumed_day
        self.cite(
            candidate.article.pk,
            candidate.start,
            candidate.quote,
            dated=candidate.expression is not None,
        )
        for sentence in candidate.also:
            self.cite(candidate.article.pk, sentence.start, sentence.text, continues=True)
        if date_relation(
            (candidate.date_start, candidate.date_end), (self.date_start, self.date_end)
        ) not in ("same", "nested"):
            self.disputed = True
        if self.status != Event.Status.PROPOSED:
            return  # an editor has decided on this event: only the citation is new
        if self.pk is None and len(self.added) == 1:
            return  # the candidate that founded the event
        if self.background and not candidate.background:
            self.background = False  # a source tells it as news: it is not background
            self.redated = True
        # What happened outranks what was planned; otherwise the most precise date wins.
        came_true = self.date_kind == Event.DateKind.PLANNED and (
            candidate.date_kind != Event.DateKind.PLANNED
        )
        # A day a source says outranks the publication day another report was given.
        told_the_day = assumed and candidate.expression is not None
        redate = came_true or told_the_day or _more_precise(candidate, self)
        same_date = (candidate.date_start, candidate.date_end) == (self.date_start, self.date_end)
        if redate:
            self.date_start, self.date_end = candidate.date_start, candidate.date_end
            self.granularity = candidate.granularity
            self.redated = True
        if came_true:
            self.date_kind = candidate.date_kind
        # The title follows the report that dates the event best, and among reports of
        # the same date the one that says who did what best.
        if not self.title_edited and (redate or same_date):
            title = candidate.title[:300]
            better = title_rank(title) > title_rank(self.title)
            if title != self.title and (better or redate and title_rank(title)[0]):
                self.match_title = self.match_title or self.title  # what matching knew
                self.title = title
                self.retitled = True


def merge_candidates(*, story: Story, candidates: list[Candidate]) -> MergeOutcome:
    """Cluster one batch (typically one article's candidates) into the story's events.

    Reads the neighbourhood of every candidate in one query, decides in memory, then
    writes new events and citations in bulk.
    """
    outcome = MergeOutcome()
    if not candidates:
        return outcome
    story_words = frozenset(content_tokens(story.title))
    scorers: dict[int, Scorer] = {}
    slots = neighbours_of(story=story, candidates=candidates)
    for candidate in candidates:
        article = candidate.article
        if article.pk not in scorers:
            topic = candidate.topic if candidate.topic is not None else frequent_words(article)
            # What the story and the article are about, as their titles say: a report whose
            # main clause says it ("The recall began") tells that very happening.
            headline = story_words | frozenset(content_tokens(article.title))
            scorers[article.pk] = Scorer(story_words | topic, headline=headline)
        scorer = scorers[article.pk]
        slot = best_match(
            candidate=candidate, slots=slots, background=scorer.background, scorer=scorer
        )
        if slot is None:
            slots.append(Slot.of(candidate))
            outcome.proposed += 1
        else:
            slot.add(candidate)
            outcome.merged += 1
    _save(story, slots)
    return outcome


def frequent_words(article: Article) -> frozenset[str]:
    """Words in a third or more of an article's sentences: its topic, not one event's."""
    return topic_words([frozenset(content_tokens(s.text)) for s in split_sentences(article.body)])


def best_match(
    *,
    candidate: Candidate,
    slots: list[Slot],
    background: frozenset[str],
    scorer: Scorer | None = None,
) -> Slot | None:
    """The event this candidate reports, or None for a new event."""
    score_of = scorer if scorer is not None else Scorer(background)
    mine = bag(candidate.quote, candidate.focus or candidate.title)
    article_id = candidate.article.pk
    sentence = (article_id, candidate.start)
    interval = (candidate.date_start, candidate.date_end)
    # No date relation holds with an event that ends before or starts after these.
    low, high = candidate.date_start - _NEAR, candidate.date_end + _NEAR
    best: tuple[float, Slot] | None = None
    for slot in slots:
        if slot.date_start > high or slot.date_end < low:
            continue
        relation = date_relation(interval, (slot.date_start, slot.date_end))
        if relation is None:
            continue
        if sentence in slot.sentences:
            continue  # another date of the same sentence: a different event
        # Single link: a report joins an event when it reads like one of its citations
        # (or like its title: editors retitle events, merged-away events keep only that).
        score = score_of.best(mine, slot.bags())
        if relation == "same" and slot.granularity == "range":
            score += SAME_RANGE_BONUS
        needed = _NEEDED.get(relation, SIMILAR)
        if relation == "near" and (candidate.expression is None or slot.assumed_day):
            needed = SIMILAR  # one of the two days is only the article's: no dispute
        if article_id in slot.sources:
            needed += SAME_ARTICLE_EXTRA
        if score < needed or (best is not None and score <= best[0]):
            continue
        # A plan and what happened are one event when both say the same action ("will
        # begin talks", "met for talks"), not merely the same actor.
        plan_and_deed = (slot.date_kind == Event.DateKind.PLANNED) != (
            candidate.date_kind == Event.DateKind.PLANNED
        )
        if tells_the_same(mine, slot.bags(), both=plan_and_deed):
            best = (score, slot)
    return best[1] if best else None


def tells_the_same(mine: Bag, bags: list[Bag], *, both: bool = False) -> bool:
    """Whether a report shares with an event more than who acted: a word that is not a
    name, in the main clause of either (of both, with `both`). "The agency ordered a
    recall" and "The agency will publish its findings" share only the agency."""
    # A main clause without a content word ("From June 2 to June 6") stands for nothing:
    # the whole sentence says what happened.
    own = mine.focus or mine.tokens
    for other in bags:
        shared = (mine.tokens & other.tokens) - mine.names - other.names - WEAK
        theirs = other.focus or other.tokens
        if not shared.isdisjoint(own & theirs if both else own | theirs):
            return True
    return False


@lru_cache(maxsize=20_000)
def bag(text: str, focus: str) -> Bag:
    """Tokenising is the costly part of matching; the same quotes come back again and again."""
    return Bag.of(text, focus=focus)


@lru_cache(maxsize=20_000)
def quote_bag(quote: str) -> Bag:
    """A stored citation's bag, its main clause in focus (the title is costly to find too)."""
    return bag(quote, main_clause(quote))


def window(intervals: list[tuple[date, date]]) -> tuple[list[tuple[str, list]], date]:
    """Where the events that candidates dated `intervals` could belong to are stored.

    Each condition is a bounded range (or a few exact keys) on the (story, date_start,
    date_end) index, so the cost does not grow with the story: events starting within a
    candidate's interval (give or take a day or two), calendar periods that contain it
    (they start on known days), and free ranges that began at most RANGE_LOOKBACK before
    it. They are queried as a UNION, not an OR: SQLite cannot use the range index for an
    OR of ranges and would scan the story. Overlapping ranges are merged first.

    Returns the conditions as (SQL, params) on timeline_event's columns, and the
    earliest date_end any of them can use.
    """
    slack = timedelta(days=NEAR_DAYS)
    inside = _merged([(start - slack, end + slack) for start, end in intervals])
    lookback = _merged([(start - RANGE_LOOKBACK, start) for start, _ in intervals])
    starts = sorted({day for start, _ in intervals for day in period_starts(start)})
    earliest = min(start for start, _ in intervals) - slack
    periods = GRANULARITY_ORDER[1:]
    return [
        *((f"{_START} >= %s AND {_START} <= %s", [low, high]) for low, high in inside),
        (
            f"{_START} IN ({', '.join(['%s'] * len(starts))}) "
            f"AND {_GRANULARITY} IN ({', '.join(['%s'] * len(periods))})",
            [*starts, *periods],
        ),
        *(
            (f"{_GRANULARITY} = %s AND {_START} >= %s AND {_START} <= %s", ["range", low, high])
            for low, high in lookback
        ),
    ], earliest


def _merged(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    result: list[tuple[date, date]] = []
    for low, high in sorted(ranges):
        if result and low <= result[-1][1] + timedelta(days=1):
            result[-1] = (result[-1][0], max(result[-1][1], high))
        else:
            result.append((low, high))
    return result


def neighbours(*, story: Story, start: date, end: date) -> list[Slot]:
    return _load_slots(story, [(start, end)])


def neighbours_of(*, story: Story, candidates: list[Candidate]) -> list[Slot]:
    return _load_slots(story, sorted({(c.date_start, c.date_end) for c in candidates}))


_FIELDS = (
    "pk",
    "title",
    "date_start",
    "date_end",
    "granularity",
    "status",
    "date_kind",
    "background",
    "merged_into_id",
    "disagreement",
    "title_edited",
    "match_title",
)
_qn = connection.ops.quote_name
_EVENTS = _qn(Event._meta.db_table)
_CITATIONS = _qn(Citation._meta.db_table)
_START = f"{_EVENTS}.{_qn('date_start')}"
_END = f"{_EVENTS}.{_qn('date_end')}"
_GRANULARITY = f"{_EVENTS}.{_qn('granularity')}"
_COLUMNS = ", ".join(
    f"{_EVENTS}.{_qn((Event._meta.pk if name == 'pk' else Event._meta.get_field(name)).column)}"
    for name in _FIELDS
)
_AROUND = ", ".join(f"around.{_qn(name)}" for name in _FIELDS)
_NEARBY = ", ".join(f"nearby.{_qn(name)}" for name in _FIELDS)
_CITED_COLUMNS = ", ".join(
    f"{_CITATIONS}.{_qn(Citation._meta.get_field(name).column)}"
    for name in ("article", "start", "quote", "continues", "expression")
)


def _load_slots(story: Story, intervals: list[tuple[date, date]]) -> list[Slot]:
    """The events of the window and their citations, in one query.

    Written as SQL: the ORM took longer to build this UNION than the database to run it.
    The citations come joined to the window's events (one row per citation, or one row
    with NULLs for an event without any), through the citation index keyed on the event.
    A dense story has more events in the window than WINDOW_LIMIT: those nearest the
    candidates' dates are kept, as the ones they can join.
    """
    conditions, earliest = window(intervals)
    first_day, last_day = _day_number_sql(_START), _day_number_sql(_END)
    selects, params = [], []
    for condition, values in conditions:
        selects.append(
            f"SELECT {_COLUMNS}, {first_day}, {last_day} FROM {_EVENTS} WHERE "
            f"({_EVENTS}.{_qn('story_id')} = %s "
            f"AND {_EVENTS}.{_qn('date_end')} >= %s AND {condition})"
        )
        params += [story.pk, earliest, *values]
    event_id = _qn(Citation._meta.get_field("event").column)
    limit = int(WINDOW_LIMIT)
    distance, days = _distance_sql(intervals)
    # The day numbers are worked out once per event, in `around`, and compared in
    # `nearby`. Nearest first (the distance is worked out only for a window too full to
    # keep whole), and at the same distance the narrowest: the day before its month.
    sql = (
        f"WITH around ({', '.join(_qn(name) for name in _FIELDS)}, first_day, last_day) AS ("
        + " UNION ".join(selects)
        + f"), nearby AS (SELECT {_AROUND} FROM around ORDER BY "
        f"CASE WHEN (SELECT COUNT(*) FROM around) > {limit} "
        f"THEN {distance} ELSE 0 END ASC, "
        f"around.last_day - around.first_day ASC, "
        f"around.{_qn('date_start')} ASC, around.{_qn('pk')} ASC LIMIT {limit}) "
        f"SELECT {_NEARBY}, {_CITED_COLUMNS} FROM nearby LEFT OUTER JOIN {_CITATIONS} "
        f"ON {_CITATIONS}.{event_id} = nearby.{_qn('pk')} "
        f"ORDER BY nearby.{_qn('date_start')} ASC, nearby.{_qn('pk')} ASC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *days])
        rows = cursor.fetchall()
    slots: dict[int, Slot] = {}
    width = len(_FIELDS)
    for row in rows:
        pk = row[0]
        slot = slots.get(pk)
        if slot is None:
            slot = slots[pk] = _slot_of(row[:width])
        article_id, begin, quote, continues, expression_id = row[width:]
        if article_id is not None:
            slot.cite(
                article_id,
                begin,
                quote,
                continues=bool(continues),
                dated=expression_id is not None,
            )
    return list(slots.values())


def _slot_of(row: tuple) -> Slot:
    """A stored event as a Slot, from its `_FIELDS` values."""
    (
        pk,
        title,
        start,
        end,
        granularity,
        status,
        kind,
        background,
        *rest,
        disagreement,
        edited,
        match,
    ) = row
    return Slot(
        pk,
        title,
        _as_date(start),
        _as_date(end),
        granularity,
        status,
        kind,
        bool(background),  # SQLite gives 0 or 1
        *rest,
        disagreement=disagreement,
        title_edited=bool(edited),  # SQLite gives 0 or 1
        match_title=match,
    )


def _day_number_sql(column: str) -> str:
    """SQL for a date column as a number of days (since an epoch of the database's)."""
    if connection.vendor == "postgresql":
        return f"({column} - DATE '{_EPOCH.isoformat()}')"
    return f"julianday({column})"  # SQLite


def _day_number(value: date) -> int | float:
    """`value` as _day_number_sql counts it."""
    if connection.vendor == "postgresql":
        return (value - _EPOCH).days
    return value.toordinal() + 1721424.5  # the Julian day of its midnight


_EPOCH = date(2000, 1, 1)


def _distance_sql(intervals: list[tuple[date, date]]) -> tuple[str, list[int | float]]:
    """How many days lie between a window event and the nearest of `intervals` (0 when
    they overlap, as a month does a day in it), as SQL on `around`'s day numbers, and
    its parameters."""
    least, greatest = ("LEAST", "GREATEST") if connection.vendor == "postgresql" else ("MIN", "MAX")
    each, days = [], []
    for low, high in _merged(intervals):  # the days to the nearest of them all
        each.append(f"{greatest}(0, %s - around.last_day, around.first_day - %s)")
        days += [_day_number(low), _day_number(high)]
    return (each[0] if len(each) == 1 else f"{least}({', '.join(each)})"), days


def _as_date(value: date | str) -> date:
    # SQLite hands back the text it stores when a UNION hides the column's declared type.
    return date.fromisoformat(value) if isinstance(value, str) else value


def _save(story: Story, slots: list[Slot]) -> None:
    """Write what the batch decided: new events, new citations, refined dates.

    A constant number of queries whatever the batch: insert the new events, insert the
    citations, read the citations of the events whose sources may disagree, update the
    events that changed. The window's rows are current (they were read in this
    transaction), so events are not read again — except, rarely, the one an editor merged
    an event into, when a candidate joined the merged-away event.
    """
    fresh = [slot for slot in slots if slot.pk is None]
    created = [
        Event(
            story=story,
            title=slot.title,
            match_title=slot.match_title,
            summary=slot.added[0].summary,
            date_start=slot.date_start,
            date_end=slot.date_end,
            granularity=slot.granularity,
            date_kind=slot.date_kind,
            background=slot.background,
        )
        for slot in fresh
    ]
    bulk_insert(created)
    for slot, event in zip(fresh, created, strict=True):
        slot.pk = event.pk
    inserted = {id(slot) for slot in fresh}
    joined = [slot for slot in slots if slot.added]
    targets = _survivors(joined, known={slot.pk: slot for slot in slots})
    bulk_insert(
        [
            Citation(
                event_id=target.pk,
                article=candidate.article,
                start=candidate.start,
                end=candidate.end,
                quote=candidate.quote,
                expression=candidate.expression,
            )
            for slot, target in zip(joined, targets, strict=True)
            for candidate in slot.added
        ]
        + [
            Citation(
                event_id=target.pk,
                article=candidate.article,
                start=sentence.start,
                end=sentence.end,
                quote=sentence.text,
                expression=candidate.expression,
                continues=True,
            )
            for slot, target in zip(joined, targets, strict=True)
            for candidate in slot.added
            for sentence in candidate.also
        ],
        ignore_conflicts=True,
        returning=False,
    )
    changed: dict[int, Slot] = {}
    to_describe: dict[int, Slot] = {}
    for slot, target in zip(joined, targets, strict=True):
        if target.status != Event.Status.PROPOSED:
            continue
        # A new event went in with its final dates and title already.
        if (slot.redated or slot.retitled) and target is slot and id(slot) not in inserted:
            changed[target.pk] = target
        if slot.disputed or _figures_differ(slot.citations):
            to_describe[target.pk] = target
    if to_describe:
        cited = _citations_of(list(to_describe))
        for pk, target in to_describe.items():
            disagreement = _disagreement(target, cited.get(pk, []))
            if disagreement != target.disagreement:
                target.disagreement = disagreement
                changed[pk] = target
    _update(sorted(changed.values(), key=lambda target: target.pk))


def _survivors(slots: list[Slot], *, known: dict[int, Slot]) -> list[Slot]:
    """The slot standing for each slot's event: itself, or — when an editor merged the
    event away — the one it was (transitively) merged into."""
    result = []
    for slot in slots:
        target, seen = slot, {slot.pk}
        while target.status == Event.Status.MERGED and target.merged_into not in seen:
            seen.add(target.merged_into)
            if target.merged_into not in known:
                known[target.merged_into] = _stored_slot(target.merged_into)
            target = known[target.merged_into]
        result.append(target)
    return result


def _stored_slot(pk: int) -> Slot:
    return _slot_of(Event.objects.values_list(*_FIELDS).get(pk=pk))


_UPDATED = (
    "title",
    "match_title",
    "date_start",
    "date_end",
    "granularity",
    "date_kind",
    "background",
    "disagreement",
    "updated_at",
)


def _update(targets: list[Slot]) -> None:
    """Save what clustering changed in stored events, and bump updated_at as save() would.

    One plain UPDATE per event, sent at once; an event an editor decided on meanwhile is
    left as the editor left it, and so is a title an editor wrote meanwhile.
    """
    if not targets:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    fields = [Event._meta.get_field(name) for name in _UPDATED]
    edited = _qn(Event._meta.get_field("title_edited").column)
    sets = [
        f"{_qn(field.column)} = CASE WHEN {edited} THEN {_qn(field.column)} ELSE %s END"
        if field.name in ("title", "match_title")
        else f"{_qn(field.column)} = %s"
        for field in fields
    ]
    sql = (
        f"UPDATE {_EVENTS} SET {', '.join(sets)} "
        f"WHERE {_qn(Event._meta.pk.column)} = %s AND {_qn('status')} = %s"
    )
    now = timezone.now()
    rows = [
        [
            *(
                field.get_db_prep_save(value, connection)
                for field, value in zip(
                    fields,
                    (
                        t.title,
                        t.match_title,
                        t.date_start,
                        t.date_end,
                        t.granularity,
                        t.date_kind,
                        t.background,
                        t.disagreement,
                        now,
                    ),
                    strict=True,
                )
            ),
            t.pk,
            Event.Status.PROPOSED,
        ]
        for t in targets
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def bulk_insert(objs: list[Model], *, ignore_conflicts: bool = False, returning: bool = True):
    """bulk_create() for new rows of one model, without its per-value overhead.

    The ORM's insert compiler dominated ingest time; this writes the same values
    (defaults, auto_now, each field's get_db_prep_save) with one INSERT per batch and
    sets the primary keys from RETURNING. On PostgreSQL the rows go as one array per
    column (UNNEST, as bulk_create does there): psycopg parses a query with more than 50
    parameters anew each time, and that cost more than the insert.
    """
    if not objs:
        return objs
    connection = connections[DEFAULT_DB_ALIAS]  # not the proxy: it is read per value
    meta = objs[0]._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key and not f.generated]
    columns = _columns(fields)
    qn = connection.ops.quote_name
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    head = (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} {qn(meta.db_table)} "
        f"({', '.join(qn(f.column) for f in fields)}) "
    )
    tail = connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None)
    if returning:
        tail += f" RETURNING {qn(meta.db_table)}.{qn(meta.pk.column)}"
    unnest = connection.vendor == "postgresql" and len(objs) > 1
    if unnest:
        arrays = ", ".join(f"(%s)::{f.db_type(connection).split('(')[0]}[]" for f in fields)
        statement = f"{head}SELECT * FROM UNNEST({arrays}) {tail}"
        size = len(objs)
    else:
        placeholder = f"({', '.join(['%s'] * len(fields))})"
        size = max(1, connection.ops.bulk_batch_size(fields, objs))
    with connection.cursor() as cursor:
        for at in range(0, len(objs), size):
            batch = objs[at : at + size]
            params = []
            for obj in batch:
                for attname, stored_as, field in columns:
                    value = getattr(obj, attname) if attname else field.pre_save(obj, True)
                    if value.__class__ is not stored_as:
                        value = field.get_db_prep_save(value, connection)
                    params.append(value)
            if unnest:
                cursor.execute(statement, [params[i :: len(fields)] for i in range(len(fields))])
            else:
                values = ", ".join([placeholder] * len(batch))
                cursor.execute(f"{head}VALUES {values} {tail}", params)
            if returning:
                for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                    obj.pk = pk
            for obj in batch:
                obj._state.adding = False
                obj._state.db = connection.alias
    return objs


# Field classes whose get_db_prep_save hands back a value of this type unchanged.
_STORED_AS = {
    models.CharField: str,
    models.TextField: str,
    models.IntegerField: int,
    models.PositiveIntegerField: int,
    models.PositiveSmallIntegerField: int,
    models.BigIntegerField: int,
    models.AutoField: int,
    models.BigAutoField: int,
}


def _columns(fields: list[models.Field]) -> list[tuple[str | None, type | None, models.Field]]:
    """For each field: the attribute to read (None: ask pre_save, for auto_now and the
    like) and the type of value that needs no get_db_prep_save (a str for a text field,
    an int for an integer or a key to one), which skips that chain of calls per value."""
    return [
        (
            None if _computed_on_save(field) else field.attname,
            _STORED_AS.get(type(field.target_field if field.is_relation else field)),
            field,
        )
        for field in fields
    ]


def _computed_on_save(field: models.Field) -> bool:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return True
    plain = (models.Field.pre_save, models.DateField.pre_save, models.DateTimeField.pre_save)
    return type(field).pre_save not in plain


def period_starts(day: date) -> list[date]:
    """The first days of the week, month, quarter, year and decade that contain `day`."""
    return [
        day - timedelta(days=day.weekday()),
        day.replace(day=1),
        date(day.year, (day.month - 1) // 3 * 3 + 1, 1),
        date(day.year, 1, 1),
        date(day.year - day.year % 10, 1, 1),
    ]


def date_relation(first: tuple[date, date], second: tuple[date, date]) -> str | None:
    """ "same", "nested" (one inside the other), "near" (days apart) or None."""
    if first == second:
        return "same"
    (a_start, a_end), (b_start, b_end) = first, second
    if (b_start <= a_start and a_end <= b_end) or (a_start <= b_start and b_end <= a_end):
        return "nested"
    if a_start == a_end and b_start == b_end and abs((a_start - b_start).days) <= NEAR_DAYS:
        return "near"
    return None


def _more_precise(candidate: Candidate, slot: Slot) -> bool:
    inside = slot.date_start <= candidate.date_start and candidate.date_end <= slot.date_end
    narrower = (candidate.date_end - candidate.date_start) < (slot.date_end - slot.date_start)
    return inside and narrower


_CITED = (
    "article_id",
    "article__title",
    "quote",
    "expression__date_start",
    "expression__date_end",
    "expression__granularity",
)


def describe_disagreement(event: Event) -> str:
    """Where the event's sources give different dates or figures, in a sentence or two."""
    return _disagreement(event, _citations_of([event.pk]).get(event.pk, []))


def _citations_of(event_ids: list[int]) -> dict[int, list[tuple]]:
    """The citations describe_disagreement reads, for many events in one query."""
    cited: dict[int, list[tuple]] = {}
    for event_id, *row in (
        Citation.objects.filter(event_id__in=event_ids, continues=False)
        .order_by("event_id", "article_id", "start")
        .values_list("event_id", *_CITED)
    ):
        cited.setdefault(event_id, []).append(tuple(row))
    return cited


def _disagreement(event: Event | Slot, citations: list[tuple]) -> str:
    names = {article_id: _short(title) for article_id, title, *_ in citations}
    parts = []
    dates: dict[tuple[date, date, str], set[str]] = {}
    for article_id, _, _, start, end, granularity in citations:
        if start is None or end is None:
            continue
        inside = event.date_start <= start and end <= event.date_end
        around = start <= event.date_start and event.date_end <= end
        if not (inside or around):
            dates.setdefault((start, end, granularity), set()).add(names[article_id])
    if dates:
        ours = describe_interval(event.date_start, event.date_end, event.granularity)
        said = "; ".join(
            f"{describe_interval(*key)} ({', '.join(sorted(sources))})"
            for key, sources in sorted(dates.items())
        )
        parts.append(f"Sources differ on the date: {ours} vs {said}.")
    by_unit: dict[str, dict[int, set[float]]] = {}
    for article_id, _, quote, *_ in citations:
        for unit, values in figures_in(quote).items():
            by_unit.setdefault(unit, {}).setdefault(article_id, set()).update(values)
    for unit, per_article in sorted(by_unit.items()):
        claims: dict[float, list[str]] = {}
        for article_id, values in per_article.items():
            claims.setdefault(max(values), []).append(names[article_id])
        if len(claims) > 1:
            what = "the percentage" if unit == "percent" else f"the number of {unit}"
            said = " vs ".join(
                f"{_number(value)} ({', '.join(sorted(set(sources)))})"
                for value, sources in sorted(claims.items())
            )
            parts.append(f"Sources differ on {what}: {said}.")
    return " ".join(parts)


def _figures_differ(citations: list[tuple[int, int, str]]) -> bool:
    """Cheap test, on the quotes in hand, of whether describe_disagreement has work to do."""
    claims: dict[str, set[float]] = {}
    for _, _, quote in citations:
        for unit, values in figures_in(quote).items():
            claims.setdefault(unit, set()).add(max(values))
    return any(len(values) > 1 for values in claims.values())


def _number(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:57].rstrip() + "…"

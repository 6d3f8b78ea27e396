from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from articles.models import Article
from articles.reading import describe_timex_value, passages, text_header, timex_datetime


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    # The text's own header (its date line, its headline…) heads the reader, out of the body;
    # dates tagged in it before headers were told apart are no dates of the body.
    header = text_header(article.body, title=article.title)
    begin = header.body_start(article.body)
    expressions = list(article.expressions.filter(start__gte=begin))
    for expression in expressions:
        expression.described = describe_timex_value(expression.value)
        expression.html_datetime = timex_datetime(expression)
    # Through the reverse relation: the articles app never imports the timeline.
    citations = article.citations.all()
    if not (request.user.is_active and request.user.is_staff):
        # Only events anyone may see link from the text (Story.public_statuses).
        citations = citations.filter(event__status__in=article.story.public_statuses())
    citations = list(
        citations.select_related("event")
        .only(
            "start", "end", "article", "event", "event__title", "event__status", "event__date_start"
        )
        .order_by("start", "event_id")
    )
    body_passages = passages(article.body, expressions, citations, begin=begin)
    context = {
        "article": article,
        "header_lines": [line for line in header.lines if line != article.title.strip()],
        "passages": body_passages,
        "expression_count": len(expressions),
        "cited_count": sum(1 for p in body_passages if p.events),
        "expressions": expressions,
    }
    return render(request, "article.html", context)

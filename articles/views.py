from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from articles.models import Article
from articles.reading import segments


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("story"), pk=pk)
    expressions = list(article.expressions.all())
    cited = list(article.citations.values_list("start", "event_id").order_by("start"))
    anchors = [(start, f"cite-{event_id}-{start}") for start, event_id in cited]
    context = {
        "article": article,
        "segments": segments(article.body, expressions, anchors),
        "expression_count": len(expressions),
        "cited": cited,
    }
    return render(request, "article.html", context)

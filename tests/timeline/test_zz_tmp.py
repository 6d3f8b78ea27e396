from tests.timeline.test_ingest_queries import *
from timeline.extract import extract_events
def test_x():
    story = StoryFactory(title="Water rights")
    fill(story, 200)
    for index in range(2):
        r = ingest_text(article(index), story=story)
        print(r.proposed, r.merged, r.expressions)
    for e in Event.objects.exclude(disagreement=""):
        print(e.title, e.disagreement)
    for e in Event.objects.order_by("-pk")[:5]: print(e.title, e.date_start, e.citations.count())

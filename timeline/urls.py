from django.urls import path

from timeline import review, views

app_name = "timeline"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<slug:slug>/", views.story_timeline, name="story"),
    path("stories/<slug:slug>/export.<str:fmt>", views.export_story, name="export"),
    path("stories/<slug:slug>/present/", views.present, name="present"),
    path("stories/<slug:slug>/embed/", views.embed, name="embed"),
    path("stories/<slug:slug>/review/", review.review_queue, name="review"),
    path("stories/<slug:slug>/review/bulk/", review.review_bulk, name="review-bulk"),
    *(
        path(
            f"stories/<slug:slug>/review/<int:pk>/{action}/",
            review.review_action,
            {"action": action},
            name=f"review-{action}",
        )
        for action in review.ACTIONS
    ),
    path("events/<int:pk>/", views.event_detail, name="event"),
]

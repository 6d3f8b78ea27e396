from django.urls import path

from timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<slug:slug>/", views.story_timeline, name="story"),
    path("stories/<slug:slug>/export.<str:fmt>", views.export_story, name="export"),
    path("stories/<slug:slug>/present/", views.present, name="present"),
    path("events/<int:pk>/", views.event_detail, name="event"),
]

from django.contrib import admin
from django.urls import include, path

from timeline.uploads import upload_articles, upload_status
from timeline.views import healthz

admin.site.site_header = "Dateline curation"
admin.site.site_title = "Dateline"
admin.site.index_title = "Stories, sources and events"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("ingest/", upload_articles, name="ingest"),
    path("ingest/status/", upload_status, name="ingest-status"),
    path("", include("articles.urls")),
    path("", include("timeline.urls")),
]

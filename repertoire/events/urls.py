"""Public URLs of the events, mounted at /evenements/ by portal/urls.py."""

from django.urls import path

from repertoire.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("agenda.ics", views.feed, name="feed"),
    path("agenda/<slug:slug>.ics", views.organiser_feed, name="organiser_feed"),
    path("inscription/<str:token>/", views.registration, name="registration"),
    path("inscription/<str:token>/annuler/", views.cancel, name="cancel"),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
]

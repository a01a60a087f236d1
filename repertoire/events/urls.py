"""URLs of the events, mounted at /evenements/ by `portal.urls.bilingual`.

`translated_urlpatterns`: the visitor's pages, in French and under /en/ (the list and its
map, an event's page and registration form, the receipt and cancel pages). `urlpatterns`:
the French-only iCal feeds (their names and texts are the organisers' French).
"""

from django.urls import path

from repertoire.events import views

app_name = "events"

translated_urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("inscription/<str:token>/", views.registration, name="registration"),
    path("inscription/<str:token>/annuler/", views.cancel, name="cancel"),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
]

urlpatterns = [
    path("agenda.ics", views.feed, name="feed"),
    path("agenda/<slug:slug>.ics", views.organiser_feed, name="organiser_feed"),
]

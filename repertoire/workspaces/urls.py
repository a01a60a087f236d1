"""URLs of the workspaces, mounted at /espaces-de-travail/ by `portal.urls.bilingual`.

`translated_urlpatterns`: the visitor's pages, in French and under /en/ (the network, a
place, the booking request and its receipt). `urlpatterns`: the French-only documents (the
room's calendar feed, the blank agreement in French).
"""

from django.urls import path

from repertoire.workspaces import views

app_name = "workspaces"

translated_urlpatterns = [
    path("", views.network, name="network"),
    path("demandes/<str:reference>/", views.booking_receipt, name="booking_receipt"),
    path("<slug:slug>/", views.workspace_detail, name="workspace_detail"),
    path("<slug:slug>/demander/", views.booking_request, name="booking_request"),
]

urlpatterns = [
    path("agenda/<str:token>.ics", views.room_feed, name="room_feed"),
    path("<slug:slug>/convention.pdf", views.agreement_template, name="agreement_template"),
]

"""Public URLs of the workspaces, mounted at /espaces-de-travail/ by portal/urls.py."""

from django.urls import path

from repertoire.workspaces import views

app_name = "workspaces"

urlpatterns = [
    path("", views.network, name="network"),
    path("demandes/<str:reference>/", views.booking_receipt, name="booking_receipt"),
    path("agenda/<str:token>.ics", views.room_feed, name="room_feed"),
    path("<slug:slug>/", views.workspace_detail, name="workspace_detail"),
    path("<slug:slug>/demander/", views.booking_request, name="booking_request"),
    path("<slug:slug>/convention.pdf", views.agreement_template, name="agreement_template"),
]

"""Mounted under /extranet/structures/ (before the extranet's own URLs) by portal/urls.py."""

from django.urls import path

from repertoire import views_partner

app_name = "repertoire"

urlpatterns = [
    path("<slug:slug>/fiche/", views_partner.partner_fiche, name="partner_fiche"),
]

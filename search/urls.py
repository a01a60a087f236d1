from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("recherche/", views.public_search, name="public"),
    path("recherche/suggestions/", views.public_suggest, name="public_suggest"),
    path("extranet/recherche/", views.extranet_search, name="extranet"),
    path("extranet/recherche/suggestions/", views.extranet_suggest, name="extranet_suggest"),
]

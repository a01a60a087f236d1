from django.urls import path

from repertoire.api import api

urlpatterns = [path("", api.urls)]

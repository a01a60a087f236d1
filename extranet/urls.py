from django.urls import path

from extranet import views

app_name = "extranet"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mes-structures/", views.my_structures, name="my_structures"),
    path("structures/<slug:slug>/membres/", views.structure_members, name="structure_members"),
]

from django.urls import path

from extranet.privacy import views

urlpatterns = [
    path("supprimer-mon-compte/", views.delete_account, name="account_delete"),
]

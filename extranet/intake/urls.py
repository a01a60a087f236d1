"""Public URLs of the newcomer intake, mounted at /je-m-installe/ by portal/urls.py.

Kept out of extranet/urls.py on purpose: everything there is members-only.
"""

from django.urls import path

from extranet.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.start, name="start"),
    path("facile-a-lire/", views.easy_read, name="easy_read"),
    path("etape/<slug:slug>/", views.step, name="step"),
    path("verification/", views.review, name="review"),
    path("accuse-de-reception/", views.receipt, name="receipt"),
]

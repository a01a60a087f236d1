from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal.public_url import public_url


def _accounts_login(request, default_next):
    next_url = request.GET.get("next", default_next)
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    return redirect(reverse("account_login") + "?" + urlencode({"next": next_url}))


@login_not_required
def admin_login_redirect(request):
    """Wagtail's admin login form is replaced by the accounts one (MFA, rate limits)."""
    return _accounts_login(request, "/admin/")


@login_not_required
def admin_password_reset_redirect(request):
    """Wagtail's admin password reset (switched off) answers with the accounts one."""
    return redirect("account_reset_password")


@login_not_required
def frontend_login_redirect(request):
    """Wagtail's front-end login (`/_util/login/`, for private pages) checked the password
    alone: no second factor, no e-mail verification, no rate limit. Every sign-in goes
    through the accounts pages instead."""
    return _accounts_login(request, "/")


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /extranet/",
        "Disallow: /comptes/",
        f"Sitemap: {public_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@login_not_required
@require_GET
def site_plan(request):
    """The human site plan (the footer's "Plan du site"): the menu's sections, the apps'
    sections, search and sign-in, the legal pages — all from the cached site shell."""
    return render(request, "portal/site_plan.html")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())

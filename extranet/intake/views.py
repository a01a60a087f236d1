"""Public views of "Je souhaite m'installer" — the extranet's one public entry point.

Works without JavaScript: each step is a plain form posted to the server, which keeps the
draft in the session (`extranet.intake.draft`) and moves to the next or previous step.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from extranet.intake import draft
from extranet.intake.forms import NEEDS, STEP_SLUGS, STEPS
from extranet.intake.services import submit_intake
from extranet.models import Candidate
from portal.ratelimit import is_rate_limited


def _step_context(slug):
    index = STEP_SLUGS.index(slug)
    return {
        "steps": [(s, title) for s, title, _f in STEPS],
        "current": slug,
        "step_number": index + 1,
        "step_count": len(STEPS) + 1,
        "step_title": STEPS[index][1],
        "previous": STEP_SLUGS[index - 1] if index else None,
    }


@login_not_required
@require_GET
def start(request):
    return render(request, "extranet/intake/start.html", {"first_step": STEP_SLUGS[0]})


@login_not_required
@require_GET
def easy_read(request):
    """The start page in « facile à lire et à comprendre »: short sentences, one per line."""
    return render(request, "extranet/intake/easy_read.html", {"first_step": STEP_SLUGS[0]})


@login_not_required
@require_http_methods(["GET", "POST"])
def step(request, slug):
    if slug not in STEP_SLUGS:
        raise Http404
    form_class = STEPS[STEP_SLUGS.index(slug)][2]
    raw = draft.load(request).get(slug, {})
    if request.method == "POST":
        draft.save_step(request, slug, request.POST)
        context = _step_context(slug)
        if request.POST.get("action") == "previous" and context["previous"]:
            return redirect("intake:step", slug=context["previous"])
        form = form_class(data=request.POST)
        if form.is_valid():
            return redirect(_next_url(slug))
    else:
        form = form_class(initial=draft.initial_of(form_class, raw))
    return render(request, "extranet/intake/step.html", {"form": form, **_step_context(slug)})


def _next_url(slug):
    index = STEP_SLUGS.index(slug)
    if index + 1 < len(STEP_SLUGS):
        return reverse("intake:step", kwargs={"slug": STEP_SLUGS[index + 1]})
    return reverse("intake:review")


@login_not_required
@require_http_methods(["GET", "POST"])
def review(request):
    """Everything on one page before sending; sending creates the candidate."""
    data, missing = draft.validated(request)
    if missing:
        return redirect("intake:step", slug=missing)
    if request.method == "POST":
        return _submit(request, data)
    needs = [label for key, label in NEEDS if key in data.get("needs", [])]
    context = {
        "data": data,
        "needs": needs,
        "project_label": Candidate(project_type=data["project_type"]).get_project_type_display(),
        "communes": [data[k] for k in ("commune_1", "commune_2", "commune_3") if data.get(k)],
        "steps": [(s, title) for s, title, _f in STEPS],
        "current": "review",
        "step_number": len(STEPS) + 1,
        "step_count": len(STEPS) + 1,
    }
    return render(request, "extranet/intake/review.html", context)


def _submit(request, data):
    if data.get("website"):
        # Honeypot filled in: a robot. Answer as if all went well, keep nothing.
        draft.clear(request)
        request.session[draft.RECEIPT_KEY] = {"reference": "", "robot": True}
        return redirect("intake:receipt")
    if is_rate_limited(
        request,
        "intake",
        limit=settings.INTAKE_RATE_LIMIT,
        window=settings.INTAKE_RATE_WINDOW_SECONDS,
    ):
        return render(request, "extranet/intake/rate_limited.html", status=429)
    result = submit_intake(data=data)
    draft.clear(request)
    request.session[draft.RECEIPT_KEY] = {
        "reference": result.candidate.reference,
        "pole": str(result.candidate.pole or _("le service accueil de la Région")),
        "email": result.candidate.email,
        "duplicate": result.merged,
    }
    return redirect("intake:receipt")


@login_not_required
@require_GET
def receipt(request):
    receipt = request.session.get(draft.RECEIPT_KEY)
    if not receipt:
        return redirect("intake:start")
    return render(request, "extranet/intake/receipt.html", {"receipt": receipt})

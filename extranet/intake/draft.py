"""The server-side draft of the intake form, kept in the session between steps.

What the person typed is stored raw (valid or not), so that going back, coming back later
or failing validation never loses anything; but only the step's own fields, each value cut
at the field's maximum length and a handful of values per field: an anonymous post can no
longer park megabytes in the session store.
"""

from django.utils.datastructures import MultiValueDict

from extranet.intake.forms import STEPS

SESSION_KEY = "intake_draft"
RECEIPT_KEY = "intake_receipt"
MAX_VALUES_PER_FIELD = 20
MAX_VALUE_LENGTH = 2000


def load(request):
    return request.session.get(SESSION_KEY, {})


def save_step(request, slug, post):
    form_class = next((form for step, _title, form in STEPS if step == slug), None)
    if form_class is None:
        return
    draft = load(request)
    draft[slug] = {
        name: [value[: _max_length(field)] for value in post.getlist(name)][:MAX_VALUES_PER_FIELD]
        for name, field in form_class.base_fields.items()
        if name in post
    }
    request.session[SESSION_KEY] = draft


def _max_length(field):
    return min(getattr(field, "max_length", None) or MAX_VALUE_LENGTH, MAX_VALUE_LENGTH)


def clear(request):
    request.session.pop(SESSION_KEY, None)


def bound_form(form_class, raw):
    return form_class(data=MultiValueDict(raw))


def initial_of(form_class, raw):
    """Initial values for an unbound form (no error shown on a plain GET)."""
    initial = {}
    for name, field in form_class.base_fields.items():
        if name not in raw:
            continue
        values = raw[name]
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        initial[name] = values if multiple else (values[0] if values else "")
    return initial


def validated(request):
    """(cleaned data of all steps merged, slug of the first step that is not valid)."""
    draft = load(request)
    merged = {}
    for slug, _title, form_class in STEPS:
        if slug not in draft:
            return merged, slug
        form = bound_form(form_class, draft[slug])
        if not form.is_valid():
            return merged, slug
        merged.update(form.cleaned_data)
    return merged, None

"""User accounts in the Wagtail admin, for people who manage accounts without being
superusers (the regional admin): they never grant or take superuser rights, never give the
all-powerful "Administrators" group, and never edit a superuser's account."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

ALL_POWERFUL_GROUPS = ("Administrators",)


class RestrictedForm:
    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if acting_user is not None and not acting_user.is_superuser:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = Group.objects.exclude(
                    name__in=ALL_POWERFUL_GROUPS
                ).order_by("name")


class RestrictedCreationForm(RestrictedForm, UserCreationForm):
    pass


class RestrictedEditForm(RestrictedForm, UserEditForm):
    pass


class CreateView(users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class EditView(users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return RestrictedEditForm if for_update else RestrictedCreationForm

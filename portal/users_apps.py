"""Wagtail's users app, with the user views of `portal.users_admin` (settings' INSTALLED_APPS
names this config instead of "wagtail.users")."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "portal.users_admin.UserViewSet"

import os

from django.core.management.base import BaseCommand

from extranet.demo import DEMO_PASSWORD
from extranet.demo import PRINTED_ACCOUNTS as ACCOUNTS
from portal.models import User


class Command(BaseCommand):
    help = "Affiche les comptes de démonstration, leur mot de passe et l'adresse du site."

    def handle(self, *args, **options):
        port = os.environ.get("PORT", "8000")
        existing = set(
            User.objects.filter(email__in=[a.email for a in ACCOUNTS]).values_list(
                "email", flat=True
            )
        )
        width = max(len(account.label) for account in ACCOUNTS)
        lines = [
            "",
            "Comptes de démonstration",
            f"{'Rôle':<{width}}  E-mail",
            f"{'-' * width}  {'-' * 40}",
        ]
        lines += [f"{a.label:<{width}}  {a.email}" for a in ACCOUNTS if a.email in existing]
        if not existing:
            lines.append("(aucun compte : lancez « make demo » ou « python manage.py seed_demo »)")
        lines += [
            "",
            f"Mot de passe de tous les comptes : {DEMO_PASSWORD}",
            f"Site : http://127.0.0.1:{port}/  —  connexion : http://127.0.0.1:{port}/comptes/login/",
            "",
        ]
        self.stdout.write("\n".join(lines))

"""#14 "Done means": a new reader runs the subject-access export for a demo candidate from
the admin and reads its ZIP. On the seeded demo, signed in with the printed admin account
through the real login page, reaching the page from the Wagtail admin's menu."""

import io
import json
import re
import zipfile

from django.core.management import call_command

from extranet import demo
from extranet.models import Candidate
from tests.extranet.test_seed_demo import demo_communes  # noqa: F401  (fixture)

ADMIN = "admin@" + demo.DEMO_EMAIL_DOMAIN


def sign_in(client):
    response = client.post("/comptes/login/", {"login": ADMIN, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302, response.content[:400]
    assert "_auth_user_id" in client.session


def test_regional_admin_exports_a_demo_candidate_from_the_admin_menu(client, demo_communes):  # noqa: F811
    call_command("seed_demo", stdout=io.StringIO())
    sign_in(client)
    admin_home = client.get("/admin/").content.decode()
    [url] = set(re.findall(r"/admin/donnees-personnelles/", admin_home))
    page = client.get(url)
    assert page.status_code == 200
    assert "télécharger ses données (ZIP)" in page.content.decode()
    candidate = Candidate.objects.exclude(email="").order_by("pk").first()
    response = client.post(url, {"email": candidate.email, "action": "export"})
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "lisez-moi.json" in names
    readme = json.loads(archive.read("lisez-moi.json"))
    assert readme["adresse"] == candidate.email
    rows = json.loads(archive.read("donnees/extranet.Candidate.json"))
    assert candidate.pk in [row["pk"] for row in rows]
    assert {row["fields"]["last_name"] for row in rows} == {candidate.last_name}

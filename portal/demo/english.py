"""English translations of the demo pages (wagtail-localize's English locale).

The home page, the discovery page, the four legal pages, the offers page with five offers,
the two territory pages and the répertoire page exist in English; every other page stays
French, and the English site shows it in French, marked as such. Idempotent: a page already
translated is left as its editors made it.
"""

from wagtail.models import Locale, Page, Site

from portal.demo.content import CONTACT_EMAIL, PRIVACY_EMAIL
from portal.demo.site import stream_data

HOME = (
    "Settle in Creuse and Haute-Vienne",
    "Thinking of moving to Creuse or Haute-Vienne, looking for a job, an internship or a "
    "service near you? Passerelles brings together the area's offers, a directory of the "
    "people who can help you and the welcome network that supports you.",
    [
        ("h2", "One place to settle, work and help each other"),
        (
            "p",
            "The local welcome offices, youth employment agencies, associations and public "
            "services work together. Tell us about your plans: someone from the office that "
            "covers your town will contact you.",
        ),
        (
            "ul",
            [
                "<b>Local offers</b>: businesses to take over, jobs, housing, shared workspaces.",
                "<b>Directory</b>: who does what, where, when and for whom.",
                "<b>Cartemploi</b>: young people's skills and local companies on a map.",
            ],
        ),
    ],
)

PAGES = {
    "decouvrir-le-territoire": (
        "Discover the area",
        "Between plateaus, lakes and valleys, Creuse and Haute-Vienne offer space, a lively "
        "community life and trades looking for hands and ideas.",
        [
            ("h2", "A human-sized place"),
            (
                "p",
                "From Limoges, a university city famous for its porcelain, to the villages "
                "of the Limousin uplands, you go from town to countryside in less than an "
                "hour. Most villages have a few hundred inhabitants: people know each other, "
                "help each other, and newcomers are expected.",
            ),
            (
                "ul",
                [
                    "The Millevaches regional nature park, its peat bogs and moors.",
                    "Lake Vassivière, its beaches and its island of contemporary art.",
                    "Aubusson tapestry (UNESCO intangible heritage) and Limoges porcelain.",
                ],
            ),
        ],
    ),
    "mentions-legales": (
        "Legal notice",
        "Who publishes this site, who hosts it and on what terms.",
        [
            ("h2", "Publisher"),
            (
                "p",
                "This demonstration site is published by the Réseau Passerelles "
                "(demonstration), a fictitious association, 1 place de l'Exemple, 23000 "
                "Guéret, France. Phone: +33 5 55 00 00 00. E-mail: "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.',
            ),
            ("h2", "Hosting"),
            (
                "p",
                "In demonstration, the site runs on the computer of the person who started "
                "it. A real deployment names its host here, as French law requires.",
            ),
            ("h2", "Maps"),
            ("p", "Map tiles © OpenStreetMap contributors, data under the ODbL licence."),
        ],
    ),
    "politique-de-confidentialite": (
        "Privacy policy",
        "Which personal data we process, why, for how long, and how to exercise your rights.",
        [
            ("h2", "Data controller"),
            (
                "p",
                "Réseau Passerelles (demonstration), a fictitious association, 1 place de "
                "l'Exemple, 23000 Guéret, France. Any question about your data: "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.',
            ),
            ("h2", "How long we keep your data"),
            # Printed from settings.PASSERELLES_RETENTION, like the French page.
            ("retention", None),
            ("h2", "Your rights"),
            (
                "p",
                "You can access your data, have it corrected or erased, restrict or object "
                "to its processing, withdraw your consent and ask for a copy, by writing to "
                "the address above. You can also complain to the CNIL (cnil.fr), the French "
                "data protection authority.",
            ),
        ],
    ),
    "declaration-d-accessibilite": (
        "Accessibility statement",
        "The Réseau Passerelles (demonstration) is committed to making its site accessible.",
        [
            ("h2", "Compliance status"),
            (
                "p",
                "The site has not yet been audited against the French accessibility "
                "standard (RGAA 4.1); until it is, it is declared <b>not compliant</b>.",
            ),
            ("h2", "Feedback and contact"),
            (
                "p",
                "If you cannot reach some content or service, write to "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>: we will answer and '
                "offer another way to get the information.",
            ),
        ],
    ),
    "charte": (
        "Charter",
        "Everyone's commitments, so that the network and Cartemploi remain places of trust.",
        [
            (
                "ul",
                [
                    "I describe my skills and values honestly.",
                    "I communicate politely, only through the portal's messaging.",
                    "I do not discriminate, in my offers or in my answers.",
                ],
            )
        ],
    ),
    "offres": (
        "Local offers",
        "Businesses to take over, jobs, housing, services and shared workspaces.",
        None,
    ),
    "s-installer-en-creuse-sud": (
        "Settling in South Creuse",
        "A welcoming rural area: services, jobs and businesses.",
        None,
    ),
    "s-installer-monts-et-barrages": (
        "Settling in the Monts et Barrages area",
        "A welcoming rural area around Lake Vassivière: services, jobs and businesses.",
        None,
    ),
    "repertoire": (
        "Directory of social services",
        "Who does what, for whom, where and when: the area's organisations, one page each.",
        None,
    ),
}

OFFERS = {
    "demo-offre-01": (
        "Bakery and patisserie to take over",
        "A village bakery looking for a new baker. Demonstration offer.",
    ),
    "demo-offre-02": (
        "Village café and grocery to take over",
        "The heart of a village, with a loyal clientele. Demonstration offer.",
    ),
    "demo-offre-06": (
        "Nurse in a care home",
        "A permanent post in a friendly team. Demonstration offer.",
    ),
    "demo-offre-11": (
        "Four-room village house to rent",
        "A house in the centre of a market town, close to shops. Demonstration offer.",
    ),
    "demo-offre-26": (
        "Third place and coworking space",
        "Desks, fibre broadband and a meeting room. Demonstration offer.",
    ),
}


def seed_english_demo():
    """Translate the demo pages listed above into English (once)."""
    english = Locale.objects.get(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page.specific
    title, introduction, body = HOME
    _translate(home, english, title=title, introduction=introduction, body=stream_data(body))
    for page in home.get_children().specific():
        if page.slug in PAGES:
            title, introduction, body = PAGES[page.slug]
            fields = {"title": title, "introduction": introduction}
            if body is not None:
                fields["body"] = stream_data(body)
            _translate(page, english, **fields)
    offers = Page.objects.filter(slug__in=OFFERS, locale__language_code="fr-fr").specific()
    for offer in offers:
        title, summary = OFFERS[offer.slug]
        _translate(offer, english, title=title, summary=summary)


def _translate(page, locale, **fields):
    if page.get_translation_or_none(locale) is not None:
        return
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()

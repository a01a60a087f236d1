"""The answers the access matrix expects, per URL pattern and per demo role.

`OBJECT_KIND` names the object a pattern is about (`access_scopes.KINDS`), `METHOD` the
method a request uses (POST-only actions are posted empty: an in-scope account gets its
form back or a redirect, an out-of-scope one a 404). In `EXPECTED`, a pair is
(object of the role's scope, object outside it); "login" is the sign-in redirect,
"redirect" any other.
"""

from extranet.enums import Role

ANONYMOUS = "anonymous"

OBJECT_KIND = {
    "extranet:dashboard": None,
    "extranet:my_structures": None,
    "extranet:structure_members": "member_list",
    "extranet:partner_fiche": "partner_fiche",
    "extranet:candidate_list": None,
    "extranet:candidate_create": None,
    "extranet:candidate_filter_save": None,
    "extranet:candidate_filter_delete": None,
    "extranet:candidate_export": None,
    "extranet:candidate_stats": None,
    "extranet:candidate_stats_export": None,
    "extranet:candidate_detail": "candidate",
    "extranet:candidate_contact_add": "candidate",
    "extranet:candidate_status": "candidate",
    "extranet:candidate_referent": "candidate",
    "extranet:candidate_share": "candidate",
    "extranet:candidate_match": "candidate",
    "extranet:candidate_match_status": "candidate",
    "extranet:offer_proposals": None,
    "extranet:offer_propose": None,
    "extranet:referral_list": None,
    "extranet:referral_create": None,
    "extranet:referral_stats": None,
    "extranet:referral_stats_export": None,
    "extranet:referral_detail": "referral",
    "extranet:referral_status": "referral",
    "extranet:referral_redirect": "referral",
    "extranet:referral_comment": "referral",
    "extranet:referral_attach": "referral",
    "extranet:attachment_download": "attachment",
    "extranet:pathway_list": None,
    "extranet:pathway_create": None,
    "extranet:pathway_detail": "pathway",
    "extranet:pathway_edit": "pathway",
    "extranet:pathway_pdf": "pathway",
    "extranet:pathway_email": "pathway",
    "extranet:directory": None,
    "extranet:my_contact": None,
    "extranet:directory_structure": "partner",
    "extranet:document_list": None,
    "extranet:document_download": "document",
    "extranet:news_list": None,
    "extranet:document_share": None,
    "extranet:document_proposals": None,
    "extranet:document_review": "proposed_document",
    "extranet:proposal_download": "proposed_document",
    "extranet:join": None,
    "extranet:join_requests": None,
    "extranet:join_request_decide": "join_request",
    "extranet:booking_requests": None,
    "extranet:event_list": None,
    "extranet:event_create": None,
    "extranet:event_registrations": "event",
    "extranet:event_edit": "event",
    "extranet:registration_update": "event_registration",
    "extranet:registrations_export": "event_export",
    "extranet:booking_decide": "booking",
    "extranet:booking_week": "workspace",
    "extranet:workspace_stats": "workspace",
    "extranet:workspace_stats_export": "workspace_export",
    "extranet:workspace_agreement": "workspace",
    "cartemploi:index": None,
    "cartemploi:map_data": None,
    "cartemploi:card_detail": "card",
    "cartemploi:contact": "card",
    "cartemploi:observatory": None,
    "cartemploi:my_space": None,
    "cartemploi:charter": None,
    "cartemploi:youth_space": None,
    "cartemploi:company_space": None,
    "cartemploi:offer_create": None,
    "cartemploi:offer_edit": "own_offer",
    "cartemploi:private_file": "youth_file",
    "cartemploi:conversations": None,
    "cartemploi:conversation": "conversation",
    "cartemploi:share_contacts": "conversation",
    "cartemploi:record_outcome": "conversation",
    "cartemploi:advisor_queue": None,
    "cartemploi:advisor_youth_create": None,
    "cartemploi:advisor_review": "review_youth",
    "cartemploi:advisor_release": "moderated_message",
    "cartemploi:advisor_block": "moderated_conversation",
    "cartemploi:advisor_stats": None,
    "cartemploi:fair_list": None,
    "cartemploi:fair_companies": "fair",
    "cartemploi:advisor_stats_export": None,
}

METHOD = dict.fromkeys(
    (
        "extranet:candidate_filter_save",
        "extranet:candidate_filter_delete",
        "extranet:candidate_contact_add",
        "extranet:candidate_status",
        "extranet:candidate_referent",
        "extranet:candidate_share",
        "extranet:candidate_match",
        "extranet:candidate_match_status",
        "extranet:referral_status",
        "extranet:referral_redirect",
        "extranet:referral_comment",
        "extranet:referral_attach",
        "extranet:pathway_email",
        "extranet:booking_decide",
        "extranet:registration_update",
        "cartemploi:share_contacts",
        "cartemploi:record_outcome",
        "cartemploi:advisor_release",
        "cartemploi:advisor_block",
    ),
    "POST",
)

ADMIN, POLE, MANAGER, MEMBER = (
    Role.REGIONAL_ADMIN,
    Role.POLE_OFFICER,
    Role.STRUCTURE_MANAGER,
    Role.STRUCTURE_MEMBER,
)
NETWORK = {
    "admin": ADMIN,
    "pole": POLE,
    "manager": MANAGER,
    "member": MEMBER,
    "advisor": Role.ADVISOR,
    "editor": Role.EDITOR,
}


def row(network, *, anonymous="login", youth="403", company="403", **roles):
    """Answers per role: `network` for every network role unless named in `roles`; young
    people and companies get 403 on the network's pages; anonymous visitors sign in."""
    answers = {ANONYMOUS: anonymous, Role.YOUTH: youth, Role.COMPANY: company}
    answers.update({role: roles.get(short, network) for short, role in NETWORK.items()})
    return answers


OBJECT = ("200", "404")  # in scope: the page; outside: not found
PUBLIC = {"anonymous": "200", "youth": "200", "company": "200"}
ADVISORS_ONLY = {"admin": "200", "advisor": "200"}

EXPECTED = {
    **{
        f"extranet:{name}": row("200")
        for name in (
            "dashboard",
            "my_structures",
            "candidate_list",
            "candidate_export",
            "candidate_stats",
            "candidate_stats_export",
            "referral_list",
            "referral_stats",
            "referral_stats_export",
            "pathway_list",
            "directory",
            "my_contact",
            "document_list",
            "news_list",
            "booking_requests",
            "event_list",
        )
    },
    # Sharing a document: every network role; the editors and the admin decide on it.
    "extranet:document_share": row("200"),
    "extranet:document_proposals": row("403", admin="200", editor="200"),
    **{
        f"extranet:{name}": row(("403", "403"), admin=OBJECT, editor=OBJECT)
        for name in ("document_review", "proposal_download")
    },
    # Joining a structure: for people outside the network; managers and the admin decide.
    "extranet:join": row("403"),
    "extranet:join_requests": row("403", admin="200", manager="200"),
    "extranet:join_request_decide": row(("403", "403"), admin=OBJECT, manager=OBJECT),
    # Events: the members of the organising structure (editors belong to none).
    "extranet:event_create": row("200", editor="403"),
    **{f"extranet:{name}": row(OBJECT) for name in ("event_registrations", "registrations_export")},
    "extranet:event_edit": row(OBJECT, editor=("403", "403")),
    "extranet:registration_update": row(("redirect", "404")),
    # Workspaces: the members of the place's structure only (none of these accounts; the
    # relay's manager is the extra printed account).
    **{
        f"extranet:{name}": row(OBJECT)
        for name in (
            "booking_week",
            "workspace_stats",
            "workspace_stats_export",
            "workspace_agreement",
        )
    },
    "extranet:booking_decide": row(("redirect", "404")),
    **{
        f"extranet:{name}": row(OBJECT)
        for name in (
            "structure_members",
            "partner_fiche",
            "candidate_detail",
            "referral_detail",
            "pathway_detail",
            "pathway_pdf",
            "directory_structure",
            "document_download",
        )
    },
    # Sensitive content (documents, a pathway's situation) is for the structures that
    # accompany the person, not for the regional admin (docs/decisions/0008).
    "extranet:attachment_download": row(OBJECT, admin=("403", "404")),
    "extranet:pathway_edit": row(OBJECT, admin=("403", "404")),
    # Pole officers and the admin create candidates; partners are shared them.
    "extranet:candidate_create": row("403", admin="200", pole="200"),
    "extranet:candidate_filter_save": row("redirect"),
    "extranet:candidate_filter_delete": row("redirect"),
    # Changing a candidate: its pole, the admin, a partner it was shared with for editing
    # (an empty post is a 400 with the form's errors); read-only sharing is a 404.
    **{
        f"extranet:candidate_{name}": row(("400", "404"), member=("404", "404"))
        for name in ("contact_add", "status", "share", "match", "match_status")
    },
    "extranet:candidate_referent": row(("redirect", "404"), member=("404", "404")),
    # Editors work in the Wagtail admin and belong to no structure.
    "extranet:offer_proposals": row("200", editor="403"),
    "extranet:offer_propose": row("200", editor="403"),
    "extranet:referral_create": row("200", editor="403"),
    "extranet:pathway_create": row("200", editor="403"),
    # Only the receiving structure answers a referral: the sender is told why (403).
    "extranet:referral_status": row(("400", "404"), pole=("403", "404"), member=("403", "404")),
    "extranet:referral_redirect": row(("400", "404"), pole=("403", "404"), member=("403", "404")),
    "extranet:referral_comment": row(("400", "404")),
    "extranet:referral_attach": row(("400", "404")),
    "extranet:pathway_email": row(("redirect", "404")),
    # Cartemploi: public pages, each side's own space, the relay and the advisors' desk.
    "cartemploi:index": row("200", **PUBLIC),
    "cartemploi:map_data": row("200", **PUBLIC),
    "cartemploi:observatory": row("200", **PUBLIC),
    "cartemploi:card_detail": row("200", **PUBLIC),
    # Only the other side may contact a card's owner (the card here is a young person's).
    "cartemploi:contact": row("403", company="200"),
    "cartemploi:my_space": row(
        "200", admin="redirect", advisor="redirect", youth="redirect", company="redirect"
    ),
    "cartemploi:charter": row("200", youth="200", company="200"),
    "cartemploi:youth_space": row("403", youth="200"),
    "cartemploi:company_space": row("403", company="200"),
    "cartemploi:offer_create": row("404", youth="404", company="200"),
    "cartemploi:offer_edit": row(OBJECT, youth=OBJECT, company=OBJECT),
    "cartemploi:private_file": row(OBJECT, youth=OBJECT, company=OBJECT),
    "cartemploi:conversations": row("200", youth="200", company="200"),
    "cartemploi:conversation": row(OBJECT, youth=OBJECT, company=OBJECT),
    # Contacts are shared by the parties only: an advisor is told why (403).
    "cartemploi:share_contacts": row(
        ("403", "404"), youth=("redirect", "404"), company=("redirect", "404")
    ),
    "cartemploi:record_outcome": row(
        ("redirect", "404"), youth=("redirect", "404"), company=("redirect", "404")
    ),
    "cartemploi:advisor_queue": row("403", **ADVISORS_ONLY),
    "cartemploi:advisor_youth_create": row("403", **ADVISORS_ONLY),
    "cartemploi:advisor_stats": row("403", **ADVISORS_ONLY),
    "cartemploi:fair_list": row("403", **ADVISORS_ONLY),
    "cartemploi:fair_companies": row("403", admin=OBJECT, advisor=OBJECT),
    "cartemploi:advisor_stats_export": row("403", **ADVISORS_ONLY),
    "cartemploi:advisor_review": row("403", admin=OBJECT, advisor=OBJECT),
    "cartemploi:advisor_release": row(
        "403", admin=("redirect", "404"), advisor=("redirect", "404")
    ),
    "cartemploi:advisor_block": row("403", admin=("redirect", "404"), advisor=("redirect", "404")),
}

from django.urls import path

from extranet import views
from extranet.bookings import stats as booking_stats
from extranet.bookings import views as bookings
from extranet.candidates import actions as candidate_actions
from extranet.candidates import exports as candidate_exports
from extranet.candidates import stats as candidate_stats
from extranet.candidates import views as candidates
from extranet.directory import documents as network_documents
from extranet.directory import news as network_news
from extranet.directory import sharing as document_sharing
from extranet.directory import views as directory
from extranet.events import views as events
from extranet.joining import views as joining
from extranet.offers import views as partner_offers
from extranet.pathways import views as pathways
from extranet.referrals import actions as referral_actions
from extranet.referrals import stats as referral_stats
from extranet.referrals import views as referrals
from extranet.structures import views as structures

app_name = "extranet"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mes-structures/", structures.my_structures, name="my_structures"),
    path("structures/<slug:slug>/membres/", structures.structure_members, name="structure_members"),
    path("structures/<slug:slug>/fiche/", structures.partner_fiche, name="partner_fiche"),
    path("candidats/", candidates.candidate_list, name="candidate_list"),
    path("candidats/nouveau/", candidates.candidate_create, name="candidate_create"),
    path("candidats/filtres/", candidates.candidate_filter_save, name="candidate_filter_save"),
    path(
        "candidats/filtres/supprimer/",
        candidates.candidate_filter_delete,
        name="candidate_filter_delete",
    ),
    path("candidats/export.<str:fmt>", candidate_exports.candidate_export, name="candidate_export"),
    path("candidats/statistiques/", candidate_stats.candidate_stats, name="candidate_stats"),
    path(
        "candidats/statistiques/export.<str:fmt>",
        candidate_stats.candidate_stats_export,
        name="candidate_stats_export",
    ),
    path("candidats/<slug:reference>/", candidates.candidate_detail, name="candidate_detail"),
    path(
        "candidats/<slug:reference>/contacts/",
        candidate_actions.candidate_contact_add,
        name="candidate_contact_add",
    ),
    path(
        "candidats/<slug:reference>/statut/",
        candidate_actions.candidate_status,
        name="candidate_status",
    ),
    path(
        "candidats/<slug:reference>/referent/",
        candidate_actions.candidate_referent,
        name="candidate_referent",
    ),
    path(
        "candidats/<slug:reference>/partages/",
        candidate_actions.candidate_share,
        name="candidate_share",
    ),
    path(
        "candidats/<slug:reference>/offres/",
        candidate_actions.candidate_match,
        name="candidate_match",
    ),
    path(
        "candidats/<slug:reference>/offres/suite/",
        candidate_actions.candidate_match_status,
        name="candidate_match_status",
    ),
    path("offres/", partner_offers.offer_proposals, name="offer_proposals"),
    path("offres/proposer/", partner_offers.offer_propose, name="offer_propose"),
    # --- Coordination: fiches de liaison ---------------------------------------------------
    path("orientations/", referrals.referral_list, name="referral_list"),
    path("orientations/nouvelle/", referrals.referral_create, name="referral_create"),
    path("orientations/statistiques/", referral_stats.referral_stats, name="referral_stats"),
    path(
        "orientations/statistiques/export.<str:fmt>",
        referral_stats.referral_stats_export,
        name="referral_stats_export",
    ),
    path("orientations/<slug:reference>/", referrals.referral_detail, name="referral_detail"),
    path(
        "orientations/<slug:reference>/etat/",
        referral_actions.referral_status,
        name="referral_status",
    ),
    path(
        "orientations/<slug:reference>/reorienter/",
        referral_actions.referral_redirect,
        name="referral_redirect",
    ),
    path(
        "orientations/<slug:reference>/commentaires/",
        referral_actions.referral_comment,
        name="referral_comment",
    ),
    path(
        "orientations/<slug:reference>/documents/",
        referral_actions.referral_attach,
        name="referral_attach",
    ),
    path(
        "orientations/<slug:reference>/documents/<slug:key>/",
        referrals.attachment_download,
        name="attachment_download",
    ),
    # --- Coordination: fiches parcours -------------------------------------------------------
    path("fiches-parcours/", pathways.pathway_list, name="pathway_list"),
    path("fiches-parcours/nouvelle/", pathways.pathway_create, name="pathway_create"),
    path("fiches-parcours/<slug:reference>/", pathways.pathway_detail, name="pathway_detail"),
    path("fiches-parcours/<slug:reference>/modifier/", pathways.pathway_edit, name="pathway_edit"),
    path("fiches-parcours/<slug:reference>/pdf/", pathways.pathway_pdf, name="pathway_pdf"),
    path("fiches-parcours/<slug:reference>/envoyer/", pathways.pathway_email, name="pathway_email"),
    # --- Events of the structures --------------------------------------------------------
    path("evenements/", events.event_list, name="event_list"),
    path("evenements/nouveau/", events.event_edit, name="event_create"),
    path("evenements/<slug:slug>/", events.event_registrations, name="event_registrations"),
    path("evenements/<slug:slug>/modifier/", events.event_edit, name="event_edit"),
    path(
        "evenements/<slug:slug>/inscriptions/<int:pk>/",
        events.registration_update,
        name="registration_update",
    ),
    path(
        "evenements/<slug:slug>/export.<str:fmt>",
        events.registrations_export,
        name="registrations_export",
    ),
    # --- Shared workspaces: booking requests -----------------------------------------------
    path("espaces/", bookings.booking_requests, name="booking_requests"),
    path(
        "espaces/demandes/<str:reference>/decision/",
        bookings.booking_decide,
        name="booking_decide",
    ),
    path("espaces/<slug:slug>/semaine/", bookings.booking_week, name="booking_week"),
    path(
        "espaces/<slug:slug>/convention/", bookings.workspace_agreement, name="workspace_agreement"
    ),
    path(
        "espaces/<slug:slug>/statistiques/", booking_stats.workspace_stats, name="workspace_stats"
    ),
    path(
        "espaces/<slug:slug>/statistiques/export.<str:fmt>",
        booking_stats.workspace_stats_export,
        name="workspace_stats_export",
    ),
    # --- Coordination: annuaire, documents, actualités ---------------------------------------
    path("annuaire/", directory.directory, name="directory"),
    path("annuaire/mes-coordonnees/", directory.my_contact, name="my_contact"),
    path("annuaire/<slug:slug>/", directory.directory_structure, name="directory_structure"),
    path("documents/", network_documents.document_list, name="document_list"),
    path("documents/partager/", document_sharing.document_share, name="document_share"),
    path("documents/propositions/", document_sharing.document_proposals, name="document_proposals"),
    path(
        "documents/propositions/<int:pk>/",
        document_sharing.document_review,
        name="document_review",
    ),
    path(
        "documents/propositions/<int:pk>/fichier/",
        document_sharing.proposal_download,
        name="proposal_download",
    ),
    path("documents/<slug:key>/", network_documents.document_download, name="document_download"),
    path("actualites/", network_news.news_list, name="news_list"),
    # --- Partner sign-up: join requests ----------------------------------------------------
    path("rejoindre/", joining.join, name="join"),
    path("adhesions/", joining.join_requests, name="join_requests"),
    path("adhesions/<int:pk>/", joining.join_request_decide, name="join_request_decide"),
]

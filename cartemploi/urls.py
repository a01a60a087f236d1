from django.urls import path

from cartemploi.views import advisor, fairs, owner, public, relay, stats

app_name = "cartemploi"

urlpatterns = [
    path("", public.index, name="index"),
    path("carte.json", public.map_data, name="map_data"),
    path("fiche/<int:pk>/", public.card_detail, name="card_detail"),
    path("fiche/<int:pk>/contacter/", relay.contact, name="contact"),
    path("observatoire/", stats.observatory, name="observatory"),
    path("mon-espace/", owner.my_space, name="my_space"),
    path("mon-espace/charte/", owner.charter, name="charter"),
    path("mon-espace/jeune/", owner.youth_space, name="youth_space"),
    path("mon-espace/entreprise/", owner.company_space, name="company_space"),
    path("mon-espace/entreprise/offres/nouvelle/", owner.offer_edit, name="offer_create"),
    path("mon-espace/entreprise/offres/<int:pk>/", owner.offer_edit, name="offer_edit"),
    path("fichiers/jeune/<int:pk>/<str:what>/", owner.private_file, name="private_file"),
    path("conversations/", relay.conversations, name="conversations"),
    path("conversations/<int:pk>/", relay.conversation, name="conversation"),
    path("conversations/<int:pk>/partager/", relay.share_contacts, name="share_contacts"),
    path("conversations/<int:pk>/resultat/", relay.record_outcome, name="record_outcome"),
    path("conseil/", advisor.queue, name="advisor_queue"),
    path("conseil/jeunes/nouveau/", advisor.youth_create, name="advisor_youth_create"),
    path("conseil/<str:kind>/<int:pk>/", advisor.review, name="advisor_review"),
    path("conseil/messages/<int:pk>/transmettre/", advisor.release, name="advisor_release"),
    path("conseil/conversations/<int:pk>/bloquer/", advisor.block, name="advisor_block"),
    path("conseil/salons/", fairs.fair_list, name="fair_list"),
    path("conseil/salons/<slug:slug>/", fairs.fair_companies, name="fair_companies"),
    path("conseil/statistiques/", stats.advisor_stats, name="advisor_stats"),
    path(
        "conseil/statistiques/export.<str:fmt>",
        stats.advisor_stats_export,
        name="advisor_stats_export",
    ),
]

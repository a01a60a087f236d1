"""Texts of the demo pages (French, as published). Used by `portal.demo.site`.

Every organisation, address, e-mail and phone number here is fictitious.
Blocks are written as ("h2", text) / ("p", html) / ("ul", [items]) / ("retention", None)
tuples.
"""

CONTACT_EMAIL = "contact@passerelles.localhost"
CONTACT_PHONE = "05 55 00 00 00"
CONTACT_ADDRESS = "Réseau Passerelles (démonstration)\n1 place de l'Exemple\n23000 Guéret"
PRIVACY_EMAIL = "donnees-personnelles@passerelles.localhost"

HOME_INTRODUCTION = (
    "Vous pensez vous installer en Creuse ou en Haute-Vienne, vous cherchez un stage, "
    "un emploi ou un service près de chez vous ? Passerelles réunit les offres du "
    "territoire, le répertoire de celles et ceux qui peuvent vous aider et le réseau "
    "d'accueil qui vous accompagne."
)
HOME_BODY = [
    ("h2", "Un seul endroit pour s'installer, travailler et s'entraider"),
    (
        "p",
        "Les pôles locaux d'accueil, les missions locales, les associations et les services "
        "publics du territoire travaillent ensemble. Dites-nous votre projet : une personne "
        "du pôle qui couvre votre commune vous recontacte.",
    ),
    (
        "ul",
        [
            "<b>Offres du territoire</b> : entreprises à reprendre, emplois, logements, "
            "tiers-lieux.",
            "<b>Répertoire</b> : qui fait quoi, où, quand et pour qui, fiche par fiche.",
            "<b>Cartemploi</b> : les compétences des jeunes et les entreprises locales sur "
            "une carte.",
        ],
    ),
]

DISCOVER_INTRODUCTION = (
    "Entre plateaux, lacs et vallées, la Creuse et la Haute-Vienne offrent de l'espace, "
    "une vie associative dense et des métiers qui cherchent des bras et des idées."
)
DISCOVER_BODY = [
    ("h2", "Un territoire à taille humaine"),
    (
        "p",
        "De Limoges, ville universitaire et capitale des arts du feu, aux bourgs de la "
        "Montagne limousine, on passe en moins d'une heure de la ville à la campagne. La "
        "plupart des communes comptent quelques centaines d'habitants : on s'y connaît, on "
        "s'y rend service, et les nouveaux venus y sont attendus.",
    ),
    ("h2", "Des paysages et un patrimoine vivants"),
    (
        "ul",
        [
            "Le Parc naturel régional de Millevaches en Limousin, ses tourbières et ses landes.",
            "Le lac de Vassivière, ses plages et son île consacrée à l'art contemporain.",
            "La tapisserie d'Aubusson, inscrite au patrimoine culturel immatériel de "
            "l'UNESCO, et la porcelaine de Limoges.",
            "Des chemins de randonnée, des rivières à truites et des marchés de producteurs.",
        ],
    ),
    ("h2", "Travailler ici"),
    (
        "p",
        "Commerces et entreprises artisanales à reprendre, exploitations agricoles, métiers "
        "du soin et de l'aide à domicile, industrie du cuir et de la porcelaine, tourisme : "
        "les besoins sont réels. Les tiers-lieux et les espaces de travail partagés "
        "permettent aussi de travailler à distance dans de bonnes conditions.",
    ),
    ("h2", "Se loger, se déplacer, faire garder ses enfants"),
    (
        "p",
        "Les pôles locaux d'accueil connaissent les logements disponibles, les solutions de "
        "garde et de mobilité (transport à la demande, garages solidaires, covoiturage). "
        "Le répertoire recense les structures qui peuvent vous aider, commune par commune.",
    ),
]

LEGAL_NOTICE_INTRODUCTION = "Qui publie ce site, qui l'héberge et à quelles conditions."
LEGAL_NOTICE_BODY = [
    ("h2", "Éditeur"),
    (
        "p",
        "Ce site de démonstration est édité par le Réseau Passerelles (démonstration), "
        "association fictive, 1 place de l'Exemple, 23000 Guéret. Téléphone : 05 55 00 00 00. "
        f'Courriel : <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.',
    ),
    (
        "p",
        "Directeur ou directrice de la publication : la présidence de l'association. "
        "L'organisme qui déploie Passerelles remplace ces informations par les siennes.",
    ),
    ("h2", "Hébergement"),
    (
        "p",
        "En démonstration, le site tourne sur l'ordinateur de la personne qui l'a lancé. "
        "Un déploiement réel indique ici le nom, l'adresse et le téléphone de l'hébergeur, "
        "comme l'exige l'article 6 de la loi n° 2004-575 du 21 juin 2004 pour la confiance "
        "dans l'économie numérique.",
    ),
    ("h2", "Propriété intellectuelle et réutilisation"),
    (
        "p",
        "Le logiciel Passerelles est un logiciel libre. Les textes de ce site peuvent être "
        "cités en indiquant leur source. Les fiches du répertoire restent la propriété des "
        "structures qui les rédigent.",
    ),
    (
        "p",
        "Données de référence des communes : INSEE (Code officiel géographique, populations "
        "légales), DGCL (périmètres des EPCI), La Poste (codes postaux) via "
        "@etalab/decoupage-administratif, et IGN (contours des communes) via "
        "france-geojson, sous Licence Ouverte / Open Licence d'Etalab.",
    ),
    ("h2", "Cartes"),
    (
        "p",
        "Fonds de carte © les contributeurs d'OpenStreetMap, données sous licence ODbL.",
    ),
]

PRIVACY_INTRODUCTION = (
    "Quelles données personnelles nous traitons, pourquoi, combien de temps, et comment "
    "exercer vos droits."
)
PRIVACY_BODY = [
    ("h2", "Responsable du traitement"),
    (
        "p",
        "Le Réseau Passerelles (démonstration), association fictive, 1 place de l'Exemple, "
        "23000 Guéret. Pour toute question sur vos données : "
        f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.',
    ),
    ("h2", "Ce que nous traitons et pourquoi"),
    (
        "ul",
        [
            "<b>Votre compte</b> (nom, adresse e-mail, mot de passe chiffré) : pour vous "
            "identifier. Base légale : l'exécution du service que vous demandez.",
            "<b>Votre projet d'installation</b> (formulaire « Je souhaite m'installer ») : "
            "pour que le pôle d'accueil de votre commune vous recontacte et vous accompagne. "
            "Base légale : votre consentement, que vous pouvez retirer à tout moment.",
            "<b>Les fiches de liaison et le suivi</b> entre structures du réseau : pour "
            "coordonner l'accompagnement, uniquement avec les structures que vous avez "
            "acceptées. Base légale : votre consentement.",
            "<b>Les profils Cartemploi</b> : publiés seulement après validation par la "
            "mission locale ; les jeunes y apparaissent sans nom ni adresse.",
            "<b>Le journal d'accès</b> : chaque consultation ou modification d'une donnée "
            "personnelle par un membre du réseau est enregistrée, pour la sécurité.",
        ],
    ),
    ("h2", "Durées de conservation"),
    # Printed from settings.PASSERELLES_RETENTION, the rules `apply_retention` applies.
    ("retention", None),
    ("h2", "Destinataires"),
    (
        "p",
        "Vos données ne sont ni vendues ni cédées. Seules les personnes habilitées du réseau "
        "qui vous accompagnent y ont accès. Les messages Cartemploi passent par le relais du "
        "portail : votre adresse e-mail n'est jamais transmise à votre interlocuteur.",
    ),
    ("h2", "Cookies"),
    (
        "p",
        "Le site n'utilise que les cookies nécessaires à son fonctionnement (session et "
        "protection des formulaires). Aucun cookie de mesure d'audience ni de publicité.",
    ),
    ("h2", "Vos droits"),
    (
        "p",
        "Vous pouvez accéder à vos données, les faire rectifier ou effacer, limiter leur "
        "traitement, vous y opposer, retirer votre consentement et demander leur "
        "portabilité, en écrivant à l'adresse ci-dessus. Si vous estimez que vos droits ne "
        "sont pas respectés, vous pouvez adresser une réclamation à la CNIL (cnil.fr).",
    ),
]

ACCESSIBILITY_INTRODUCTION = (
    "Le Réseau Passerelles (démonstration) s'engage à rendre son site accessible, "
    "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005."
)
ACCESSIBILITY_BODY = [
    ("h2", "État de conformité"),
    (
        "p",
        "Le site n'a pas encore fait l'objet d'un audit de conformité au référentiel "
        "général d'amélioration de l'accessibilité (RGAA 4.1). En l'absence d'audit, il est "
        "déclaré <b>non conforme</b>.",
    ),
    ("h2", "Ce que nous faisons déjà"),
    (
        "ul",
        [
            "Chaque parcours principal est testé automatiquement avec axe-core.",
            "Le site se parcourt au clavier, avec un lien d'évitement et un focus visible.",
            "Les pages gardent leur sens en gros caractères, sans couleurs et à l'impression.",
        ],
    ),
    ("h2", "Technologies utilisées"),
    ("p", "HTML5, CSS, un peu de JavaScript (le site reste utilisable sans lui)."),
    ("h2", "Retour d'information et contact"),
    (
        "p",
        "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
        f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> ou appelez le '
        "05 55 00 00 00 : nous vous répondrons et vous proposerons une autre façon "
        "d'obtenir l'information.",
    ),
    ("h2", "Voies de recours"),
    (
        "p",
        "Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse "
        "satisfaisante, vous pouvez saisir le Défenseur des droits : par le formulaire en "
        "ligne de defenseurdesdroits.fr, auprès de son délégué ou de sa déléguée dans votre "
        "département, ou par courrier gratuit, sans affranchissement, à : Défenseur des "
        "droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
    ),
]

CHARTER_INTRODUCTION = (
    "Les engagements de chacune et chacun pour que le réseau et Cartemploi restent des "
    "lieux de confiance."
)
CHARTER_BODY = [
    ("h2", "Pour les membres du réseau"),
    (
        "ul",
        [
            "Je ne consulte un dossier que si j'accompagne la personne concernée.",
            "Je ne partage une information personnelle qu'avec l'accord de la personne et "
            "seulement avec les structures qui en ont besoin.",
            "Je tiens à jour la fiche de ma structure et je réponds aux fiches de liaison "
            "que je reçois, même pour dire que je ne suis pas le bon interlocuteur.",
            "Je garde mon mot de passe pour moi et j'active la double authentification.",
        ],
    ),
    ("h2", "Pour les jeunes et les entreprises de Cartemploi"),
    (
        "ul",
        [
            "Je décris mes compétences, mes savoir-faire et mes valeurs avec sincérité.",
            "J'échange avec courtoisie, uniquement par la messagerie du portail.",
            "Je ne fais aucune discrimination, ni dans mes offres ni dans mes réponses.",
            "J'accepte que la mission locale valide mon profil et puisse lire les messages "
            "pour en assurer la modération.",
        ],
    ),
    ("h2", "En cas de manquement"),
    (
        "p",
        "L'équipe d'administration peut suspendre un profil, un message ou un compte qui ne "
        "respecte pas cette charte, après avoir contacté la personne concernée.",
    ),
]

# (slug, title, introduction, body, show_in_menus)
PAGES = {
    "discover": (
        "decouvrir-le-territoire",
        "Découvrir le territoire",
        DISCOVER_INTRODUCTION,
        DISCOVER_BODY,
        True,
    ),
    "legal_notice": (
        "mentions-legales",
        "Mentions légales",
        LEGAL_NOTICE_INTRODUCTION,
        LEGAL_NOTICE_BODY,
        False,
    ),
    "privacy": (
        "politique-de-confidentialite",
        "Politique de confidentialité",
        PRIVACY_INTRODUCTION,
        PRIVACY_BODY,
        False,
    ),
    "accessibility": (
        "declaration-d-accessibilite",
        "Déclaration d'accessibilité",
        ACCESSIBILITY_INTRODUCTION,
        ACCESSIBILITY_BODY,
        False,
    ),
    "charter": ("charte", "Charte", CHARTER_INTRODUCTION, CHARTER_BODY, False),
}

"""Which data·inclusion schema field fills which model field."""

from repertoire.interop.reading import SERVICE, STRUCTURE

# schema field → model field; the other schema fields go to `di_extra`.
STRUCTURE_FIELDS = {
    "nom": "name",
    "date_maj": "last_verified_at",
    "description": "summary",
    "siret": "siret",
    "code_postal": "postal_code",
    "adresse": "address",
    "latitude": "latitude",
    "longitude": "longitude",
    "telephone": "phone",
    "courriel": "email",
    "site_web": "website",
    "horaires_accueil": "opening_hours",
    "accessibilite_lieu": "acceslibre_url",
}
SERVICE_FIELDS = {
    "nom": "name",
    "description": "description",
    "type": "service_type",
    "thematiques": "thematiques",
    "frais": "fees",
    "frais_precisions": "fees_details",
    "publics": "publics",
    "publics_precisions": "publics_details",
    "conditions_acces": "access_conditions",
    "modes_mobilisation": "mobilisation_modes",
    "mobilisable_par": "mobilisable_by",
    "mobilisation_precisions": "how_to_mobilise",
    "modes_accueil": "reception_modes",
    "horaires_accueil": "opening_hours",
}
KEY_FIELDS = {STRUCTURE: {"source", "id", "code_insee"}, SERVICE: {"source", "id", "structure_id"}}

from django.db import migrations

BODY = """Cartemploi met en relation les jeunes et les entreprises du territoire, par l'intermédiaire de la mission locale, garante du contenu de chaque fiche.

En acceptant cette charte, je m'engage à :
- donner des informations exactes et honnêtes sur moi ou sur mon entreprise, et à les tenir à jour ;
- respecter les personnes avec qui j'échange, sans propos discriminant, insultant ou commercial ;
- ne pas chercher à obtenir les coordonnées de l'autre partie tant qu'elle n'a pas accepté de les partager ;
- signaler à la mission locale tout abus.

La mission locale valide chaque fiche avant publication, peut retenir un message pour le relire, bloquer un échange abusif et retirer une fiche en indiquant le motif. Les jeunes apparaissent sans nom, sans adresse ni coordonnées : seuls l'initiale du prénom, la tranche d'âge, la commune et les compétences sont publiés."""


def create(apps, schema_editor):
    CharterVersion = apps.get_model("cartemploi", "CharterVersion")
    CharterVersion.objects.get_or_create(
        version=1, defaults={"title": "Charte Cartemploi", "body": BODY}
    )


def remove(apps, schema_editor):
    apps.get_model("cartemploi", "CharterVersion").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("cartemploi", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]

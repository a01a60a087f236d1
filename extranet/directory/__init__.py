"""Network life: the partner directory (annuaire), shared documents, members' news."""

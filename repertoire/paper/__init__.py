"""The paper répertoire: PDF fiches, booklets and blank forms, laid out by WeasyPrint.

- `views`: the fiche PDF, the booklet and the blank fiche de liaison / fiche parcours served
  on `RepertoirePage` routes, and `render_pdf`/`pdf_response`, shared with the pathway PDF;
- `booklet`: which fiches a booklet holds, cut into parts, with contents and an index;
- `typesetting`: laying the parts out in worker processes, joining and numbering pages.

Nothing is imported here: worker processes run `python -m repertoire.paper.typesetting` and
must load no Django.
"""

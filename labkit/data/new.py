"""A new, empty programme: what ``labkit new DIR --title T`` writes.

:func:`new_programme` writes a valid data package into a new or empty folder:
every table with its Table Schema, the reference tables filled (sectors, the
UN SDGs and the CBS brede-welvaart dimensions, copied from the embedded
example's reference and classification rows), every other table empty, the
programme's own words (``"programme"`` in ``datapackage.json``) from the
options, and a short README.md on how to fill it in. Nothing in it is
illustrative: :mod:`labkit.data.illustrative` works on the embedded example only.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from . import io, schema
from .model import Programme, load
from ..errors import ParameterError

#: The embedded example package, whose reference rows a new programme starts from.
EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "data"
LANGS = ("nl", "en")


def new_programme(path: str | os.PathLike, *, title: str, description: str = "",
                  lang: str = "nl") -> Programme:
    """Write a new, empty programme into ``path`` and return it.

    Parameters
    ----------
    path : path-like
        A folder that does not exist yet or is empty; anything else is refused
        with a :class:`~labkit.errors.ParameterError` and nothing is written.
    title : str
        The programme's title: ``title_nl`` (and ``title_en`` with ``lang="en"``)
        and the package's ``title``.
    description : str
        A short introduction: ``introduction_<lang>`` and the package's ``description``.
    lang : {"nl", "en"}
        The language of ``title`` and ``description``, and of the README.

    Returns
    -------
    Programme
        The programme as written, loaded back from ``path``.
    """
    path = Path(path)
    title = " ".join((title or "").split())
    description = (description or "").strip()
    if lang not in LANGS:
        raise ParameterError(f"--lang is {lang!r}: use nl or en")
    if not title:
        raise ParameterError("give the programme a title: labkit new DIR --title \"...\"")
    if path.exists() and not path.is_dir():
        raise ParameterError(f"{path} is a file: labkit new writes a new programme into a new or empty folder")
    if path.is_dir() and any(path.iterdir()):
        raise ParameterError(f"{path} is not empty: labkit new writes a new programme into a new or empty "
                             "folder only, so that nothing of yours is overwritten")
    example = load(EXAMPLE_DIR)
    tables = {name: example.tables[name].iloc[0:0].copy() for name in schema.RESOURCE_NAMES}
    for name in schema.REFERENCE:
        tables[name] = example.tables[name].copy()
    words = {key: "" for key in schema.PROGRAMME_KEYS}
    words["title_nl"] = title  # required: an English title stands in until someone translates it
    words[f"title_{lang}"] = title
    words[f"introduction_{lang}"] = description
    meta = {"name": package_name(title) or package_name(path.name) or "programme",
            "title": title, "description": description, "version": "0.1.0", "programme": words}
    io.write_package(path, meta, tables)
    io.write_text_atomic(path / "README.md", readme(title, path.name, lang))
    return load(path)


def package_name(text: str) -> str:
    """A Data Package ``name`` from a title: lowercase letters, digits and '-'.

    >>> package_name("Regiodeal Twente: brede welvaart 2026")
    'regiodeal-twente-brede-welvaart-2026'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80]


def readme(title: str, folder: str, lang: str = "nl") -> str:
    """The README.md of a new programme's folder."""
    return (_README_NL if lang == "nl" else _README_EN).format(title=title, dir=folder or ".")


_README_NL = """\
# {title}

Dit is een labkit-datapakket: één CSV-bestand per tabel, beschreven in
`datapackage.json` (een Frictionless Data Package). `labkit new` maakte het met
alle tabellen leeg, behalve de referentietabellen: sectoren (`sectors.csv`), de
SDG's van de VN (`sdgs.csv`) en de dimensies van brede welvaart
(`welfare_dimensions.csv`).

## Invullen

1. Schrijf het programma als werkboek:
   `labkit workbook {dir} -o programma.xlsx`
2. Vul het werkboek in met Excel of LibreOffice, ongeveer in deze volgorde:
   *Programma* (ondertitel, inleiding, organisatie, looptijd), *Soorten tafels*
   (bijvoorbeeld startbijeenkomst, werksessie, slotbijeenkomst, met hun
   volgorde), *Organisaties*, *Deelnemers*, *Thema's*, *Sessies*,
   *Aanwezigheid*; daarna wat er is: uitnodigingen, samenwerkingen, inzichten,
   casussen, citaten, toezeggingen en hun voortgang. Heeft het programma een
   routekaart, vul dan de fasen in op het blad *Routekaart*; zonder routekaart
   blijft dat blad leeg. Laat *ID* en *Bron* leeg, behalve een eigen ID voor
   wie niet met naam genoemd wordt (`p-02`). Het blad *Uitleg* zegt per kolom
   wat erin hoort.
3. Lees het werkboek terug: eerst
   `labkit import workbook programma.xlsx --data {dir} --dry-run`
   (wat er zou veranderen, of elk probleem met blad, rij en kolom), dan zonder
   `--dry-run`.
4. `labkit validate {dir}`, `labkit reports --data {dir} --out rapporten` en
   `labkit serve --data {dir}`.

Een deel dat nog leeg is, zegt dat in rapport en dashboard in één regel.

## De woorden van het programma

Titel, ondertitel, inleiding, organisatie, looptijd en bron staan in
`datapackage.json`, in het object `"programme"`: `title_nl`, `title_en`,
`subtitle_nl`, `subtitle_en`, `introduction_nl`, `introduction_en`, `organiser`,
`period_start`, `period_end` (datums als JJJJ-MM-DD) en `source`. Alleen
`title_nl` is verplicht; een lege Engelse tekst valt terug op de Nederlandse en
omgekeerd. Rapporten, hun indexpagina, het dashboard en `labkit summary` lezen
ze daar.
"""

_README_EN = """\
# {title}

This is a labkit data package: one CSV file per table, described in
`datapackage.json` (a Frictionless Data Package). `labkit new` made it with
every table empty except the reference tables: sectors (`sectors.csv`), the UN
SDGs (`sdgs.csv`) and the dimensions of broad welfare (`welfare_dimensions.csv`).

## Filling it in

1. Write the programme as a workbook:
   `labkit workbook {dir} -o programme.xlsx --lang en`
2. Fill the workbook in with Excel or LibreOffice, roughly in this order:
   *Programme* (subtitle, introduction, organiser, period), *Kinds of tables*
   (a kick-off, working sessions, a closing meeting, with their order),
   *Organisations*, *Participants*, *Themes*, *Sessions*, *Attendance*; then
   whatever there is: invitations, collaborations, insights, cases, quotes,
   commitments and their progress. If the programme has a roadmap, fill in its
   stages on the sheet *Roadmap stages*; without one that sheet stays empty.
   Leave *ID* and *Source* empty, except an ID of your own for people who are
   not to be named (`p-02`). The *Explanation* sheet says what goes in each column.
3. Read the workbook back: first
   `labkit import workbook programme.xlsx --data {dir} --dry-run`
   (what would change, or every problem with its sheet, row and column), then
   without `--dry-run`.
4. `labkit validate {dir}`, `labkit reports --data {dir} --out reports --lang en`
   and `labkit serve --data {dir}`.

A part that is still empty says so in one line in the reports and the dashboard.

## The programme's own words

Title, subtitle, introduction, organiser, period and source live in
`datapackage.json`, in the object `"programme"`: `title_nl`, `title_en`,
`subtitle_nl`, `subtitle_en`, `introduction_nl`, `introduction_en`, `organiser`,
`period_start`, `period_end` (dates as YYYY-MM-DD) and `source`. Only `title_nl`
is required; an empty English text falls back to the Dutch one and vice versa.
The reports, their index page, the dashboard and `labkit summary` read them there.
"""

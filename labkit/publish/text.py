"""The words the published site adds to the dashboard's (:mod:`labkit.i18n`), in Dutch and English.

A test keeps the two dicts' keys and placeholders in step.
"""

from __future__ import annotations

NL = {
    "overview": "Overzicht",
    "language_name": "Nederlands",
    "other_language": "English",
    "themes": "Thema's",
    "dashboard": "Dashboard",
    "report": "Themarapport",
    "reports_index": "Alle themarapporten",
    "open_data": "Open data",
    "download_datapackage": "Datapakket (Frictionless Data Package: CSV-tabellen met beschrijving, zip)",
    "download_workbook": "Werkboek (Excel, alle tabellen)",
    "public_note": ("Openbare uitgave: namen van deelnemers die geen toestemming gaven om genoemd te "
                    "worden, zijn weggelaten."),
    "internal_note": ("Alleen voor gebruik binnen het lab: deze downloads bevatten namen van deelnemers "
                      "die geen toestemming gaven om genoemd te worden."),
    "as_of": "Stand van zaken per {date}",
    "made_with": "Gemaakt met labkit; werkt zonder server en zonder internet.",
    "no_sessions_short": "nog geen sessies",
    "nothing_here": "Voor dit tabblad zijn bij dit thema nog geen gegevens.",
    "tabs_label": "Onderdelen van het dashboard",
    "theme_nav": "Ander thema",
    "needs_script": "De grafieken op deze pagina hebben JavaScript nodig.",
    "truncated": " ({n} sterkste verbindingen getoond)",
    "size": "{kb} kB",
}

EN = {
    "overview": "Overview",
    "language_name": "English",
    "other_language": "Nederlands",
    "themes": "Themes",
    "dashboard": "Dashboard",
    "report": "Theme report",
    "reports_index": "All theme reports",
    "open_data": "Open data",
    "download_datapackage": "Data package (Frictionless Data Package: CSV tables with their description, zip)",
    "download_workbook": "Workbook (Excel, every table)",
    "public_note": ("Public release: the names of participants who did not consent to be named have "
                    "been left out."),
    "internal_note": ("For use inside the lab only: these downloads hold the names of participants who "
                      "did not consent to be named."),
    "as_of": "As of {date}",
    "made_with": "Made with labkit; works without a server and without the internet.",
    "no_sessions_short": "no sessions yet",
    "nothing_here": "This theme has no data for this tab yet.",
    "tabs_label": "Parts of the dashboard",
    "theme_nav": "Other theme",
    "needs_script": "The charts on this page need JavaScript.",
    "truncated": " (the {n} strongest ties shown)",
    "size": "{kb} kB",
}

STRINGS = {"nl": NL, "en": EN}


def s(key: str, lang: str, **values) -> str:
    """The site's phrase ``key`` in ``lang``, with ``values`` filled in."""
    text = STRINGS[lang][key]
    return text.format(**values) if values else text

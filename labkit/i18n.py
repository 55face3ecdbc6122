"""Dutch and English labels for everything a stakeholder reads. Dutch is the default.

Only generic words live here. The programme's own words (its title, subtitle and
introduction), its kinds of table and its roadmap stages come from the data
package (:meth:`labkit.data.model.Programme.words`, ``table_kinds``,
``roadmap_stages``).
"""

from __future__ import annotations

LANGS = ("nl", "en")
DEFAULT = "nl"

STRINGS = {
    "nl": {
        "theme": "Thema",
        "sector": "Sector",
        "all_sectors": "Alle sectoren",
        "table": "Tafel",
        "all_tables": "Alle tafels",
        "language": "Taal",
        "size_by": "Grootte naar",
        "organisation": "Organisatie",
        "organisations": "Organisaties",
        "participants": "Deelnemers",
        "sessions": "Sessies",
        "commitments": "Toezeggingen",
        "tab_who": "Wie deden mee",
        "tab_links": "Verbindingen",
        "tab_roadmap": "Routekaart",
        "tab_welfare": "Brede welvaart & SDG's",
        "tab_rounds": "Door de tijd",
        "illustrative_notice": ("Let op: een deel van wat u hier ziet is illustratief. Het verslag zegt niet "
                                "wie aan welke tafel zat, wie wie uitnodigde, welke organisaties gingen "
                                "samenwerken, wie een toezegging draagt en hoe die na 2021 verliep; die "
                                "gegevens zijn door labkit gegenereerd en zijn geen feiten."),
        "synthetic_notice": "Let op: dit is een synthetisch programma voor tests en demonstraties; niets hiervan is echt.",
        "no_sessions": "Voor dit thema zijn nog geen sessies vastgelegd.",
        "no_themes": "Dit programma heeft nog geen thema's: vul ze in en open deze pagina opnieuw.",
        "no_attendance": "Nog geen aanwezigheid vastgelegd: wie aan welke tafel zat, volgt zodra die gegevens er zijn.",
        "no_links": "Nog geen verbindingen: zonder aanwezigheid per tafel is er geen netwerk van organisaties.",
        "no_collaborations": "Nog geen samenwerkingen vastgelegd, dus nog geen makelaars tussen sectoren.",
        "no_brokers": "Geen makelaars: in de vastgelegde samenwerkingen staat geen organisatie tussen twee andere.",
        "no_roadmap": "Dit programma heeft geen routekaart: er zijn geen fasen vastgelegd.",
        "no_commitments": "Voor dit thema zijn nog geen toezeggingen vastgelegd.",
        "host": "Host",
        "network_title": "Wie ontmoetten elkaar: organisaties die aan dezelfde tafel zaten",
        "network_caption": ("Elke stip is een organisatie, gekleurd naar sector. Een lijn betekent dat "
                            "mensen van beide organisaties aan minstens één zelfde tafel zaten; hoe dikker, "
                            "hoe vaker. Met naam: de organisaties met de sterkste brugfunctie."),
        "mixing_title": "Tussen welke sectoren liepen verbindingen?",
        "ei_title": "Mengden sectoren meer dan toeval zou geven? (E-I-index)",
        "ei_caption": ("Per sector de E-I-index (stip; +1 = alle verbindingen met andere sectoren, −1 = alleen "
                       "binnen de eigen sector) naast wat willekeurig verdeelde sectoren geven (grijze balk: "
                       "95% van 1.000 toevalsuitkomsten; streepje: hun gemiddelde). Een stip in de grijze balk: "
                       "zo vaak als toeval zou geven."),
        "chance_more": "meer dan toeval", "chance_less": "minder dan toeval",
        "chance_as_chance": "zoals toeval",
        "chance_expected": "Bij toeval", "chance_range": "95% bij toeval", "chance_verdict": "Oordeel",
        "chance_no_sector": "Geen enkele sector wijkt meer af van toeval dan toeval zelf geeft.",
        "round": "Ronde", "round_retained": "kwamen terug", "round_new": "nieuw", "round_gone": "niet meer",
        "rounds_title": "Welke organisaties kwamen terug, welke kwamen erbij?",
        "rounds_who": "Van {a} naar {b}: {ret} van de {before} organisaties kwamen terug ({share}), {new} kwamen "
                              "er nieuw bij en {gone} kwamen niet meer.",
        "rounds_sectors_up": "Nieuw vertegenwoordigd: {names}.",
        "rounds_sectors_down": "Niet meer vertegenwoordigd: {names}.",
        "rounds_ties": "Van de verbindingen aan tafel bleven er {kept} bestaan, {formed} kwamen er nieuw bij en "
                               "{gone} verdwenen (stabiliteit, Jaccard: {j}). Van de nieuwe verbindingen liep {cf} tussen "
                               "sectoren, van de gebleven {ck}.",
        "rounds_brokers": "Makelaars (hoogste betweenness) die het bleven: {names}.",
        "rounds_brokers_none": "Geen van de makelaars (hoogste betweenness) van {a} was het ook in {b}.",
        "rounds_commitments": "Toezeggingen: {new} nieuw ingebracht, {carried} meegenomen uit eerdere rondes, "
                                      "{done} afgerond en {stalled} vastgelopen.",
        "continuity_title": "Wie kwam wanneer",
        "roadmap_title": "De routekaart: waar staat elke toezegging?",
        "roadmap_caption": ("Elke stip is een toezegging. Een volle stip staat op het jaar dat de bron noemt; "
                            "een open ruit op een jaar dat de bron niet noemt maar het project afleidt (eigen "
                            "lezing); een open stip op de datum waarop de toezegging werd ingebracht, want er "
                            "is geen jaar genoemd. Kleur = status bij de laatste update."),
        "sdg_title": "Aan welke SDG's dragen de toezeggingen bij?",
        "welfare_title": "Brede welvaart: hier en nu, later, elders",
        "progress_title": "Voortgang van de toezeggingen door de tijd",
        "brokers_title": "Wie verbond de sectoren? (makelaars)",
        "composition_title": "Welke sectoren zaten aan tafel?",
        "missing_sectors": "Ontbrekende sectoren",
        "none_missing": "geen: het hele systeem zat aan tafel",
        "ego_title": "Netwerk van de gekozen organisatie",
        "pick_organisation": "Kies een organisatie",
        "role": "Rol",
        "status": "Status",
        "progress": "Voortgang (%)",
        "last_update": "Laatste update",
        "horizon": "Horizon",
        "horizon_none": "geen jaar genoemd",
        "reading": "eigen lezing",
        "horizon_kind": "Jaar",
        "horizon_kind_report": "jaar uit de bron",
        "horizon_kind_reading": "jaar: eigen lezing, niet uit de bron",
        "horizon_kind_none": "geen jaar: op de datum van inbreng",
        "stage": "Fase",
        "stage_none": "zonder fase",
        "year": "Jaar",
        "count": "Aantal",
        "ties": "Verbindingen",
        "weight": "Gedeelde tafels",
        "centrality_degree": "aantal contacten",
        "centrality_betweenness": "brugfunctie (betweenness)",
        "source": "Herkomst",
        "illustrative": "illustratief",
        "from_report": "uit het verslag",
        "new": "nieuw aan deze tafel",
        "returning": "was er al",
        "invited_by_participant": "uitgenodigd door een deelnemer",
        "invited_by_organisers": "uitgenodigd door organisatie of host",
        "path": "Route",
        "dimension": "Dimensie",
        "sdg": "SDG",
        "date": "Datum",
        "commitment": "Toezegging",
        "owner": "Eigenaar",
        "none": "geen",
        "now": "nu",
        "welfare_caption": ("De drie dimensies van de CBS Monitor Brede Welvaart. Welke dimensies en SDG's "
                            "een toezegging dient, is de indeling van het project, niet van de bron."),
        "bad_url": "De link bevat een parameter die labkit niet kan gebruiken; u ziet het standaardthema.",
        "preview_loading": "De keuzemenu's en de andere tabbladen worden geladen…",
    },
    "en": {
        "theme": "Theme",
        "sector": "Sector",
        "all_sectors": "All sectors",
        "table": "Table",
        "all_tables": "All tables",
        "language": "Language",
        "size_by": "Size by",
        "organisation": "Organisation",
        "organisations": "Organisations",
        "participants": "Participants",
        "sessions": "Sessions",
        "commitments": "Commitments",
        "tab_who": "Who took part",
        "tab_links": "Connections",
        "tab_roadmap": "Roadmap",
        "tab_welfare": "Broad welfare & SDGs",
        "tab_rounds": "Over time",
        "illustrative_notice": ("Note: part of what you see here is illustrative. The report does not say "
                                "who sat at which table, who invited whom, which organisations agreed to "
                                "work together, who carries a commitment or how it fared after 2021; "
                                "labkit generated those data and they are not facts."),
        "synthetic_notice": "Note: this is a synthetic programme for tests and demos; none of it is real.",
        "no_sessions": "No sessions have been recorded for this theme yet.",
        "no_themes": "This programme has no themes yet: fill them in and open this page again.",
        "no_attendance": "No attendance recorded yet: who sat at which table follows once those data are in.",
        "no_links": "No connections yet: without attendance per table there is no network of organisations.",
        "no_collaborations": "No collaborations recorded yet, so no brokers between sectors either.",
        "no_brokers": "No brokers: in the recorded collaborations no organisation stands between two others.",
        "no_roadmap": "This programme has no roadmap: no stages are recorded.",
        "no_commitments": "No commitments have been recorded for this theme yet.",
        "host": "Host",
        "network_title": "Who met whom: organisations that sat at the same table",
        "network_caption": ("Each dot is an organisation, coloured by sector. A line means people from "
                            "both organisations sat at the same table at least once; thicker means more often. "
                            "Named: the organisations that bridged most."),
        "mixing_title": "Between which sectors did ties run?",
        "ei_title": "Did sectors mix more than chance would give? (E-I index)",
        "ei_caption": ("Per sector the E-I index (dot; +1 = all ties to other sectors, −1 = only within the "
                       "sector) beside what sectors dealt out at random give (grey bar: 95% of 1,000 chance "
                       "outcomes; tick: their mean). A dot inside the grey bar: as often as chance would give."),
        "chance_more": "more than chance", "chance_less": "less than chance",
        "chance_as_chance": "as chance would give",
        "chance_expected": "By chance", "chance_range": "95% by chance", "chance_verdict": "Verdict",
        "chance_no_sector": "No sector differs from chance by more than chance itself gives.",
        "round": "Round", "round_retained": "came back", "round_new": "new", "round_gone": "gone",
        "rounds_title": "Which organisations came back, which joined?",
        "rounds_who": "From {a} to {b}: {ret} of the {before} organisations came back ({share}), {new} joined and "
                              "{gone} did not come again.",
        "rounds_sectors_up": "Newly represented: {names}.",
        "rounds_sectors_down": "No longer represented: {names}.",
        "rounds_ties": "Of the ties at the table {kept} lasted, {formed} were new and {gone} dissolved (stability, "
                               "Jaccard: {j}). Of the new ties {cf} ran across sectors, of the lasting ones {ck}.",
        "rounds_brokers": "Brokers (highest betweenness) who stayed brokers: {names}.",
        "rounds_brokers_none": "None of the brokers (highest betweenness) of {a} was one in {b} too.",
        "rounds_commitments": "Commitments: {new} newly raised, {carried} carried over from earlier rounds, "
                                      "{done} completed and {stalled} stalled.",
        "continuity_title": "Who came when",
        "roadmap_title": "The roadmap: where does each commitment stand?",
        "roadmap_caption": ("Each dot is a commitment. A filled dot sits at the year the source gives; an "
                            "open diamond at a year the source does not give but the project derives (our "
                            "reading); an open dot at the date the commitment was raised, as no year is "
                            "given. Colour = status at the last update."),
        "sdg_title": "Which SDGs do the commitments serve?",
        "welfare_title": "Broad welfare: here and now, later, elsewhere",
        "progress_title": "Progress of the commitments over time",
        "brokers_title": "Who connected the sectors? (brokers)",
        "composition_title": "Which sectors were at the table?",
        "missing_sectors": "Missing sectors",
        "none_missing": "none: the whole system was in the room",
        "ego_title": "Network of the chosen organisation",
        "pick_organisation": "Choose an organisation",
        "role": "Role",
        "status": "Status",
        "progress": "Progress (%)",
        "last_update": "Last update",
        "horizon": "Horizon",
        "horizon_none": "no year given",
        "reading": "our reading",
        "horizon_kind": "Year",
        "horizon_kind_report": "year from the source",
        "horizon_kind_reading": "year: our reading, not from the source",
        "horizon_kind_none": "no year: at the date raised",
        "stage": "Stage",
        "stage_none": "no stage",
        "year": "Year",
        "count": "Count",
        "ties": "Ties",
        "weight": "Shared tables",
        "centrality_degree": "number of contacts",
        "centrality_betweenness": "bridging (betweenness)",
        "source": "Source",
        "illustrative": "illustrative",
        "from_report": "from the report",
        "new": "new at this table",
        "returning": "came before",
        "invited_by_participant": "invited by a participant",
        "invited_by_organisers": "invited by organisers or host",
        "path": "Path",
        "dimension": "Dimension",
        "sdg": "SDG",
        "date": "Date",
        "commitment": "Commitment",
        "owner": "Owner",
        "none": "none",
        "now": "now",
        "welfare_caption": ("The three dimensions of the CBS Monitor of Well-being. Which dimensions and SDGs "
                            "a commitment serves is the project's classification, not the source's."),
        "bad_url": "The link holds a parameter labkit cannot use; you see the default theme.",
        "preview_loading": "Loading the menus and the other tabs…",
    },
}

STATUS = {
    "nl": {"proposed": "voorgesteld", "planned": "gepland", "in_progress": "in uitvoering",
           "completed": "afgerond", "stalled": "vastgelopen", "dropped": "gestopt", "none": "nog geen update"},
    "en": {"proposed": "proposed", "planned": "planned", "in_progress": "in progress",
           "completed": "completed", "stalled": "stalled", "dropped": "dropped", "none": "no update yet"},
}
STATUS_COLOURS = {"proposed": "#9e9e9e", "planned": "#64b5f6", "in_progress": "#1565c0",
                  "completed": "#2e7d32", "stalled": "#ef6c00", "dropped": "#c62828", "none": "#d0d0d0"}

# the two sub-topics a theme's tables split into (schema.TRACKS), as the dashboard names them
TRACKS = {
    "nl": {"duurzaamheid": "duurzaamheid", "inclusiviteit": "inclusiviteit"},
    "en": {"duurzaamheid": "sustainability", "inclusiviteit": "inclusivity"},
}

ROLES = {
    "nl": {"coordinator": "coördinator", "itinerant": "reizende makelaar", "representative": "vertegenwoordiger",
           "gatekeeper": "poortwachter", "liaison": "verbinder", "": "—"},
    "en": {"coordinator": "coordinator", "itinerant": "itinerant broker", "representative": "representative",
           "gatekeeper": "gatekeeper", "liaison": "liaison", "": "—"},
}


def check_lang(lang: str) -> str:
    """``lang`` if it is a known language, else a ValueError saying which are."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    return lang


def t(key: str, lang: str = DEFAULT) -> str:
    """The label ``key`` in ``lang``."""
    return STRINGS[check_lang(lang)][key]


def join_words(items, lang: str) -> str:
    """``a, b en c``.

    >>> join_words(["maart", "april", "mei"], "nl")
    'maart, april en mei'
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]

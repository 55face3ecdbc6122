"""Every word the theme report prints itself, one dict per language.

Dutch is the report's language; English is switchable with ``lang="en"``.
Content from the data (titles, quotes, insights) stays as the data gives it,
mostly Dutch. The programme's own words (title, subtitle, introduction,
organiser, period), its kinds of table and its roadmap come from the data
package (:meth:`labkit.data.model.Programme.words`, ``table_kinds``,
``roadmap_stages``): only generic words live here. A test keeps the two
dicts' keys and placeholders in step.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import join_words  # noqa: F401  (the report's words join lists the same way)

NL = {
    "doc_title": "Themarapport: {theme}",
    "as_of": "Stand van zaken per {date}",
    "as_of_rule": "de laatste datum in de gegevens",
    "as_of_given": "opgegeven bij het maken van dit rapport",
    "contents": "Inhoud",
    "facts_only": "Dit rapport laat alle illustratieve en synthetische rijen weg: het toont alleen "
                  "feiten uit het verslag en de indeling van het project.",
    "notice_title": "Let op: niet alles hierin is feit",
    "notice_body": "Het verslag zegt niet wie aan welke tafel zat, wie wie uitnodigde, welke "
                   "organisaties gingen samenwerken, wie een toezegging draagt en hoe die "
                   "toezeggingen na 2021 verliepen. Zulke gegevens zijn in dit rapport "
                   "<strong>illustratief</strong>: bedacht om de analyses te kunnen tonen. "
                   "Secties die ze gebruiken dragen het label {badge}.",
    "notice_synthetic": "Dit thema bestaat uit <strong>synthetische</strong> testgegevens; niets erin is echt.",
    "badge_illustrative": "illustratief",
    "badge_synthetic": "synthetisch",
    "section_uses": "Deze sectie gebruikt {what}: {tables}. Lees die delen als voorbeeld, niet als feit.",
    "what_illustrative": "illustratieve gegevens",
    "what_synthetic": "synthetische testgegevens",
    "no_sessions": "Voor dit thema zijn (nog) geen tafels vastgelegd. Over deelname, het netwerk en "
                   "de opbrengst van de dialogen valt daarom nog niets te melden.",
    # 1 programme
    "s_programme": "Het programma",
    "organiser": "Organisatie: {organiser}.",
    "period": "Looptijd: {start} tot en met {end}.",
    "period_from": "Looptijd: vanaf {start}.",
    "period_until": "Looptijd: tot en met {end}.",
    "themes_list": "De {n} thema’s",
    "themes_list_one": "Het thema",
    "this_report": "dit rapport",
    "host": "Host en voorzitter van dit thema: {host}.",
    "host_org": "{name} ({org})",
    "no_host": "De gegevens noemen (nog) geen host voor dit thema.",
    "table_kinds": "Elk thema kent {n} soorten tafels, in deze volgorde:",
    "table_kinds_one": "Elk thema kent één soort tafel:",
    "sessions_line": "{n} dialogen in {months}.",
    "sessions_none": "Nog geen dialogen.",
    "refused": "Dit rapport kan niet worden gemaakt:",
    "index_title": "Themarapporten",
    "index_note": "Elk rapport opent zonder netwerk en zonder code.",
    "index_note_illustrative": "Elk rapport opent zonder netwerk en zonder code; illustratieve gegevens "
                               "staan in de rapporten als zodanig gemarkeerd.",
    "index_failed": "(rapport kon niet worden gemaakt)",
    "index_empty": "Dit programma heeft nog geen thema’s, dus nog geen rapporten.",
    "index_failed_old": "(bijwerken mislukt: dit is het vorige rapport)",
    "index_line": "{sessions} tafels; {people} deelnemers van {orgs} organisaties; "
                  "{commitments} toezeggingen, waarvan {done} afgerond.",
    "col_table": "Tafel",
    "col_track": "Spoor",
    "col_month": "Maand",
    "col_title": "Titel",
    "col_people": "Deelnemers",
    "month_reading": "eigen lezing",
    "month_reading_note": "* De maand van een tafel met een sterretje is de eigen lezing van het project, niet "
                          "die van de bron: de bron noemt de maand van die tafel niet.",
    # 2 participation
    "s_participation": "Wie deden er mee",
    "participation_line": "{people} mensen van {orgs} organisaties namen deel aan ten minste één tafel.",
    "no_attendance": "Voor dit thema is nog geen aanwezigheid vastgelegd: wie er aan tafel zaten, staat "
                     "nog niet in de gegevens.",
    "participation_no_org": "Van {n} van hen noemen de gegevens geen organisatie.",
    "participation_hosting": "Niet meegeteld als deelnemende organisatie: {names}, waar alleen de host of de "
                             "organisatie vandaan kwam.",
    "whole_system_all": "<strong>Het hele systeem was in de kamer:</strong> alle {total} sectoren waren vertegenwoordigd.",
    "whole_system_some": "<strong>Niet het hele systeem was in de kamer:</strong> {present} van de {total} "
                         "sectoren waren vertegenwoordigd; er ontbrak: {missing}.",
    "sectors_note": "De sectoren zijn de indeling van het project; de bron geeft ze niet.",
    "col_sector": "Sector",
    "col_orgs": "Organisaties",
    "col_n_orgs": "Aantal organisaties",
    "col_n_people": "Aantal deelnemers",
    "named_public-source": "Met naam genoemd omdat het openbare verslag hen noemt: {names}.",
    "named_consent": "Met naam genoemd met hun toestemming: {names}.",
    "named_unknown": "Met naam genoemd: {names}.",
    "named_rest": "De andere deelnemers blijven anoniem of staan onder een pseudoniem.",
    # 3 network
    "s_network": "Hoe het netwerk groeide",
    "s_rounds": "Door de tijd",
    "rounds_intro": "Dit thema liep in {n} rondes. Per ronde: wie er aan tafel zat en hoe de organisaties "
                    "verbonden waren.",
    "col_round": "Ronde", "col_period": "Periode", "col_sectors": "Sectoren", "col_ei": "E-I",
    "col_round_ties": "Verbindingen aan tafel",
    "network_intro": "Per soort tafel: wie er zat, wie nieuw aanschoof en hoe groot het netwerk van "
                     "organisaties werd dat elkaar aan tafel trof (twee organisaties zijn verbonden als "
                     "mensen van beide dezelfde tafel bijwoonden).",
    "col_stage": "Tafel",
    "col_sessions": "Bijeenkomsten",
    "col_new": "Nieuw",
    "col_returning": "Terug",
    "col_org_total": "Organisaties tot nu toe",
    "col_ties": "Verbindingen tot nu toe",
    "col_cross": "Waarvan tussen sectoren",
    "network_none": "Zonder aanwezigheid per tafel is er nog geen netwerk van organisaties te tonen.",
    "network_hosting": "Het netwerk telt ook {names} mee: de host of de organisatie, die daarvandaan kwam, "
                       "zat mee aan tafel.",
    "continuity": "{all} deelnemers zaten aan alle {k} de soorten tafels, {start} alleen aan de "
                  "{first} en {later} schoven later aan.",
    "invitations": "Nieuwkomers na de {first} kwamen binnen via: {channels}.",
    "plan_held": ("Voor {tables} tafels was vooraf met labkit een tafelindeling gemaakt. Van de "
                  "{planned} paren die daarin voor het eerst samen aan tafel zouden zitten, "
                  "zaten er {happened} ({share}) ook echt samen."),
    "plan_pending": ("Voor {tables} tafels is met labkit een tafelindeling gemaakt, met {planned} "
                     "nieuwe paren; wie er echt zat, is nog niet ingevoerd."),
    "channel_organisers": "de organisatie ({n})",
    "channel_host": "de host ({n})",
    "channel_participant": "een andere deelnemer, ‘zwaan-kleef-aan’ ({n})",
    "brokers_title": "Wie verbond sectoren?",
    "brokers_intro": "Organisaties met samenwerkingsbanden naar de meeste andere sectoren (een eenvoudige "
                     "telling van de vastgelegde samenwerkingen, geen netwerkmaat).",
    "brokers_none": "Er zijn voor dit thema geen samenwerkingen tussen sectoren vastgelegd.",
    "col_org": "Organisatie",
    "col_other_sectors": "Andere sectoren",
    "col_n_ties": "Samenwerkingen",
    # 4 insights
    "s_insights": "Vragen, ingrediënten en casussen",
    "insights_intro": "Wat de tafels opleverden, tafel voor tafel en in de woorden van de bron.",
    "insights_none": "Voor dit thema zijn nog geen opbrengsten (vragen, ingrediënten, casussen) vastgelegd.",
    "k_topic": "Onderwerpen",
    "k_question": "De generatieve vragen",
    "k_ingredient": "Werkzame ingrediënten",
    "k_example": "Voorbeelden die werkten",
    "k_future": "De gewenste toekomst",
    "k_idea": "Ideeën om mee verder te gaan",
    "k_entry_point": "Ingangen",
    "k_conclusion": "De rode draad per spoor",
    "k_expectation": "Wie is aan zet? Wat men van de overheid verwacht",
    "cases_title": "Casussen",
    "central_question": "Centrale vraag",
    "track_general": "Algemeen",
    # 5 commitments
    "s_commitments": "Toezeggingen",
    "commitments_intro": "{n} toezeggingen en initiatieven, per fase van de routekaart{ref}.",
    "commitments_intro_flat": "{n} toezeggingen en initiatieven.",
    "commitments_none": "Voor dit thema zijn (nog) geen toezeggingen vastgelegd.",
    "no_roadmap": "Dit programma heeft geen routekaart: er zijn geen fasen vastgelegd.",
    "stage": "Fase {n}: {name}",
    "stage_empty": "Geen toezeggingen in deze fase.",
    "stage_none": "Zonder fase",
    "status_counts": "Stand per {date}: {counts}.",
    "col_commitment": "Toezegging",
    "col_kind": "Soort",
    "col_horizon": "Horizon",
    "col_status": "Status",
    "col_progress": "Voortgang",
    "col_last_update": "Laatste update",
    "col_lead": "Trekker",
    "horizon_reading": "{year} (eigen lezing)",
    "horizon_reading_note": "Een horizon met ‘eigen lezing’ is een jaar dat het verslag niet noemt maar dat het "
                            "project afleidt.",
    "stalled_title": "Stilgevallen",
    "stalled_mark": "(stil)",
    "report_ref": "verslag",
    "stalled": "Langer dan een jaar voor {date} geen nieuws (en niet afgerond of vervallen): {items}.",
    "stalled_none": "Geen toezegging is langer dan een jaar zonder nieuws.",
    "stage_note": "De fasen van de stappen van de routekaart komen uit het verslag; bij de andere "
                  "toezeggingen is de fase de indeling van het project.",
    # 6 coverage
    "s_coverage": "Brede welvaart en SDG’s",
    "coverage_intro": "Aan welke dimensies van brede welvaart (CBS Monitor Brede Welvaart) en aan welke "
                      "duurzame-ontwikkelingsdoelen van de VN de toezeggingen bijdragen. Deze koppeling "
                      "is de indeling van het project, niet die van de bron.",
    "col_dimension": "Dimensie",
    "col_n_commitments": "Toezeggingen",
    "col_sdg": "SDG",
    "sdg_missing": "Door geen enkele toezegging geraakt: {items}.",
    "coverage_none": "Er zijn (nog) geen toezeggingen om te koppelen.",
    # 7 quotes
    "s_quotes": "Stemmen uit de dialogen",
    "quotes_none": "Voor dit thema zijn geen citaten vastgelegd.",
    "q_wish": "Wat wens je dit land vooral toe?",
    "q_statement": "Uitspraken",
    "q_network": "Het netwerk is versterkt",
    "q_learning": "Leren van elkaar",
    "q_inspiration": "Geïnspireerd en geactiveerd",
    "q_method": "Over de werkwijze",
    "anonymous": "een deelnemer",
    "paraphrase": "weergave in het verslag, geen letterlijk citaat",
    "quotes_at_kind": "De reacties hieronder zijn gegeven bij een {table}; het verslag zegt niet bij welke.",
    "quotes_note": "Alleen wie een openbare bron zelf noemt of wie toestemming gaf, staat met naam bij een "
                   "citaat of weergave.",
    # 8 data
    "s_data": "Over de gegevens",
    "data_intro": "Dit rapport is gemaakt uit het datapakket ‘{title}’ (versie {version}). Elke rij "
                  "zegt waar hij vandaan komt:",
    "src_report": "<strong>uit het verslag</strong>: feiten uit het openbare verslag van de dialogen",
    "src_classification": "<strong>indeling van het project</strong>: onze eigen lezing, zoals sectoren, "
                          "SDG’s, dimensies van brede welvaart en fasen van ideeën",
    "src_reference": "<strong>referentie</strong>: de SDG’s van de VN en de dimensies van het CBS",
    "src_illustrative": "<strong>illustratief</strong>: bedacht omdat het verslag het niet zegt "
                        "(aanwezigheid per tafel, uitnodigingen, samenwerkingen, trekkers, voortgang)",
    "src_synthetic": "<strong>synthetisch</strong>: testgegevens",
    "src_import": "<strong>ingevoerd</strong>: door de organisatoren ingevuld of ingelezen (werkboek, "
                  "aanmeldlijsten, voortgangslijsten)",
    "data_as_of": "Peildatum: {date} ({rule}).",
    "data_privacy": "Met naam genoemd worden alleen mensen die een openbare bron zelf noemt of "
                    "die toestemming gaven; alle anderen staan onder een pseudoniem of blijven anoniem.",
    "col_data_table": "Gegevens",
    "col_src_report": "Verslag",
    "col_src_classification": "Indeling",
    "col_src_reference": "Referentie",
    "col_src_illustrative": "Illustratief",
    "col_src_synthetic": "Synthetisch",
    "col_src_import": "Ingevoerd",
    # labels
    "track": {"duurzaamheid": "Duurzaamheid", "inclusiviteit": "Inclusiviteit en toegang"},
    "status": {"proposed": "voorgesteld", "planned": "gepland", "in_progress": "in uitvoering",
               "completed": "afgerond", "stalled": "stilgevallen", "dropped": "vervallen",
               None: "nog geen update"},
    "kind": {"roadmap_step": "stap van de routekaart", "idea": "idee", "case": "casus",
             "target": "doel", "indicator": "indicator",
             "policy_target": "doel van bestaand beleid (genoemd, niet voorgesteld)"},
    "tables": {"participants": "deelnemers", "attendance": "aanwezigheid per tafel",
               "invitations": "uitnodigingen", "collaborations": "samenwerkingen",
               "commitment_owners": "trekkers van toezeggingen",
               "commitment_updates": "status en voortgang", "sessions": "tafels",
               "insights": "opbrengsten", "cases": "casussen", "commitments": "toezeggingen",
               "commitment_sdgs": "koppeling aan SDG’s",
               "commitment_dimensions": "koppeling aan brede welvaart", "quotes": "citaten",
               "organisations": "organisaties", "themes": "thema’s", "table_kinds": "soorten tafels",
               "roadmap_stages": "fasen van de routekaart"},
    "months_short": ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
                     "nov.", "dec."),
    "months": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"),
    "and": "en",
    "numbers": ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                "elf", "twaalf"),
    "none": "–",
    "percent": "{n}%",
    "name_field": "name_nl",
    "title_field": "title_nl",
}

EN = {
    "doc_title": "Theme report: {theme}",
    "as_of": "Status as of {date}",
    "as_of_rule": "the latest date in the data",
    "as_of_given": "given when this report was made",
    "contents": "Contents",
    "facts_only": "This report leaves out every illustrative and synthetic row: it shows only facts "
                  "from the source report and the project's classification.",
    "notice_title": "Note: not everything here is fact",
    "notice_body": "The source report does not say who sat at which table, who invited whom, which "
                   "organisations went on to work together, who carries a commitment or how "
                   "commitments fared after 2021. Such data are <strong>illustrative</strong> in this "
                   "report: made up to show the analyses. Sections that use them carry the label {badge}.",
    "notice_synthetic": "This theme consists of <strong>synthetic</strong> test data; nothing in it is real.",
    "badge_illustrative": "illustrative",
    "badge_synthetic": "synthetic",
    "section_uses": "This section uses {what}: {tables}. Read those parts as an example, not as fact.",
    "what_illustrative": "illustrative data",
    "what_synthetic": "synthetic test data",
    "no_sessions": "No tables have been recorded for this theme yet, so there is nothing to report "
                   "on participation, the network or the dialogues' results.",
    "s_programme": "The programme",
    "organiser": "Organised by {organiser}.",
    "period": "Period: {start} to {end}.",
    "period_from": "Period: from {start}.",
    "period_until": "Period: until {end}.",
    "themes_list": "The {n} themes",
    "themes_list_one": "The theme",
    "this_report": "this report",
    "host": "Host and chair of this theme: {host}.",
    "host_org": "{name} ({org})",
    "no_host": "The data name no host for this theme (yet).",
    "table_kinds": "Each theme has {n} kinds of table, in this order:",
    "table_kinds_one": "Each theme has one kind of table:",
    "sessions_line": "{n} dialogues in {months}.",
    "sessions_none": "No dialogues yet.",
    "refused": "This report cannot be made:",
    "index_title": "Theme reports",
    "index_note": "Each report opens without a network and without code.",
    "index_note_illustrative": "Each report opens without a network and without code; illustrative "
                               "data are marked as such in the reports.",
    "index_failed": "(the report could not be made)",
    "index_empty": "This programme has no themes yet, so no reports either.",
    "index_failed_old": "(update failed: this is the previous report)",
    "index_line": "{sessions} tables; {people} participants from {orgs} organisations; "
                  "{commitments} commitments, {done} of them completed.",
    "col_table": "Table",
    "col_track": "Track",
    "col_month": "Month",
    "col_title": "Title",
    "col_people": "Participants",
    "month_reading": "our reading",
    "month_reading_note": "* A table's month marked with an asterisk is the project's own reading, not the "
                          "source's: the source does not give that table's month.",
    "s_participation": "Who took part",
    "participation_line": "{people} people from {orgs} organisations attended at least one table.",
    "no_attendance": "No attendance has been recorded for this theme yet: who sat at the tables is not "
                     "in the data.",
    "participation_no_org": "For {n} of them the data name no organisation.",
    "participation_hosting": "Not counted as a participating organisation: {names}, from which only the host "
                             "or the organisers came.",
    "whole_system_all": "<strong>The whole system was in the room:</strong> all {total} sectors were represented.",
    "whole_system_some": "<strong>Not the whole system was in the room:</strong> {present} of the {total} "
                         "sectors were represented; missing: {missing}.",
    "sectors_note": "Sectors are the project's classification; the source gives none.",
    "col_sector": "Sector",
    "col_orgs": "Organisations",
    "col_n_orgs": "Organisations (number)",
    "col_n_people": "Participants (number)",
    "named_public-source": "Named because the public report names them: {names}.",
    "named_consent": "Named with their consent: {names}.",
    "named_unknown": "Named: {names}.",
    "named_rest": "The other participants stay anonymous or appear under a pseudonym.",
    "s_network": "How the network grew",
    "s_rounds": "Over time",
    "rounds_intro": "This theme ran in {n} rounds. Per round: who sat at the tables and how the organisations "
                    "were connected.",
    "col_round": "Round", "col_period": "Period", "col_sectors": "Sectors", "col_ei": "E-I",
    "col_round_ties": "Ties at the table",
    "network_intro": "Per kind of table: who sat there, who was new, and how large the network of "
                     "organisations that met at a table became (two organisations are linked when people "
                     "from both attended the same table).",
    "col_stage": "Table",
    "col_sessions": "Meetings",
    "col_new": "New",
    "col_returning": "Returning",
    "col_org_total": "Organisations so far",
    "col_ties": "Links so far",
    "col_cross": "Of which across sectors",
    "network_none": "Without attendance per table there is no network of organisations to show yet.",
    "network_hosting": "The network also counts {names}: the host or organisers who came from there sat at "
                       "the table.",
    "continuity": "{all} participants attended all {k} kinds of table, {start} only the {first} "
                  "and {later} joined later.",
    "invitations": "Newcomers after the {first} came in through: {channels}.",
    "plan_held": ("For {tables} tables a seating plan was made beforehand with labkit. Of the {planned} "
                  "pairs it seated together for the first time, {happened} ({share}) actually "
                  "sat together."),
    "plan_pending": ("For {tables} tables a seating plan was made with labkit, with {planned} new pairs; "
                     "who actually sat there has not been entered yet."),
    "channel_organisers": "the organisers ({n})",
    "channel_host": "the host ({n})",
    "channel_participant": "another participant, ‘zwaan-kleef-aan’ ({n})",
    "brokers_title": "Who connected sectors?",
    "brokers_intro": "Organisations with collaboration ties to the most other sectors (a plain count of "
                     "the recorded collaborations, not a network measure).",
    "brokers_none": "No collaborations across sectors are recorded for this theme.",
    "col_org": "Organisation",
    "col_other_sectors": "Other sectors",
    "col_n_ties": "Collaborations",
    "s_insights": "Questions, ingredients and cases",
    "insights_intro": "What the tables yielded, table by table, in the words of the source (in Dutch).",
    "insights_none": "No results (questions, ingredients, cases) have been recorded for this theme yet.",
    "k_topic": "Topics",
    "k_question": "The generative questions",
    "k_ingredient": "Working ingredients",
    "k_example": "Examples that worked",
    "k_future": "The desired future",
    "k_idea": "Ideas to take forward",
    "k_entry_point": "Entry points",
    "k_conclusion": "The common thread of each track",
    "k_expectation": "Who is to act? What is expected of government",
    "cases_title": "Cases",
    "central_question": "Central question",
    "track_general": "General",
    "s_commitments": "Commitments",
    "commitments_intro": "{n} commitments and initiatives, per stage of the roadmap{ref}.",
    "commitments_intro_flat": "{n} commitments and initiatives.",
    "commitments_none": "No commitments are recorded for this theme (yet).",
    "no_roadmap": "This programme has no roadmap: no stages are recorded.",
    "stage": "Stage {n}: {name}",
    "stage_empty": "No commitments at this stage.",
    "stage_none": "Without a stage",
    "status_counts": "Status on {date}: {counts}.",
    "col_commitment": "Commitment",
    "col_kind": "Kind",
    "col_horizon": "Horizon",
    "col_status": "Status",
    "col_progress": "Progress",
    "col_last_update": "Last update",
    "col_lead": "Lead",
    "horizon_reading": "{year} (our reading)",
    "horizon_reading_note": "A horizon marked ‘our reading’ is a year the report does not give but the "
                            "project derives.",
    "stalled_title": "Stalled",
    "stalled_mark": "(stalled)",
    "report_ref": "report",
    "stalled": "No news for more than a year before {date} (and neither completed nor dropped): {items}.",
    "stalled_none": "No commitment has gone more than a year without news.",
    "stage_note": "The stages of the roadmap's own steps come from the source report; for the other "
                  "commitments the stage is the project's classification.",
    "s_coverage": "Broad welfare and SDGs",
    "coverage_intro": "Which dimensions of broad welfare (CBS Monitor Brede Welvaart) and which UN "
                      "Sustainable Development Goals the commitments contribute to. This mapping is the "
                      "project's classification, not the source's.",
    "col_dimension": "Dimension",
    "col_n_commitments": "Commitments",
    "col_sdg": "SDG",
    "sdg_missing": "Not touched by any commitment: {items}.",
    "coverage_none": "There are no commitments to map (yet).",
    "s_quotes": "Voices from the dialogues",
    "quotes_none": "No quotes are recorded for this theme.",
    "q_wish": "What do you wish this country above all?",
    "q_statement": "Statements",
    "q_network": "The network grew stronger",
    "q_learning": "Learning from each other",
    "q_inspiration": "Inspired and activated",
    "q_method": "About the method",
    "anonymous": "a participant",
    "paraphrase": "the report's account, not a verbatim quote",
    "quotes_at_kind": "The reactions below were given at a {table}; the report does not say which.",
    "quotes_note": "Only people a public source itself names, or who consented, are named with a quote or "
                   "an account. Quotes are in Dutch, as in the source.",
    "s_data": "About the data",
    "data_intro": "This report was made from the data package ‘{title}’ (version {version}). Every row "
                  "says where it comes from:",
    "src_report": "<strong>from the report</strong>: facts from the public report of the dialogues",
    "src_classification": "<strong>project classification</strong>: our own reading, such as sectors, "
                          "SDGs, broad-welfare dimensions and stages of ideas",
    "src_reference": "<strong>reference</strong>: the UN SDGs and the CBS dimensions",
    "src_illustrative": "<strong>illustrative</strong>: made up because the report does not say "
                        "(attendance per table, invitations, collaborations, leads, progress)",
    "src_synthetic": "<strong>synthetic</strong>: test data",
    "src_import": "<strong>entered</strong>: filled in or read in by the organisers (workbook, "
                  "registration lists, progress lists)",
    "data_as_of": "Reference date: {date} ({rule}).",
    "data_privacy": "Only people a public source itself names, or who consented, are named; "
                    "everyone else appears under a pseudonym or stays anonymous.",
    "col_data_table": "Data",
    "col_src_report": "Report",
    "col_src_classification": "Classification",
    "col_src_reference": "Reference",
    "col_src_illustrative": "Illustrative",
    "col_src_synthetic": "Synthetic",
    "col_src_import": "Entered",
    "track": {"duurzaamheid": "Sustainability", "inclusiviteit": "Inclusivity and access"},
    "status": {"proposed": "proposed", "planned": "planned", "in_progress": "in progress",
               "completed": "completed", "stalled": "stalled", "dropped": "dropped",
               None: "no update yet"},
    "kind": {"roadmap_step": "roadmap step", "idea": "idea", "case": "case",
             "target": "target", "indicator": "indicator",
             "policy_target": "target of existing policy (cited, not proposed)"},
    "tables": {"participants": "participants", "attendance": "attendance per table",
               "invitations": "invitations", "collaborations": "collaborations",
               "commitment_owners": "commitment leads", "commitment_updates": "status and progress",
               "sessions": "tables", "insights": "results", "cases": "cases",
               "commitments": "commitments", "commitment_sdgs": "SDG mapping",
               "commitment_dimensions": "broad-welfare mapping", "quotes": "quotes",
               "organisations": "organisations", "themes": "themes", "table_kinds": "kinds of table",
               "roadmap_stages": "roadmap stages"},
    "months_short": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                     "Dec"),
    "months": ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"),
    "and": "and",
    "numbers": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"),
    "none": "–",
    "percent": "{n}%",
    "name_field": "name_en",
    "title_field": "title_en",
}

STRINGS = {"nl": NL, "en": EN}


def format_date(d: dt.date, lang: str, *, short: bool = False) -> str:
    """A date as a reader writes it.

    >>> format_date(dt.date(2026, 8, 16), "nl")
    '16 augustus 2026'
    >>> format_date(dt.date(2026, 8, 16), "en", short=True)  # no break inside
    '16\\xa0Aug\\xa02026'
    """
    months = STRINGS[lang]["months_short" if short else "months"]
    return f"{d.day}\u00a0{months[d.month - 1]}\u00a0{d.year}" if short else \
        f"{d.day} {months[d.month - 1]} {d.year}"


def format_month(month: str, lang: str, *, year: bool = True) -> str:
    """``YYYY-MM`` as a month name.

    >>> format_month("2021-03", "nl")
    'maart 2021'
    """
    y, m = month.split("-")
    name = STRINGS[lang]["months"][int(m) - 1]
    return f"{name} {y}" if year else name


def number_word(n: int, lang: str) -> str:
    """A small number as a word, larger ones as digits.

    >>> number_word(4, "nl"), number_word(13, "en")
    ('vier', '13')
    """
    words = STRINGS[lang]["numbers"]
    return words[n] if 0 <= n < len(words) else str(n)


def lower_first(name: str) -> str:
    """A name from the data as it reads inside a sentence: ``Focustafel`` -> ``focustafel``;
    ``KICK-OFF`` and ``AI-tafel`` stay as they are.

    >>> lower_first("Focus table"), lower_first("AI-tafel")
    ('focus table', 'AI-tafel')
    """
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name



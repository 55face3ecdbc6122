"""The headline answers of ``labkit analyse`` as tables an analyst reads: names, not ids.

:func:`labkit.analytics.headline` returns JSON-ready ids and numbers; this turns it into a
few titled DataFrames (Jupyter shows them as escaped HTML tables) for notebooks.
"""

from __future__ import annotations

import pandas as pd

from ..i18n import ROLES as ROLE_NAMES, STATUS, check_lang

WORDS = {
    "nl": {"composition": "Wie zat aan tafel", "ties": "Verbindingen tussen sectoren (E-I-index)",
           "ties_by_sector": "E-I-index per sector",
           "brokers": "Makelaars", "stages": "Toezeggingen per trap", "stalled": "Stilgevallen toezeggingen",
           "illustrative": " [illustratief]", "table": "tafel", "participants": "deelnemers",
           "organisations": "organisaties", "missing": "ontbrekende sectoren", "network": "netwerk",
           "coattendance": "samen aan tafel", "collaboration": "samenwerkingen", "sector": "sector",
           "ei": "E-I", "expected": "E-I bij toeval", "organisation": "organisatie",
           "betweenness": "betweenness", "roles": "makelaarsrollen", "stage": "trap",
           "commitments": "toezeggingen", "owned": "met eigenaar", "completed": "afgerond",
           "commitment": "toezegging", "status": "status", "progress": "voortgang (%)",
           "last_update": "laatste update", "months": "maanden stil", "none": "geen", "all": "alle"},
    "en": {"composition": "Who sat at the table", "ties": "Ties across sectors (E-I index)",
           "ties_by_sector": "E-I index by sector",
           "brokers": "Brokers", "stages": "Commitments by stage", "stalled": "Stalled commitments",
           "illustrative": " [illustrative]", "table": "table", "participants": "participants",
           "organisations": "organisations", "missing": "missing sectors", "network": "network",
           "coattendance": "at the same table", "collaboration": "collaborations", "sector": "sector",
           "ei": "E-I", "expected": "E-I by chance", "organisation": "organisation",
           "betweenness": "betweenness", "roles": "brokerage roles", "stage": "stage",
           "commitments": "commitments", "owned": "owned", "completed": "completed",
           "commitment": "commitment", "status": "status", "progress": "progress (%)",
           "last_update": "last update", "months": "months without update", "none": "none", "all": "all"},
}
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def headline_tables(programme, headline: dict, lang: str = "nl") -> dict[str, pd.DataFrame]:
    """``headline`` (from :func:`labkit.analytics.headline`) as titled tables, ids named.

    Returns an ordered dict: title -> DataFrame. A title ends in "[illustratief]" when the
    section rests on illustrative or synthetic rows.
    """
    w = WORDS[check_lang(lang)]
    name = "name_en" if lang == "en" else "name_nl"
    t = programme.tables
    sectors = dict(zip(t["sectors"]["id"], t["sectors"][name]))
    stages = dict(zip(t["roadmap_stages"]["id"], t["roadmap_stages"][name]))
    kinds = t["table_kinds"]
    tables = {k: (a if isinstance(a, str) and a else b)
              for k, a, b in zip(kinds["id"], kinds[name], kinds["name_nl"])}

    def title(key, section):
        return w[key] + (w["illustrative"] if section.get("illustrative") else "")

    def sector_list(ids):
        return ", ".join(sectors.get(s, s) for s in ids) or w["none"]

    out = {}
    comp = headline["composition"]
    out[title("composition", comp)] = pd.DataFrame(
        [{w["table"]: tables.get(r["group"], r["group"]), w["participants"]: r["participants"],
          w["organisations"]: r["organisations"], w["missing"]: sector_list(r["missing"])}
         for r in comp["by_table"]])
    ties = headline["ties"]
    nets = [n for n in ("coattendance", "collaboration") if n in ties]
    out[title("ties", ties)] = pd.DataFrame(
        [{w["network"]: w[n], w["organisations"]: ties[n]["organisations"],
          w["ei"]: round(ties[n]["ei_index"], 2), w["expected"]: round(ties[n]["ei_index_expected"], 2)}
         for n in nets])
    by_sector = pd.DataFrame({w[n]: pd.Series(ties[n]["ei_index_by_sector"]).round(2) for n in nets})
    order = t["sectors"].sort_values("order")["id"]
    by_sector = by_sector.reindex([s for s in order if s in by_sector.index])
    by_sector.index = [sectors.get(s, s) for s in by_sector.index]
    out[title("ties_by_sector", ties)] = by_sector.rename_axis(w["sector"]).reset_index()
    brokers = headline["brokers"]
    out[title("brokers", brokers)] = pd.DataFrame(
        [{w["organisation"]: b["label"], w["sector"]: sectors.get(b["sector"], b["sector"]),
          w["betweenness"]: round(b["betweenness"], 3),
          w["roles"]: ", ".join(f"{ROLE_NAMES[lang][r]} {b[r]}" for r in ROLES if b.get(r)) or w["none"]}
         for b in brokers["top"]])
    com = headline["commitments"]
    out[title("stages", com)] = pd.DataFrame(
        [{w["stage"]: stages.get(r["group"], r["label"]), w["commitments"]: r["commitments"],
          w["owned"]: r["owned"], w["completed"]: r["completed"]} for r in com["coverage"]["stage"]])
    stalled = com["stalled"]
    out[title("stalled", stalled)] = pd.DataFrame(
        [{w["commitment"]: c["label"], w["status"]: STATUS[lang].get(c["status"], c["status"]),
          w["progress"]: c["progress"], w["last_update"]: c["last_update"], w["months"]: c["months_since"]}
         for c in stalled["items"]],
        columns=[w["commitment"], w["status"], w["progress"], w["last_update"], w["months"]])
    return out

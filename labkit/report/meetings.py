"""The report's sections on who met: the programme, who took part, how the network grew
and, for a theme of several rounds, how it changed over time.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from .. import analytics
from .figures import theme_data
from .markup import Fragment, _empty, _join, _list, _m, _p, _table
from .narrative import Report, brokers, continuity, sector_table, session_table, stage_table
from .page import _pct, _section, visible_sections
from .text import format_date, format_month, join_words, lower_first, number_word


# --------------------------------------------------------------------------- 1 programme

def programme_section(r: Report) -> Fragment:
    t = r.t
    themes = r.programme.themes.sort_values("number")
    items = []
    for row in themes.itertuples(index=False):
        name = getattr(row, t["name_field"])
        if row.id == r.theme:
            items.append(Markup('<span class="lk-current">{} ({})</span>').format(name, t["this_report"]))
        else:
            items.append(escape(name))
    w = r.words
    body = [_p(para) for para in _paragraphs(w["introduction"])]
    about = []
    if w["organiser"]:
        about.append(t["organiser"].format(organiser=w["organiser"]))
    period = _period(r)
    if period:
        about.append(period)
    if about:
        body.append(_p(" ".join(about), "lk-muted"))
    heading = (t["themes_list_one"] if len(themes) == 1
               else t["themes_list"].format(n=number_word(len(themes), r.lang)))
    body += [Markup("<h3>{}</h3>").format(heading), _list(items, ordered=True)]
    host_pid = r.theme_row["host_participant_id"]
    host_org = r.theme_row["host_organisation_id"]
    if isinstance(host_pid, str) or isinstance(host_org, str):
        who = r.label(host_pid) if isinstance(host_pid, str) else None
        org = r.org_names.get(host_org) if isinstance(host_org, str) else None
        text = t["host_org"].format(name=who, org=org) if who and org else (who or org)
        body.append(_p(t["host"].format(host=text)))
    else:
        body.append(_p(t["no_host"]))
    kinds = r.kinds
    if len(kinds):
        body.append(_p(t["table_kinds_one"] if len(kinds) == 1
                       else t["table_kinds"].format(n=number_word(len(kinds), r.lang))))
        items = []
        for k in kinds["id"]:
            about = r.kind_description(k)
            items.append(Markup("<strong>{}</strong>: {}").format(r.kind_name(k), about) if about
                         else Markup("<strong>{}</strong>").format(r.kind_name(k)))
        body.append(_list(items, ordered=len(kinds) > 1))
    st = session_table(r)
    if len(st):
        months = list(dict.fromkeys(format_month(m, r.lang, year=False) for m in r.sessions["month"]))
        years = sorted({m[:4] for m in r.sessions["month"]})
        body.append(_p(t["sessions_line"].format(
            n=len(st), months=join_words(months, r.lang) + " " + join_words(years, r.lang))))
        body.append(_table([t["col_table"], t["col_track"], t["col_month"], t["col_title"],
                            t["col_people"]],
                           [[x.table, x.track, x.month + ("\u00a0*" if x.month_reading else ""), x.title,
                             x.participants] for x in st.itertuples(index=False)],
                           numeric=(4,)))
        if st["month_reading"].any():
            body.append(_p(t["month_reading_note"], "lk-muted"))
    return _section(r, "programme", Markup("").join(body), r.nonfact("sessions"))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a text from the data: blank lines separate them."""
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _period(r: Report) -> str:
    w, t = r.words, r.t
    start, end = (format_date(dt.date.fromisoformat(w[k]), r.lang) if w[k] else ""
                  for k in ("period_start", "period_end"))
    if start and end:
        return t["period"].format(start=start, end=end)
    if start:
        return t["period_from"].format(start=start)
    if end:
        return t["period_until"].format(end=end)
    return ""


# --------------------------------------------------------------------------- 2 participation

def participation_section(r: Report) -> Fragment:
    t = r.t
    if "participation" not in visible_sections(r):
        return Fragment()
    if not r.has_attendance:
        return _section(r, "participation", _empty(t["no_attendance"]))
    st = sector_table(r)
    people = r.people["id"].tolist()
    n_orgs = int(st["organisations"].sum())
    no_org = sum(1 for p in people if p not in r.person_org)
    body = [_p(t["participation_line"].format(people=len(people), orgs=n_orgs))]
    if no_org:
        body.append(_p(t["participation_no_org"].format(n=no_org)))
    hosting = _hosting_names(r)
    if hosting:
        body.append(_p(t["participation_hosting"].format(names=hosting)))
    present = st[st["organisations"] > 0]
    if len(present) == len(st):
        body.append(_p(_m(t["whole_system_all"]).format(total=len(st))))
    else:
        missing = st[st["organisations"] == 0]["name"].tolist()
        body.append(_p(_m(t["whole_system_some"]).format(
            present=len(present), total=len(st), missing=_join(missing, r.lang))))
    body.append(_table([t["col_sector"], t["col_n_orgs"], t["col_n_people"], t["col_orgs"]],
                       [[x.name, x.organisations, x.participants, ", ".join(x.names)]
                        for x in st.itertuples(index=False)], numeric=(1, 2)))
    body.append(_p(t["sectors_note"], "lk-muted"))
    named: dict = {}
    for pid in people:
        if r.named(pid):
            pos = r.position(pid)
            named.setdefault(r.named_basis(pid) or "unknown", []).append(
                f"{r.named(pid)} ({pos})" if pos else r.named(pid))
    if named:
        body.append(_p(" ".join([t[f"named_{basis}"].format(names=join_words(sorted(named[basis]), r.lang))
                                 for basis in ("public-source", "consent", "unknown") if basis in named]
                                + [t["named_rest"]])))
    # chart: sector composition of the participants (analytics.sector_composition)
    return _section(r, "participation", Markup("").join(body),
                    r.nonfact("participants", "attendance", "organisations"))


def _hosting_names(r: Report) -> str:
    """The organisations only the host or organisers came from, joined (empty when none)."""
    ids = r.organisations_taking_part["hosting"]
    return join_words(sorted(r.org_names.get(o, o) for o in ids), r.lang)


# --------------------------------------------------------------------------- 3 network

def network_section(r: Report) -> Fragment:
    t = r.t
    if "network" not in visible_sections(r):
        return Fragment()
    if not r.has_attendance:
        return _section(r, "network", _empty(t["network_none"]))
    st = stage_table(r)
    body = [_p(t["network_intro"]),
            _table([t["col_stage"], t["col_sessions"], t["col_people"], t["col_new"],
                    t["col_returning"], t["col_org_total"], t["col_ties"], t["col_cross"]],
                   [[x.table, x.sessions, x.participants, x.new, x.returning, x.organisations,
                     x.ties, f"{x.cross_sector} ({_pct(r, round(100 * x.cross_sector / x.ties))})"
                     if x.ties else "0"] for x in st.itertuples(index=False)],
                   numeric=(1, 2, 3, 4, 5, 6, 7))]
    hosting = _hosting_names(r)
    if hosting:
        body.append(_p(t["network_hosting"].format(names=hosting), "lk-muted"))
    c = continuity(r)
    first = lower_first(st["table"].iloc[0]) if len(st) else ""
    if len(st) > 1:
        body.append(_p(t["continuity"].format(**c, k=number_word(len(st), r.lang), first=first)))
    inv = r.scoped("invitations")
    order = dict(zip(r.sessions["id"], r.sessions["order"]))
    first_stage = min(order.values())
    later = inv[inv["first_session_id"].map(order) > first_stage]
    if len(later):
        counts = later["channel"].value_counts()
        channels = [t[f"channel_{ch}"].format(n=int(counts[ch]))
                    for ch in ("organisers", "host", "participant") if ch in counts]
        body.append(_p(t["invitations"].format(first=first, channels=join_words(channels, r.lang))))
    body.extend(_p(x) for x in theme_data(r).chance_sentences(r.lang))
    plan = analytics.planning.planned_vs_actual(r.programme, r.theme)
    if plan:
        words = {"tables": plan["sessions"], "planned": plan["planned"], "happened": plan["happened"],
                 "share": _pct(r, round(100 * plan["happened"] / plan["planned"]) if plan["planned"] else 0)}
        body.append(_p(t["plan_held" if plan["held"] else "plan_pending"].format(**words)))
    # chart: network map of the organisations (charts.network_map)
    # chart: sector mixing heatmap and E-I index against chance (charts.ei_chance_chart)
    # chart: continuity across the three tables (charts.continuity)
    body.append(Markup("<h3>{}</h3>").format(t["brokers_title"]))
    b = brokers(r)
    if len(b):
        body.append(_p(t["brokers_intro"]))
        body.append(_table([t["col_org"], t["col_sector"], t["col_other_sectors"], t["col_n_ties"]],
                           b.values.tolist(), numeric=(2, 3)))
    else:
        body.append(_p(t["brokers_none"]))
    # chart: brokerage roles (analytics.brokerage_roles)
    return _section(r, "network", Markup("").join(body),
                    r.nonfact("attendance", "invitations", "collaborations"))


# --------------------------------------------------------------------------- over time

def rounds_section(r: Report) -> Fragment:
    """How the theme changed from round to round (:func:`labkit.analytics.round_change`);
    shown only when the theme ran in more than one round."""
    t = r.t
    if "rounds" not in visible_sections(r):
        return Fragment()
    d = theme_data(r)
    change, lang = d.round_change, r.lang
    rounds = [x for x in change["rounds"] if x["organisations"] or x["people"]]
    label = {x["id"]: d.round_label(x["id"], lang) for x in change["rounds"]}

    def num(x):
        return "–" if x is None else f"{x:.2f}".replace("-", "−").replace(".", "," if lang == "nl" else ".")

    def period(x):
        return " – ".join(format_date(dt.date.fromisoformat(v), lang) for v in (x["start"], x["end"]) if v)
    body = [_p(t["rounds_intro"].format(n=number_word(len(rounds), lang))),
            _table([t["col_round"], t["col_period"], t["col_orgs"], t["col_people"], t["col_sectors"],
                    t["col_round_ties"], t["col_ei"]],
                   [[label[x["id"]], period(x), x["organisations"], x["people"], len(x["sectors"]),
                     x["coattendance_ties"], num(x["ei_index"])] for x in rounds], numeric=(2, 3, 4, 5, 6))]
    for said in d.round_sentences(lang):
        body.extend(_p(x) for x in said)
    # chart: organisations that came back, joined or left, per sector (charts.rounds_chart)
    return _section(r, "rounds", Markup("").join(body), r.nonfact("attendance", "collaborations"))

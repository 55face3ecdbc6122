"""The report's sections on what the dialogues yielded: insights and cases, commitments,
their coverage of broad welfare and the SDGs, and quotes.
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup, escape

from ..data import schema
from .markup import Fragment, _empty, _list, _m, _p, _table
from .narrative import INSIGHT_ORDER, QUOTE_CATEGORIES, Report, commitment_status, coverage
from .page import _pct, _ref, _section, visible_sections
from .text import format_date, format_month, join_words, lower_first


# --------------------------------------------------------------------------- 4 insights

def _insight_items(df) -> list[Markup]:
    out = []
    for row in df.sort_values(["order", "id"]).itertuples(index=False):
        if isinstance(row.text_nl, str) and row.text_nl:
            out.append(Markup("<strong>{}</strong> – {}").format(row.title_nl, row.text_nl))
        else:
            out.append(escape(row.title_nl))
    return out


def _session_heading(r: Report, row) -> str:
    """``Verdiepingstafel Duurzaamheid · april 2021`` (``(eigen lezing)`` when the month is ours)."""
    track = f" {r.t['track'].get(row.track, row.track)}" if isinstance(row.track, str) else ""
    reading = f" ({r.t['month_reading']})" if schema.is_reading(getattr(row, "month_source", None), row.source) else ""
    return f"{r.kind_name(row.kind)}{track} · {format_month(row.month, r.lang)}{reading}"


def _kinds(r: Report, part, level: str) -> list:
    out = []
    for kind in INSIGHT_ORDER:
        k = part[part["kind"] == kind]
        if len(k):
            out.append(Markup("<{0}>{1}{2}</{0}>").format(Markup(level), r.t[f"k_{kind}"], _ref(r, k["source"])))
            out.append(_list(_insight_items(k), ordered=kind == "question"))
    return out


def _case(r: Report, row) -> list:
    out = [Markup("<h4>{}{}</h4>").format(row.title_nl, _ref(r, [row.source]))]
    if isinstance(row.central_question_nl, str):
        out.append(_p(Markup("<em>{}:</em> {}").format(r.t["central_question"], row.central_question_nl)))
    if isinstance(row.summary_nl, str):
        out.append(_p(row.summary_nl))
    return out


def insights_section(r: Report) -> Fragment:
    """What the tables yielded, table by table, in the report's words."""
    t = r.t
    ins = r.scoped("insights")
    cases = r.scoped("cases")
    if "insights" not in visible_sections(r):
        return Fragment()
    if not len(ins) and not len(cases):
        return _section(r, "insights", _empty(t["insights_none"]))
    body = [_p(t["insights_intro"])]
    for s in r.sessions.itertuples(index=False):
        part = ins[ins["session_id"] == s.id]
        mine = cases[cases["session_id"] == s.id]
        if not len(part) and not len(mine):
            continue
        body.append(Markup("<h3>{}</h3>").format(_session_heading(r, s)))
        body += _kinds(r, part, "h4")
        if len(mine):
            body.append(Markup("<h4>{}</h4>").format(t["cases_title"]))
            for row in mine.itertuples(index=False):
                body += _case(r, row)
    rest = ins[~ins["session_id"].isin(r.sessions["id"])]
    if len(rest):
        body += _kinds(r, rest, "h3")
    return _section(r, "insights", Markup("").join(body), r.nonfact("insights", "cases"))


# --------------------------------------------------------------------------- 5 commitments

def commitments_section(r: Report) -> Fragment:
    t = r.t
    cs = commitment_status(r)
    if "commitments" not in visible_sections(r):
        return Fragment()
    stages = r.programme.roadmap_stages.sort_values("number")
    if not len(cs):
        lines = [_empty(t["commitments_none"])]
        if not len(stages):
            lines.append(_empty(t["no_roadmap"]))
        return _section(r, "commitments", Markup("").join(lines))
    date = format_date(r.as_of, r.lang)
    body = []
    parts = []
    for status in (*schema.STATUSES, None):
        n = int(cs["status"].isna().sum() if status is None else (cs["status"] == status).sum())
        if n:
            parts.append(f"{n} {t['status'][status]}")
    intro = (_m(t["commitments_intro"]).format(n=len(cs), ref=_ref(r, stages["source"])) if len(stages)
             else t["commitments_intro_flat"].format(n=len(cs)))
    body.append(Markup("<p>{} {}</p>").format(
        intro, t["status_counts"].format(date=date, counts=join_words(parts, r.lang))))
    if not len(stages):
        body.append(_empty(t["no_roadmap"]))
    # chart: the roadmap (charts.roadmap)
    groups = [(t["stage"].format(n=s.number, name=getattr(s, t["name_field"])), s.text_nl,
               cs[cs["stage_id"] == s.id]) for s in stages.itertuples(index=False)]
    loose = cs[cs["stage_id"].isna() | ~cs["stage_id"].isin(stages["id"])]
    if len(loose):
        groups.append((t["stage_none"] if len(stages) else None, None, loose))
    for heading, text, part in groups:
        if heading:
            body.append(Markup("<h3>{}</h3>").format(heading))
        if text:
            body.append(_p(Markup("<em>{}</em>").format(text)))
        if not len(part):
            body.append(_p(t["stage_empty"], "lk-muted"))
            continue
        body.append(_table(
            [t["col_commitment"], t["col_kind"], t["col_horizon"], t["col_status"],
             t["col_progress"], t["col_last_update"], t["col_lead"]],
            [[x.title, t["kind"][x.kind],
              (t["horizon_reading"].format(year=x.horizon) if x.horizon_reading else x.horizon)
              if x.horizon else t["none"],
              Markup('{} <span class="lk-stalled">{}</span>').format(t["status"][x.status], t["stalled_mark"])
              if x.stalled else t["status"][x.status],
              t["none"] if x.progress is None else _pct(r, x.progress),
              format_date(x.last_update, r.lang, short=True) if x.last_update else t["none"],
              x.lead or t["none"]] for x in part.itertuples(index=False)],
            numeric=(2, 4)))
    body.append(Markup("<h3>{}</h3>").format(t["stalled_title"]))
    stalled = cs[cs["stalled"]]
    if len(stalled):
        body.append(_p(t["stalled"].format(date=date, items=join_words(
            [f"‘{x}’" for x in stalled["title"]], r.lang))))
    else:
        body.append(_p(t["stalled_none"]))
    # chart: progress of the commitments over time (charts.progress)
    if len(stages) and r.commitments["source"].str.startswith("report:").any():
        body.append(_p(t["stage_note"], "lk-muted"))
    if cs["horizon_reading"].any():
        body.append(_p(t["horizon_reading_note"], "lk-muted"))
    return _section(r, "commitments", Markup("").join(body),
                    r.nonfact("commitments", "commitment_owners", "commitment_updates"))


# --------------------------------------------------------------------------- 6 coverage

def coverage_section(r: Report) -> Fragment:
    t = r.t
    if "coverage" not in visible_sections(r):
        return Fragment()
    if not len(r.commitments):
        return _section(r, "coverage", _empty(t["coverage_none"]))
    d, s = coverage(r)
    body = [_p(t["coverage_intro"]),
            _table([t["col_dimension"], t["col_n_commitments"]], d[["name", "commitments"]].values.tolist(),
                   numeric=(1,))]
    # chart: brede-welvaart coverage (charts.welfare_coverage)
    hit = s[s["commitments"] > 0]
    body.append(_table([t["col_sdg"], t["col_n_commitments"]],
                       [[f"{x.number}. {x.name}", x.commitments] for x in hit.itertuples(index=False)],
                       numeric=(1,)))
    missing = s[s["commitments"] == 0]
    if len(missing):
        body.append(_p(t["sdg_missing"].format(items=join_words(
            [f"{x.number}. {x.name}" for x in missing.itertuples(index=False)], r.lang))))
    # chart: SDG coverage (charts.sdg_coverage)
    return _section(r, "coverage", Markup("").join(body),
                    r.nonfact("commitment_dimensions", "commitment_sdgs"))


# --------------------------------------------------------------------------- 7 quotes

def quotes_section(r: Report) -> Fragment:
    t = r.t
    q = r.scoped("quotes")
    if "quotes" not in visible_sections(r):
        return Fragment()
    if not len(q):
        return _section(r, "quotes", _empty(t["quotes_none"]))
    body = []
    kind_of_order = dict(zip(r.sessions["order"], r.sessions["kind"]))
    said_at = set()  # kinds of table already named for quotes the report places only by kind
    for cat in QUOTE_CATEGORIES:
        part = q[q["category"] == cat]  # in the package's order, which is the report's
        if not len(part):
            continue
        body.append(Markup("<h3>{}{}</h3>").format(t[f"q_{cat}"], _ref(r, part["source"])))
        orders = part["session_order"] if "session_order" in part.columns else pd.Series(dtype=object)
        for order in dict.fromkeys(orders[part["session_id"].isna()].dropna()):
            kind = kind_of_order.get(int(order))
            if kind and kind not in said_at:
                said_at.add(kind)
                body.append(_p(t["quotes_at_kind"].format(table=lower_first(r.kind_name(kind))), "lk-muted"))
        anonymous = []
        for row in part.itertuples(index=False):
            who = r.named(row.participant_id)
            if getattr(row, "form", "quote") == "paraphrase":
                pos = r.position(row.participant_id)
                who = who or t["anonymous"]
                body.append(Markup('<p class="lk-paraphrase">{}{} {} <span class="lk-muted">({})</span></p>').format(
                    who, f", {pos}," if pos else "", row.text_nl, t["paraphrase"]))
            elif who:
                body.append(Markup("<blockquote><p>“{}”</p><footer>– {}</footer></blockquote>").format(
                    row.text_nl, who))
            else:
                anonymous.append(Markup("“{}”").format(row.text_nl))
        if anonymous:
            body.append(Markup('<ul class="lk-quotes">{}</ul>').format(
                Markup("").join(Markup("<li>{}</li>").format(a) for a in anonymous)))
    body.append(_p(t["quotes_note"], "lk-muted"))
    return _section(r, "quotes", Markup("").join(body), r.nonfact("quotes"))

"""The theme report's sections as HTML in which every value from the data is escaped.

Names, titles and quotes come from spreadsheets: every value passes through
:func:`markupsafe.escape` (``Markup.format`` escapes its arguments), and only
the fixed words of :mod:`labkit.report.text` are trusted as markup. The
report notebook shows each section as it is; a :class:`Fragment` with
nothing to say shows nothing.

Sections that rest on illustrative or synthetic rows say so where a reader
sees it: a badge at the heading and a sentence naming the tables.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from markupsafe import Markup, escape

from .. import analytics
from ..data import schema
from ..errors import ParameterError
from .narrative import (INSIGHT_ORDER, NONFACT, QUOTE_CATEGORIES, SOURCE_KINDS, Report, brokers,
                        commitment_status, continuity, coverage, provenance, sector_table, session_table,
                        stage_table)
from .figures import theme_data
from .text import STRINGS, format_date, format_month, join_words, lower_first, number_word

#: (anchor, heading key), in the report's order.
SECTIONS = (
    ("programme", "s_programme"),
    ("participation", "s_participation"),
    ("network", "s_network"),
    ("rounds", "s_rounds"),
    ("insights", "s_insights"),
    ("commitments", "s_commitments"),
    ("coverage", "s_coverage"),
    ("quotes", "s_quotes"),
    ("data", "s_data"),
)

CSS = """
.lk-report{font-size:15px;line-height:1.5;max-width:60em;color:#1b1b1b}
.lk-report h1{font-size:2em;margin:.2em 0 .1em}
.lk-report h2{margin-top:1.6em;border-bottom:2px solid #154273;padding-bottom:.15em;color:#154273}
.lk-report h3{margin-top:1.2em}
.lk-kicker{color:#555;font-size:1.05em;margin:0}
.lk-asof{font-weight:600;margin:.2em 0 1em}
.lk-notice{border-left:6px solid #e17000;background:#fff4e8;padding:.6em 1em;margin:1em 0}
.lk-notice p{margin:.3em 0}
.lk-badge{display:inline-block;font-size:.6em;font-weight:700;vertical-align:middle;
  text-transform:uppercase;letter-spacing:.04em;border:2px solid #e17000;color:#a34f00;
  border-radius:4px;padding:.05em .4em;margin-left:.6em}
.lk-uses{color:#a34f00;font-style:italic}
.lk-report .lk-table{border-collapse:collapse;margin:.6em 0 1em;font-size:.95em;table-layout:auto}
.lk-report .lk-table th,.lk-report .lk-table td{border:1px solid #ccc;padding:.25em .6em;
  text-align:left;vertical-align:top;line-height:1.35}
.lk-report .lk-table th{background:#eef2f7}
.lk-report .lk-table tr{background:none}
.lk-report .lk-table td.lk-num,.lk-report .lk-table th.lk-num{text-align:right}
.lk-report p{margin:0 0 .8em}
.lk-report blockquote{margin:.5em 0 .5em 1em;padding-left:.8em;border-left:3px solid #8fa8c8}
.lk-report blockquote footer{color:#555;font-size:.9em}
.lk-current{font-weight:700}
.lk-ref{font-size:.7em;font-weight:400;color:#555}
.lk-report ul.lk-quotes{padding-left:1em;border-left:3px solid #8fa8c8}
.lk-report ul.lk-quotes li{list-style:none;margin:.3em 0}
.lk-stalled{color:#a30000;font-weight:600}
.lk-report p.lk-paraphrase{margin:.5em 0 .5em 1em;padding-left:.8em;border-left:3px dotted #8fa8c8}
.lk-muted{color:#555}
.lk-empty{color:#555;font-style:italic}
.lk-toc ol{columns:2;margin:.3em 0}
@media print{.lk-report{max-width:none;font-size:11pt}.lk-report h2{break-after:avoid}
  .lk-report tr,.lk-report blockquote{break-inside:avoid}.lk-toc{display:none}}
"""


class Fragment:
    """Escaped HTML that a notebook shows as it is; an empty one shows nothing."""

    def __init__(self, html: str = "", text: str = ""):
        self.html = Markup(html)
        self.text = text

    def _repr_html_(self) -> str:
        return str(self.html)

    def _ipython_display_(self) -> None:
        if not self:
            return
        from IPython.display import display
        # text/plain is the heading: no memory address, so reports stay byte-identical
        display({"text/html": str(self.html), "text/plain": self.text}, raw=True)

    def __html__(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        # Shown as text/plain: no memory address, so reports stay byte-identical.
        return self.text or "(labkit report section)"

    def __bool__(self) -> bool:
        return bool(str(self.html))


def open_report(**params) -> Report:
    """:func:`labkit.report.narrative.prepare`, showing a refused parameter as a notice first.

    Under Voilà tracebacks are hidden: a reader who typed ``?thema=x`` for a
    theme that does not exist reads why, then the page stops.
    """
    from .narrative import prepare
    try:
        return prepare(**params)
    except ParameterError as e:
        head = f"{STRINGS['nl']['refused']} / {STRINGS['en']['refused']}"
        Fragment(Markup('<div class="lk-notice"><p><strong>{}</strong></p><p>{}</p></div>').format(
            head, str(e)), head)._ipython_display_()
        raise


# --------------------------------------------------------------------------- HTML helpers

def _m(text: str) -> Markup:
    """A trusted string from report_text (may hold markup)."""
    return Markup(text)


def _p(content, cls: str | None = None) -> Markup:
    if cls:
        return Markup('<p class="{}">{}</p>').format(cls, content)
    return Markup("<p>{}</p>").format(content)


def _list(items, ordered: bool = False) -> Markup:
    tag = "ol" if ordered else "ul"
    inner = Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
    return Markup(f"<{tag}>{{}}</{tag}>").format(inner)


def _table(headers, rows, numeric=()) -> Markup:
    """A table; ``numeric`` holds the indexes of right-aligned columns."""
    def cell(tag, i, v):
        cls = Markup(' class="lk-num"') if i in numeric else Markup("")
        return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), cls, "" if v is None else v)
    head = Markup("").join(cell("th", i, h) for i, h in enumerate(headers))
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(cell("td", i, v) for i, v in enumerate(r)))
        for r in rows)
    return Markup('<table class="lk-table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>').format(
        head, body)


def _join(items, lang) -> Markup:
    items = [escape(i) for i in items]
    return Markup(join_words(items, lang)) if items else Markup("")


def _badge(r: Report, kind: str) -> Markup:
    return Markup('<span class="lk-badge">{}</span>').format(r.t[f"badge_{kind}"])


def visible_sections(r: Report) -> list[str]:
    """The anchors of the sections the report shows, in order.

    A theme with sessions shows every section: one with nothing recorded yet
    says so in one line. A theme without sessions (the header says so) shows
    only what it has.
    """
    rounds = theme_data(r).has_rounds  # a theme of one round has no "over time" section
    if r.has_sessions:
        return [a for a, _ in SECTIONS if a != "rounds" or rounds]
    has = {
        "rounds": False,
        "participation": False,
        "network": False,
        "insights": len(r.scoped("insights")) > 0 or len(r.scoped("cases")) > 0,
        "commitments": len(r.commitments) > 0,
        "coverage": len(r.commitments) > 0,
        "quotes": len(r.scoped("quotes")) > 0,
    }
    return [a for a, _ in SECTIONS if has.get(a, True)]


def _empty(text) -> Markup:
    """The one line an empty part of the report says instead of its tables."""
    return _p(text, "lk-empty")


def _section(r: Report, anchor: str, body, uses: dict | None = None) -> Fragment:
    number = visible_sections(r).index(anchor) + 1
    key = dict(SECTIONS)[anchor]
    title = f"{number}. {r.t[key]}"
    badges = Markup("").join(_badge(r, k) for k in NONFACT if uses and k in uses)
    parts = [Markup('<h2 id="lk-{}">{}{}</h2>').format(anchor, title, badges)]
    for kind in NONFACT:
        if uses and kind in uses:
            parts.append(_p(Markup(r.t["section_uses"]).format(
                what=r.t[f"what_{kind}"], tables=_join(uses[kind], r.lang)), "lk-uses"))
    parts.append(Markup(body))
    html = Markup('<section class="lk-report mathjax_ignore tex2jax_ignore">{}</section>').format(
        Markup("").join(parts))
    return Fragment(html, title)


def _ref(r: Report, sources) -> Markup:
    """`` (verslag §2.1)``: the report sections that ``sources`` (source values) point to."""
    secs = sorted({s.split(":", 1)[1] for s in sources if s.startswith("report:")
                   and s.split(":", 1)[1][:1].isdigit()})
    if not secs:
        return Markup("")
    return Markup(' <span class="lk-ref">({} {})</span>').format(
        r.t["report_ref"], ", ".join("§" + x for x in secs))


def _pct(r, n) -> str:
    return r.t["percent"].format(n=int(n))


# --------------------------------------------------------------------------- header

def header(r: Report) -> Fragment:
    """Title, date, the notice on illustrative data and the contents."""
    t = r.t
    uses = r.nonfact("participants", "attendance", "invitations", "collaborations",
                     "commitment_owners", "commitment_updates", "sessions", "insights",
                     "cases", "commitments", "quotes")
    parts = [Markup("<style>{}</style>").format(Markup(CSS)),
             _p(r.kicker(), "lk-kicker"),
             Markup("<h1>{}</h1>").format(t["doc_title"].format(theme=r.theme_name())),
             _p(t["as_of"].format(date=format_date(r.as_of, r.lang)), "lk-asof")]
    if r.facts_only:
        parts.append(Markup('<div class="lk-notice">{}</div>').format(_p(t["facts_only"])))
    if uses:
        notes = []
        if "illustrative" in uses:
            notes.append(Markup("<p><strong>{}.</strong> {}</p>").format(
                t["notice_title"], _m(t["notice_body"]).format(badge=_badge(r, "illustrative"))))
        if "synthetic" in uses:
            notes.append(_p(_m(t["notice_synthetic"])))
        parts.append(Markup('<div class="lk-notice">{}</div>').format(Markup("").join(notes)))
    if not r.has_sessions:
        parts.append(_p(t["no_sessions"]))
    toc = [Markup('<a href="#lk-{}">{}</a>').format(a, t[dict(SECTIONS)[a]])
           for a in visible_sections(r)]
    parts.append(Markup('<nav class="lk-toc"><strong>{}</strong>{}</nav>').format(
        t["contents"], _list(toc, ordered=True)))
    html = Markup('<header class="lk-report mathjax_ignore tex2jax_ignore">{}</header>').format(
        Markup("").join(parts))
    return Fragment(html, t["doc_title"].format(theme=r.theme_name()))


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
    import datetime as dt
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


def _hosting_names(r: Report) -> str:
    """The organisations only the host or organisers came from, joined (empty when none)."""
    ids = r.organisations_taking_part["hosting"]
    return join_words(sorted(r.org_names.get(o, o) for o in ids), r.lang)


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


# --------------------------------------------------------------------------- 8 data

def data_section(r: Report) -> Fragment:
    t = r.t
    meta = r.programme.meta
    pv = provenance(r)
    pv = pv[pv[list(SOURCE_KINDS)].sum(axis=1) > 0]  # tables this theme has no rows in say nothing
    # a programme drawn from a source report always names the report and the project's reading
    from_report = any(df["source"].str.startswith("report:").any()
                      for df in r.programme.tables.values() if "source" in df.columns)
    kinds = [k for k in SOURCE_KINDS if pv[k].sum() > 0 or (from_report and k in ("report", "classification"))]
    body = [_p(t["data_intro"].format(title=meta.get("title") or meta.get("name") or "?",
                                      version=meta.get("version") or "?")),
            _list([_m(t[f"src_{k}"]) for k in kinds]),
            _table([t["col_data_table"], *[t[f"col_src_{k}"] for k in kinds]],
                   [[t["tables"].get(x["table"], x["table"]), *[x[k] for k in kinds]]
                    for x in pv.to_dict("records")],
                   numeric=tuple(range(1, len(kinds) + 1))),
            _p(t["data_as_of"].format(date=format_date(r.as_of, r.lang),
                                      rule=t["as_of_given"] if r.as_of_given else t["as_of_rule"])),
            _p(t["data_privacy"])]
    if r.facts_only:
        body.append(_p(t["facts_only"]))
    return _section(r, "data", Markup("").join(body))




# --------------------------------------------------------------------------- index page

def index_page(entries: list[dict], *, lang: str = "nl", title: str = "", subtitle: str = "",
               kicker: str = "", empty: str = "", illustrative: bool = True) -> str:
    """``reports/index.html``: one line per theme, linking its report.

    ``entries`` hold ``theme`` (id), ``name``, ``summary``, ``href`` (None
    when there is no report) and ``failed`` (the last run failed). ``kicker``
    is the programme's line above the title; ``empty`` the line shown when
    there are no entries; ``illustrative`` says that the reports mark
    illustrative data (only then does the page mention them).
    """
    t = STRINGS[lang]
    rows = []
    for e in entries:
        name = (Markup('<a href="{}">{}</a>').format(e["href"], e["name"]) if e["href"]
                else escape(e["name"]))
        note = Markup("")
        if e.get("failed"):
            note = Markup(' <strong class="lk-failed">{}</strong>').format(
                t["index_failed_old"] if e["href"] else t["index_failed"])
        rows.append(Markup("<li><p>{}{}<br><span class=\"lk-muted\">{}</span></p></li>").format(
            name, note, e["summary"]))
    page = Markup(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n"
        "<title>{title}</title>\n<style>{css}\nbody{{margin:2rem auto;padding:0 1.5rem;"
        "font-family:system-ui,sans-serif}}.lk-report li{{margin:.6em 0}}.lk-failed{{color:#a30000}}"
        "</style>\n</head>\n<body>\n<main class=\"lk-report\">\n<p class=\"lk-kicker\">{kicker}</p>\n"
        "<h1>{title}</h1>\n<p class=\"lk-asof\">{subtitle}</p>\n{rows}\n<p class=\"lk-muted\">{note}</p>\n</main>\n</body>\n"
        "</html>\n").format(lang=lang, title=title or t["index_title"], css=Markup(CSS),
                             kicker=kicker, subtitle=subtitle,
                             note=t["index_note_illustrative" if illustrative else "index_note"],
                             rows=Markup("<ol>{}</ol>").format(Markup("").join(rows)) if rows
                             else _empty(empty))
    return str(page)

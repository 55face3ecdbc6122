"""The report as a page: its stylesheet, its contents and the heading of every section.

:func:`header` opens the report and :func:`data_section` closes it; both speak
about the report itself (its date, its sources, what is illustrative). Sections
that rest on illustrative or synthetic rows say so through :func:`_section`: a
badge at the heading and a sentence naming the tables. :func:`index_page` is
``reports/index.html``, in the same style.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .figures import theme_data
from .markup import Fragment, _empty, _join, _list, _m, _p, _table
from .narrative import NONFACT, SOURCE_KINDS, Report, provenance
from .text import STRINGS, format_date

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


def _badge(r: Report, kind: str) -> Markup:
    return Markup('<span class="lk-badge">{}</span>').format(r.t[f"badge_{kind}"])


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

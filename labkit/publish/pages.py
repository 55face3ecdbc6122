"""The site's pages as HTML text: the programme's index, and the dashboard per theme and language.

A theme page holds what the dashboard's four tabs show (:mod:`labkit.app.dashboard`),
drawn from the same :class:`~labkit.views.theme.ThemeData` frames and
:mod:`labkit.views.charts` specs, with every choice the live app makes in its
kernel made in the browser instead: the network map's sector, table and size
filters and the organisation picker set Vega parameters, and the tabs are a few
lines of the site's own script (``static/site.js``).

Hostile text stays text
-----------------------
* Every value from the data reaches the HTML through :func:`esc`.
* Chart specs are JSON inside ``<script type="application/json">``, with ``<``,
  ``>`` and ``&`` written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (:func:`script_json`),
  so that no value can end the element; Vega draws data values as text, and
  vega-embed's tooltip handler escapes them.
* Each page tells the browser to run only the site's own scripts and to load
  nothing from anywhere else (:data:`CSP`): an injected ``<script>`` or
  ``onerror=`` would not run even if it got through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json

import pandas as pd

from ..data.model import programme_words
from ..i18n import ROLES, t
from ..report.text import format_date
from ..views import charts
from ..views.theme import ThemeData
from .text import s

#: Only the site's own files: scripts (Vega compiles its expressions, hence 'unsafe-eval';
#: vega-embed adds its style elements), images drawn inline, and no connections at all.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'")
#: Marks a page as written by ``labkit publish`` (see :func:`labkit.publish.site.is_site`).
GENERATOR = "labkit publish"
#: The dashboard's tabs: the fragment that opens each, and its title in :mod:`labkit.i18n`.
TABS = (("who", "tab_who"), ("links", "tab_links"), ("roadmap", "tab_roadmap"), ("welfare", "tab_welfare"))
ROUNDS_TAB = ("rounds", "tab_rounds")  # only for a theme that ran in more than one round
EMBED = {"renderer": "svg", "actions": False}
#: How many of an organisation's partners its panel lists (as the dashboard does).
PARTNERS = 15


def esc(value) -> str:
    """Text (from the data or not) made safe for HTML content and quoted attributes."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def script_json(value) -> str:
    """``value`` as JSON that can sit inside a ``<script>`` element and never end it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def spec(chart) -> dict:
    """A chart as the Vega-Lite spec the page embeds (validated against the schema)."""
    return charts.configure(chart).to_dict()


def table_html(df: pd.DataFrame) -> str:
    """A DataFrame as an escaped HTML table."""
    if df.empty:
        return ""
    return '<div class="lk-table">' + df.to_html(index=False, escape=True, border=0, na_rep="") + "</div>"


@dataclasses.dataclass(frozen=True)
class Download:
    """One file under ``downloads/``: ``kind`` is ``datapackage`` or ``workbook``."""

    kind: str
    name: str
    size: int


@dataclasses.dataclass(frozen=True)
class SiteInfo:
    """What every page needs to know about the site around it."""

    programme: object
    assets: dict  # "vega", "js", "css" -> file name in assets/
    as_of: dt.date
    reports: frozenset  # (lang, theme) pairs that have a report
    downloads: tuple
    public: bool

    def themes(self, lang: str) -> list[tuple[str, str]]:
        """(id, "n. name") of every theme, in order."""
        th = self.programme.themes.sort_values("number")
        field = "name_nl" if lang == "nl" else "name_en"
        return [(r.id, f"{r.number}. {getattr(r, field)}") for r in th.itertuples(index=False)]


def page(*, lang: str, title: str, body: str, css: str, scripts=(), root: str = "", head: str = "") -> str:
    """A whole HTML document around ``body``; ``root`` leads from the page to the site's top."""
    tags = "".join(f'<script src="{esc(root + "assets/" + name)}" defer></script>\n' for name in scripts)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{esc(GENERATOR)}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{esc(title)}</title>\n"
            f'<link rel="icon" href="{esc(root)}favicon.ico">\n'
            f'<link rel="stylesheet" href="{esc(root + "assets/" + css)}">\n'
            f"{head}{tags}</head>\n<body>\n{body}</body>\n</html>\n")


# --------------------------------------------------------------------------- the index

def index_page(site: SiteInfo) -> str:
    """``index.html``: the programme, its themes and the downloads, in both languages side by side."""
    meta = site.programme.meta
    title, title_en = programme_words(meta, "nl")["title"], programme_words(meta, "en")["title"]
    head = f"<h1>{esc(title)}</h1>"
    if title_en != title:
        head += f'<div class="lk-sub" lang="en">{esc(title_en)}</div>'
    illustrative = any(ThemeData(site.programme, tid).illustrative for tid, _ in site.themes("nl"))
    columns = "".join(_index_column(site, lang, illustrative) for lang in ("nl", "en"))
    body = (f'<header class="lk-head">{head}</header>\n<main class="lk-columns">\n{columns}</main>\n'
            f'<footer class="lk-foot">{esc(s("made_with", "nl"))} '
            f'<span lang="en">{esc(s("made_with", "en"))}</span></footer>\n')
    return page(lang="nl", title=title, body=body, css=site.assets["css"])


def _index_column(site: SiteInfo, lang: str, illustrative: bool) -> str:
    p = site.programme
    sessions = set(p.sessions["theme_id"])
    items = []
    for tid, name in site.themes(lang):
        extra = "" if tid in sessions else f' <span class="lk-muted">({esc(s("no_sessions_short", lang))})</span>'
        report = (f' · <a href="reports/{lang}/{esc(tid)}.html">{esc(s("report", lang))}</a>'
                  if (lang, tid) in site.reports else "")
        items.append(f'<li><a href="{lang}/{esc(tid)}.html">{esc(name)}</a>{extra}'
                     f'<div class="lk-links"><a href="{lang}/{esc(tid)}.html">{esc(s("dashboard", lang))}</a>'
                     f"{report}</div></li>")
    notice = (f'<div class="lk-notice" role="note">{esc(t("illustrative_notice", lang))}</div>'
              if illustrative else "")
    reports = (f'<p><a href="reports/{lang}/index.html">{esc(s("reports_index", lang))}</a></p>'
               if any(lg == lang for lg, _ in site.reports) else "")
    downloads = "".join(
        f'<li><a href="downloads/{esc(d.name)}" download>{esc(s("download_" + d.kind, lang))}</a> '
        f'<span class="lk-muted">({esc(s("size", lang, kb=max(1, round(d.size / 1024))))})</span></li>'
        for d in site.downloads)
    note = s("public_note" if site.public else "internal_note", lang)
    words = programme_words(site.programme.meta, lang)
    about = "".join(f'<p class="{css}">{esc(text)}</p>\n' for css, text in
                    [("lk-sub", words["subtitle"]),
                     *(("lk-intro", par) for par in words["introduction"].split("\n\n") if par.strip()),
                     ("lk-muted", words["organiser"])] if text)
    return (f'<section class="lk-col" lang="{lang}" id="{lang}">\n'
            f'<h2>{esc(s("language_name", lang))}</h2>\n'
            f"{about}{notice}\n"
            f'<h3>{esc(s("themes", lang))}</h3>\n<ul class="lk-themes">{"".join(items)}</ul>\n{reports}\n'
            f'<h3 id="downloads-{lang}">{esc(s("open_data", lang))}</h3>\n<ul>{downloads}</ul>\n'
            f'<p class="lk-caption">{esc(note)}</p>\n'
            f'<p class="lk-muted">{esc(s("as_of", lang, date=format_date(site.as_of, lang)))}</p>\n'
            "</section>\n")


# --------------------------------------------------------------------------- a theme's dashboard

def theme_page(site: SiteInfo, data: ThemeData, lang: str) -> str:
    """``<lang>/<theme>.html``: the dashboard of one theme in one language."""
    p, d, tid = site.programme, data, data.theme
    other = "en" if lang == "nl" else "nl"
    row = p.themes.set_index("id").loc[tid]
    name = row["name_nl"] if lang == "nl" else row["name_en"]
    subtitle = d.subtitle(lang)
    title = p.words(lang)["title"]
    options = "".join(f'<option value="{esc(i)}.html"{" selected" if i == tid else ""}>{esc(label)}</option>'
                      for i, label in site.themes(lang))
    notices = d.notices(lang)
    specs: dict[str, dict] = {}
    panels = [_who(d, lang, specs), _links(d, lang, specs), _roadmap(site, d, lang, specs),
              _welfare(d, lang, specs)]
    keys = list(TABS)
    if d.has_sessions and d.has_rounds:
        keys.append(ROUNDS_TAB)
        panels.append(_rounds(d, lang, specs))
    tabs = "".join(
        f'<a role="tab" id="tab-{key}" href="#{key}" aria-controls="{key}"'
        f' aria-selected="{"true" if i == 0 else "false"}">{esc(t(label, lang))}</a>'
        for i, (key, label) in enumerate(keys))
    sections = "".join(
        f'<section class="lk-panel" id="{key}" role="tabpanel" aria-labelledby="tab-{key}"'
        f'{" hidden" if i else ""}>\n{panel or _nothing(lang)}\n</section>\n'
        for i, ((key, _), panel) in enumerate(zip(keys, panels)))
    report = (f'<a href="../reports/{lang}/{esc(tid)}.html">{esc(s("report", lang))}</a> · '
              if (lang, tid) in site.reports else "")
    body = (
        '<div class="lk-app">\n<header class="lk-head">\n'
        f'<nav class="lk-top"><a href="../index.html#{lang}">{esc(s("overview", lang))}</a>'
        f'<a class="lk-lang" href="../{other}/{esc(tid)}.html" hreflang="{other}" lang="{other}">'
        f'{esc(s("other_language", lang))}</a></nav>\n'
        f"<h1>{esc(title)}</h1>\n<div class=\"lk-sub\">{esc(subtitle)}</div>\n"
        f'<label class="lk-theme">{esc(t("theme", lang))} <select class="lk-goto" '
        f'aria-label="{esc(s("theme_nav", lang))}">{options}</select></label>\n'
        "</header>\n"
        + "".join(f'<div class="lk-notice" role="note">{esc(n)}</div>\n' for n in notices)
        + f'<noscript><div class="lk-notice">{esc(s("needs_script", lang))}</div></noscript>\n'
        f'<nav class="lk-tabs" role="tablist" aria-label="{esc(s("tabs_label", lang))}">{tabs}</nav>\n'
        f"{sections}"
        f'<footer class="lk-foot">{report}<a href="../index.html#downloads-{lang}">'
        f'{esc(s("open_data", lang))}</a> · {esc(s("as_of", lang, date=format_date(site.as_of, lang)))}'
        f" · {esc(s('made_with', lang))}</footer>\n</div>\n"
        f'<script type="application/json" id="lk-specs">{script_json({"embed": EMBED, "specs": specs})}'
        "</script>\n")
    head = f'<link rel="alternate" hreflang="{other}" href="../{other}/{esc(tid)}.html">\n'
    return page(lang=lang, title=f"{name} · {title}", body=body, css=site.assets["css"],
                scripts=(site.assets["vega"], site.assets["js"]), root="../", head=head)


def _nothing(lang: str) -> str:
    return f'<p class="lk-muted">{esc(s("nothing_here", lang))}</p>'


def _chart(name: str, specs: dict, chart, *, hidden: bool = False) -> str:
    specs[name] = spec(chart)
    return f'<div class="lk-chart" data-chart="{name}"{" hidden" if hidden else ""}></div>\n'


def _caption(text: str) -> str:
    return f'<div class="lk-caption">{esc(text)}</div>\n'


def _who(d: ThemeData, lang: str, specs: dict) -> str:
    """Tab 1: figures, sectors per table, missing sectors, who came when."""
    out = '<div class="lk-cards">' + "".join(
        f'<div class="lk-card"><b>{int(n)}</b>{esc(label)}</div>' for n, label in d.cards(lang)) + "</div>\n"
    if not d.has_sessions:
        return out
    sectors = d.sectors_frame(lang)
    out += _chart("composition", specs, charts.composition_chart(d.composition_frame(lang), sectors, lang=lang))
    items = "".join(f"<li>{esc(k)}: {esc(', '.join(v) if v else t('none_missing', lang))}</li>"
                    for k, v in d.missing_sectors(lang).items())
    out += f'<div class="lk-missing"><b>{esc(t("missing_sectors", lang))}</b><ul>{items}</ul></div>\n'
    out += _chart("continuity", specs, charts.continuity_chart(d.continuity_frame(lang), lang=lang))
    return out


def _select(signal: str, chart: str, label: str, options, *, css: str = "") -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(text)}</option>' for text, v in options)
    return (f'<label class="lk-filter {css}">{esc(label)} '
            f'<select data-chart="{chart}" data-signal="{signal}">{opts}</select></label>')


def _links(d: ThemeData, lang: str, specs: dict) -> str:
    """Tab 2: the network map with its filters, mixing, E-I, brokers, an organisation's own network."""
    H = d.coattendance
    if not d.has_sessions or H.number_of_nodes() == 0:
        return ""
    sectors = d.sectors_frame(lang)
    kinds = d.kinds()
    filters = (_select("sector", "network", t("sector", lang),
                       [(t("all_sectors", lang), "")] + list(zip(sectors["label"], sectors["id"])))
               + _select("table", "network", t("table", lang),
                         [(t("all_tables", lang), "")] + [(d.kind_label(k, lang), k) for k in kinds])
               + _select("size_by", "network", t("size_by", lang),
                         [(t("centrality_degree", lang), "degree"),
                          (t("centrality_betweenness", lang), "betweenness")]))
    nodes, edges = d.explorer_frames(lang)
    out = f'<div class="lk-filters">{filters}</div>\n'
    out += _chart("network", specs, charts.network_explorer(nodes, edges, sectors, lang=lang))
    caption = t("network_caption", lang)
    if nodes.attrs.get("truncated"):
        caption += s("truncated", lang, n=len(edges))
    out += _caption(caption)
    out += "".join(f'<p class="lk-chance">{esc(x)}</p>\n' for x in d.chance_sentences(lang))
    out += '<div class="lk-pair">' + _chart("mixing", specs, charts.mixing_heatmap(d.mixing_frame(lang), lang=lang))
    out += _chart("ei", specs, charts.ei_chance_chart(d.ei_frame(lang), sectors, lang=lang)) + "</div>\n"
    out += _caption(t("ei_caption", lang))
    brokers = d.brokers_frame(lang)
    if not brokers.empty:
        brokers.columns = [t("organisation", lang), t("sector", lang), t("role", lang), "brokerage", "betweenness"]
    out += f"<h3>{esc(t('brokers_title', lang))}</h3>\n{table_html(brokers)}\n"
    orgs = d.organisations(lang).sort_values(["label", "id"])
    out += f"<h3>{esc(t('ego_title', lang))}</h3>\n"
    out += ('<div class="lk-filters">'
            + _select("org", "ego", t("organisation", lang), [("—", "")] + list(zip(orgs["label"], orgs["id"])),
                      css="lk-org")
            + f'</div>\n<p class="lk-muted lk-ego-hint">{esc(t("pick_organisation", lang))}</p>\n')
    ego_nodes, ego_edges = d.ego_explorer_frames(lang)
    out += ('<div class="lk-pair">'
            + _chart("ego", specs, charts.ego_explorer(ego_nodes, ego_edges, sectors, lang=lang, title=""),
                     hidden=True)
            + "".join(_ego_text(d, node, lang) for node in orgs["id"]) + "</div>\n")
    return out


def _ego_text(d: ThemeData, node: str, lang: str) -> str:
    """What the dashboard says about one organisation, hidden until it is picked."""
    H, G = d.coattendance, d.G
    attrs = G.nodes[node]
    partners = sorted(H[node].items(), key=lambda kv: (-kv[1]["weight"], H.nodes[kv[0]]["label"]))
    roles = d.roles.loc[node] if node in d.roles.index else None
    role_text = ", ".join(f"{ROLES[lang][k]} {int(roles[k])}" for k in ROLES[lang]
                          if k and roles is not None and roles.get(k, 0)) or t("none", lang)
    owned = [G.nodes[c]["label"] for _, c, k in G.out_edges(node, keys=True)
             if k == "committed_to" and G.nodes[c]["theme"] == d.theme]
    sector = dict(zip(d.sectors_frame(lang)["id"], d.sectors_frame(lang)["label"])).get(attrs["sector"],
                                                                                          attrs["sector"])
    plist = "".join(f"<li>{esc(H.nodes[o]['label'])} <span class='lk-muted'>({w['weight']})</span></li>"
                    for o, w in partners[:PARTNERS])
    return (f'<div class="lk-ego" data-org="{esc(node)}" hidden><h4>{esc(attrs["label"])}</h4>'
            f"<div>{esc(t('sector', lang))}: {esc(sector)} · {esc(t('role', lang))}: {esc(role_text)}</div>"
            f"<div><b>{esc(t('weight', lang))}</b><ul>{plist}</ul></div>"
            f"<div><b>{esc(t('commitments', lang))}</b>: {esc(', '.join(owned) or t('none', lang))}</div></div>\n")


def _roadmap(site: SiteInfo, d: ThemeData, lang: str, specs: dict) -> str:
    """Tab 3: the roadmap, progress over time, the commitments as a table."""
    items = d.roadmap_frame(lang)
    if items.empty:
        return ""
    out = _chart("roadmap", specs, charts.roadmap_chart(items, as_of=site.as_of, lang=lang))
    out += _caption(t("roadmap_caption", lang))
    out += _chart("progress", specs, charts.progress_chart(d.progress_frame(lang), lang=lang))
    table = items[["stage_label", "label", "horizon_label", "status_label", "progress", "last_update"]]
    table.columns = [t(k, lang) for k in ("stage", "commitment", "horizon", "status", "progress", "last_update")]
    return out + table_html(table) + "\n"


def _rounds(d: ThemeData, lang: str, specs: dict) -> str:
    """Tab 5: what changed from one round to the next; a menu of steps, the last shown first.
    Every step's sentences and chart are in the page already, escaped; the script only shows one."""
    steps, said = d.step_labels(lang), d.round_sentences(lang)
    frame, sectors = d.rounds_frame(lang), d.sectors_frame(lang)
    last = len(steps) - 1
    opts = "".join(f'<option value="{i}"{" selected" if i == last else ""}>{esc(label)}</option>'
                   for i, label in enumerate(steps))
    out = (f'<div class="lk-filters"><label class="lk-filter">{esc(t("round", lang))} '
           f'<select class="lk-step">{opts}</select></label></div>\n')
    for i in range(len(steps)):
        hidden = i != last
        out += (f'<div class="lk-step-panel" data-step="{i}"{" hidden" if hidden else ""}>\n'
                + "".join(f'<p class="lk-chance">{esc(x)}</p>\n' for x in said[i])
                + _chart(f"rounds-{i}", specs, charts.rounds_chart(frame[frame["step_order"] == i], sectors,
                                                                   lang=lang), hidden=hidden)
                + "</div>\n")
    return out


def _welfare(d: ThemeData, lang: str, specs: dict) -> str:
    """Tab 4: brede welvaart's dimensions and the SDGs."""
    if d.commitments().empty:
        return ""
    out = _chart("welfare", specs, charts.welfare_chart(d.welfare_frame(lang), lang=lang))
    out += _caption(t("welfare_caption", lang))
    return out + _chart("sdg", specs, charts.sdg_chart(d.sdg_frame(lang), lang=lang))

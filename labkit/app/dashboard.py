"""The stakeholder dashboard: one ipywidgets container for Voilà and JupyterLab.

``notebooks/dashboard.ipynb`` only builds a :class:`Dashboard` and shows its
``widget``. All text from the data reaches the page escaped: HTML widgets get
``html.escape``-d strings, tables ``DataFrame.to_html(escape=True)``, and
charts get data values that Vega draws as text.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from . import chart_module
from ..views import charts
from ..errors import ParameterError
from ..i18n import LANGS, ROLES, t
from ..views.parameters import default_as_of, default_data_dir, default_theme
from ..views.theme import ThemeData

EMBED = {"renderer": "svg", "actions": False}
#: Output type of the first view that labkit's page template draws at once (see :meth:`Dashboard.preview`).
PREVIEW_MIME = "application/vnd.labkit.preview+json"
TABS = ("tab_who", "tab_links", "tab_roadmap", "tab_welfare")
#: The fifth tab, shown only for a theme that ran in more than one round.
ROUNDS_TAB = "tab_rounds"
CSS = """
<style>
.lk-app {max-width: 1120px; font-family: 'DejaVu Sans', Arial, sans-serif; color: #1f2933;}
.lk-app h1 {font-size: 1.55em; margin: 0.2em 0 0.1em 0; color: #154273;}
.lk-kicker {color: #52606d; margin: 0.3em 0 0 0;}
.lk-empty {color: #52606d; font-style: italic; margin: 0.4em 0;}
.lk-sub {color: #52606d; margin-bottom: 0.4em;}
.lk-notice {background: #fff4e5; border-left: 5px solid #ef6c00; padding: 0.6em 0.9em; margin: 0.4em 0;}
.lk-cards {display: flex; gap: 1em; flex-wrap: wrap; margin: 0.4em 0;}
.lk-card {background: #f0f4f8; border-radius: 6px; padding: 0.5em 1em; min-width: 8em;}
.lk-card b {display: block; font-size: 1.6em; color: #154273;}
.lk-caption {color: #52606d; font-size: 0.92em; max-width: 60em;}
.lk-table table {border-collapse: collapse; font-size: 0.92em;}
.lk-table th, .lk-table td {border-bottom: 1px solid #d9e2ec; padding: 0.25em 0.6em; text-align: left;}
.lk-table th {background: #f0f4f8;}
.lk-muted {color: #7b8794;}
.lk-app .lm-TabBar-tab, .lk-app .p-TabBar-tab {flex: 0 0 auto !important; max-width: none !important;
  min-width: 11em; font-size: 1.02em;}
.lk-app .widget-dropdown select {font-size: 0.95em;}
</style>
"""


def esc(value) -> str:
    """Data text made safe to put inside HTML."""
    return html.escape("" if value is None or (isinstance(value, float) and value != value) else str(value))


def table_html(df: pd.DataFrame) -> str:
    """A DataFrame as an escaped HTML table."""
    if df.empty:
        return ""
    return '<div class="lk-table">' + df.to_html(index=False, escape=True, border=0, na_rep="") + "</div>"


class _Slot:
    """One chart place on the page: a single JupyterChart, reused on every redraw."""

    def __init__(self):
        self.box = w.Box(layout=w.Layout(min_height="40px"))
        self.chart = None

    def show(self, chart):
        chart = charts.configure(chart)
        if self.chart is None:
            self.chart = chart_module.chart_class()(chart, embed_options=EMBED)
            self.box.children = (self.chart,)
        else:
            # Send the new spec straight to the browser: the chart functions' specs are
            # validated by the tests, and validating each redraw again costs ~60 ms.
            self.chart.spec = chart.to_dict(validate=False)


class Dashboard:
    """The stakeholder app for one programme.

    The title and the line above it are the programme's own words
    (:meth:`~labkit.data.model.Programme.words`); kinds of table and roadmap
    stages come from the package. A part with nothing recorded yet says so in
    one line (:attr:`empty`, one per tab) instead of drawing empty axes.

    Parameters
    ----------
    programme : labkit.data.model.Programme
    theme : str, optional
        Theme shown first (default: the first theme with sessions).
    lang : {"nl", "en"}
    """

    def __init__(self, programme, *, theme: str | None = None, lang: str = "nl"):
        chart_module.chart_class()  # outside labkit serve: bundles vega now, not at the first chart
        self.p = programme
        self.lang = lang
        try:
            self.as_of = default_as_of(programme)
        except ParameterError:  # nothing dated yet: no "now" line on the roadmap
            self.as_of = None
        self._data: dict[str, ThemeData] = {}
        self._drawn: set[int] = set()
        self._busy = False
        themes = programme.themes.sort_values("number")
        self.theme_dd = w.Dropdown(layout=w.Layout(width="34em"))
        self.lang_tb = w.ToggleButtons(options=[("Nederlands", "nl"), ("English", "en")], value=lang,
                                       style={"button_width": "7em"})
        self.sector_dd = w.Dropdown(layout=w.Layout(width="24em"))
        self.table_dd = w.Dropdown(layout=w.Layout(width="17em"))
        self.size_dd = w.Dropdown(layout=w.Layout(width="17em"))
        self.org_dd = w.Dropdown(layout=w.Layout(width="30em"))
        self.header = w.HTML()
        self.notice = w.HTML()
        self.cards = w.HTML()
        #: per tab: the one line it shows when its part of the programme is empty
        self.empty = [w.HTML() for _ in (*TABS, ROUNDS_TAB)]
        self.slots = {name: _Slot() for name in (
            "composition", "continuity", "network", "mixing", "ei", "roadmap", "progress", "sdg", "welfare",
            "rounds")}
        self.texts = {name: w.HTML() for name in (
            "missing", "network_caption", "brokers", "ego", "roadmap_caption", "commitments", "ei_caption",
            "welfare_caption", "chance", "rounds")}
        self.round_dd = w.Dropdown(layout=w.Layout(width="34em"))
        self.network_controls = w.HBox([self.sector_dd, self.table_dd, self.size_dd])
        self.tabs = w.Tab(children=[
            w.VBox([self.cards, self.empty[0], self.slots["composition"].box, self.texts["missing"],
                    self.slots["continuity"].box]),
            w.VBox([self.empty[1], self.network_controls, self.slots["network"].box,
                    self.texts["network_caption"], self.texts["chance"],
                    self.slots["mixing"].box, self.slots["ei"].box, self.texts["ei_caption"],
                    self.texts["brokers"], self.org_dd, self.texts["ego"]]),
            w.VBox([self.empty[2], self.slots["roadmap"].box, self.texts["roadmap_caption"],
                    self.slots["progress"].box, self.texts["commitments"]]),
            w.VBox([self.empty[3], self.slots["welfare"].box, self.texts["welfare_caption"],
                    self.slots["sdg"].box]),
        ])
        self._boxes = (*self.tabs.children,
                       w.VBox([self.empty[4], self.round_dd, self.texts["rounds"], self.slots["rounds"].box]))
        self.widget = w.VBox([w.HTML(CSS), self.header, w.HBox([self.theme_dd, self.lang_tb]),
                              self.notice, self.tabs])
        self.widget.add_class("lk-app")
        self._theme_ids = list(themes["id"])
        if not self._theme_ids:  # a new programme: nothing to show but that
            self._notices, self._cards, self._subtitle = [("note", t("no_themes", lang), "")], [], ""
            self._header()
            self._show_notices()
            self.widget.children = (self.widget.children[0], self.header, self.notice)
            return
        self._set_labels()
        self.theme_dd.value = theme if theme is not None else default_theme(programme)
        self._fill_theme_controls()
        self.theme_dd.observe(self._on_theme, "value")
        self.lang_tb.observe(self._on_lang, "value")
        for dd in (self.sector_dd, self.table_dd, self.size_dd):
            dd.observe(self._on_network_filter, "value")
        self.org_dd.observe(lambda _: self._draw_ego(), "value")
        self.tabs.observe(self._on_tab, "selected_index")
        self.round_dd.observe(lambda _: None if self._busy else self._draw_rounds(), "value")
        self.redraw()
        self.warm()

    # ------------------------------------------------------------------ state
    @property
    def theme(self) -> str:
        return self.theme_dd.value

    @property
    def data(self) -> ThemeData:
        if self.theme not in self._data:
            self._data[self.theme] = ThemeData(self.p, self.theme)
        return self._data[self.theme]

    def warm(self) -> None:
        """Compute the current theme's layout and measures now (in a preheated kernel,
        before anyone opens the page), so that opening a tab only draws."""
        d = self.data
        if d.has_sessions:
            d.layout, d.centrality, d.main_role  # noqa: B018 - cached on first use

    def set_theme(self, theme: str) -> None:
        if theme not in self._theme_ids:
            raise ValueError(f"unknown theme {theme!r}")
        self.theme_dd.value = theme

    def set_lang(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang_tb.value = lang

    # ------------------------------------------------------------------ events
    def _on_theme(self, _):
        if self._busy:  # relabelling the dropdown, not a choice
            return
        self._fill_theme_controls()
        self.redraw()

    def _on_lang(self, change):
        keep = (self.sector_dd.value, self.table_dd.value, self.size_dd.value)
        self.lang = change["new"]
        self._set_labels()
        self._fill_theme_controls(keep)
        self.redraw()

    def _on_network_filter(self, _):
        if not self._busy:
            self._network_params()

    def _on_tab(self, change):
        self._draw_tab(change["new"])

    # ------------------------------------------------------------------ labels
    def _set_labels(self):
        lang = self.lang
        themes = self.p.themes.sort_values("number")
        self._busy = True
        current = self.theme_dd.value
        self.theme_dd.options = [(f"{r.number}. " + (r.name_nl if lang == "nl" else r.name_en), r.id)
                                 for r in themes.itertuples()]
        if current is not None:
            self.theme_dd.value = current
        self.theme_dd.description = t("theme", lang)
        self.sector_dd.description = t("sector", lang)
        self.table_dd.description = t("table", lang)
        self.size_dd.description = t("size_by", lang)
        self.org_dd.description = t("organisation", lang)
        for dd in (self.theme_dd, self.sector_dd, self.table_dd, self.size_dd, self.org_dd):
            dd.style = {"description_width": "initial"}
        self.tabs.titles = tuple(t(k, lang) for k in self._tab_keys())
        self._busy = False

    def _tab_keys(self) -> tuple:
        return (*TABS, ROUNDS_TAB)[:len(self.tabs.children)]

    def _fill_theme_controls(self, keep=None):
        lang = self.lang
        d = self.data
        sector, table, size = keep or (self.sector_dd.value, self.table_dd.value, self.size_dd.value)
        self._busy = True
        sectors = d.sectors_frame(lang)
        self.sector_dd.options = [(t("all_sectors", lang), "")] + list(zip(sectors["label"], sectors["id"]))
        kinds = d.kinds()
        self.table_dd.options = [(t("all_tables", lang), "")] + [(d.kind_label(k, lang), k) for k in kinds]
        self.size_dd.options = [(t("centrality_degree", lang), "degree"),
                                (t("centrality_betweenness", lang), "betweenness")]
        self.sector_dd.value = sector if sector in dict(self.sector_dd.options).values() else ""
        self.table_dd.value = table if table in kinds else ""
        self.size_dd.value = size or "degree"
        orgs = d.organisations(lang).sort_values("label")
        self.org_dd.options = [("—", "")] + list(zip(orgs["label"], orgs["id"]))
        self.org_dd.value = ""
        self._busy = False

    # ------------------------------------------------------------------ drawing
    def redraw(self):
        """Redraw the header and the visible tab; other tabs redraw when opened."""
        lang, d = self.lang, self.data
        self._subtitle = d.subtitle(lang)  # plain text: the header and the page's first view escape it
        self._header()
        notices = d.notices(lang)
        self._notices = [("note", n, "") for n in notices]  # (role, text, detail); also the first view's
        self._show_notices()
        self._drawn = set()
        want = len(TABS) + (1 if d.has_sessions and d.has_rounds else 0)
        if len(self.tabs.children) != want:  # the "over time" tab only where there are rounds
            self._busy = True
            selected = self.tabs.selected_index or 0
            self.tabs.children = self._boxes[:want]
            self.tabs.titles = tuple(t(k, lang) for k in self._tab_keys())
            self.tabs.selected_index = selected if selected < want else 0
            self._busy = False
        self._draw_tab(self.tabs.selected_index or 0)

    def _header(self):
        """The programme's title, the line above it (its subtitle) and the theme below it."""
        words = self.p.words(self.lang)
        kicker = f"<p class='lk-kicker'>{esc(words['subtitle'])}</p>" if words["subtitle"] else ""
        self.header.value = (f"{kicker}<h1>{esc(words['title'])}</h1>"
                             f"<div class='lk-sub'>{esc(self._subtitle)}</div>")

    def _say(self, tab: int, *keys: str) -> None:
        """Tab ``tab`` says in one line each what it has nothing of (no keys: nothing to say)."""
        self.empty[tab].value = "".join(f"<p class='lk-empty'>{esc(t(k, self.lang))}</p>" for k in keys)

    def _draw_tab(self, index):
        if index in self._drawn or index is None:
            return
        self._drawn.add(index)
        [self._draw_who, self._draw_links, self._draw_roadmap, self._draw_welfare, self._draw_rounds][index]()

    def _draw_rounds(self):
        """Tab 5: what changed from one round to the next, one step at a time."""
        lang, d = self.lang, self.data
        steps = d.step_labels(lang)
        self._busy = True
        current = self.round_dd.value
        self.round_dd.options = [(label, i) for i, label in enumerate(steps)]
        self.round_dd.value = current if current is not None and current < len(steps) else len(steps) - 1
        self.round_dd.description = t("round", lang)
        self.round_dd.style = {"description_width": "initial"}
        self._busy = False
        i = self.round_dd.value
        said = d.round_sentences(lang)[i]
        self.texts["rounds"].value = "".join(f"<p class='lk-chance'>{esc(x)}</p>" for x in said)
        frame = d.rounds_frame(lang)
        self.slots["rounds"].show(charts.rounds_chart(frame[frame["step_order"] == i], d.sectors_frame(lang),
                                                      lang=lang))

    def _draw_who(self):
        lang, d = self.lang, self.data
        self._cards = [(int(n), label) for n, label in d.cards(lang)]  # also the first view's figures
        self.cards.value = "<div class='lk-cards'>" + "".join(
            f"<div class='lk-card'><b>{n}</b>{esc(label)}</div>" for n, label in self._cards) + "</div>"
        sectors = d.sectors_frame(lang)
        self._say(0, *([] if not d.has_sessions or d.has_attendance else ["no_attendance"]))
        if d.has_attendance:
            self.slots["composition"].show(charts.composition_chart(d.composition_frame(lang), sectors, lang=lang))
            self.slots["continuity"].show(charts.continuity_chart(d.continuity_frame(lang), lang=lang))
            missing = d.missing_sectors(lang)
            items = "".join(f"<li>{esc(k)}: {esc(', '.join(v) if v else t('none_missing', lang))}</li>"
                            for k, v in missing.items())
            self.texts["missing"].value = f"<b>{esc(t('missing_sectors', lang))}</b><ul>{items}</ul>"
        else:
            self._clear("composition", "continuity")
            self.texts["missing"].value = ""

    def _draw_links(self):
        lang, d = self.lang, self.data
        if not d.has_sessions or d.coattendance.number_of_nodes() == 0:
            self._clear("network", "mixing", "ei")
            for k in ("network_caption", "brokers", "ego", "ei_caption", "chance"):
                self.texts[k].value = ""
            self.network_controls.layout.display = self.org_dd.layout.display = "none"
            self._say(1, *(["no_links"] if d.has_sessions else []))
            return
        self.network_controls.layout.display = self.org_dd.layout.display = None
        self._say(1)
        self._draw_network()
        sectors = d.sectors_frame(lang)
        self.slots["mixing"].show(charts.mixing_heatmap(d.mixing_frame(lang), lang=lang))
        self.slots["ei"].show(charts.ei_chance_chart(d.ei_frame(lang), sectors, lang=lang))
        self.texts["ei_caption"].value = f"<div class='lk-caption'>{esc(t('ei_caption', lang))}</div>"
        self.texts["chance"].value = "".join(f"<p class='lk-chance'>{esc(x)}</p>" for x in d.chance_sentences(lang))
        brokers = d.brokers_frame(lang)
        if not brokers.empty:
            brokers.columns = [t("organisation", lang), t("sector", lang), t("role", lang), "brokerage",
                               "betweenness"]
        none = "no_brokers" if self.p.collaborations["session_id"].isin(set(d.sessions["id"])).any() \
            else "no_collaborations"
        self.texts["brokers"].value = (f"<h3>{esc(t('brokers_title', lang))}</h3>" + (
            table_html(brokers) or f"<p class='lk-empty'>{esc(t(none, lang))}</p>"))
        self._draw_ego()

    def _draw_network(self):
        """Draw the network map once per theme and language; filters only set its parameters."""
        lang, d = self.lang, self.data
        if not d.has_sessions or d.coattendance.number_of_nodes() == 0:
            return
        nodes, edges = d.explorer_frames(lang)
        self.slots["network"].show(charts.network_explorer(
            nodes, edges, d.sectors_frame(lang), lang=lang, sector=self.sector_dd.value or "",
            table=self.table_dd.value or "", size_by=self.size_dd.value or "degree"))
        self._network_params()
        caption = t("network_caption", lang)
        if nodes.attrs.get("truncated"):
            caption += f" ({len(edges)} sterkste verbindingen getoond)" if lang == "nl" else \
                f" (the {len(edges)} strongest ties shown)"
        self.texts["network_caption"].value = f"<div class='lk-caption'>{esc(caption)}</div>"

    def _network_params(self):
        jc = self.slots["network"].chart
        if jc is None:
            return
        with jc.hold_sync():
            jc.params.sector = self.sector_dd.value or ""
            jc.params.table = self.table_dd.value or ""
            jc.params.size_by = self.size_dd.value or "degree"

    def _draw_ego(self):
        lang, d = self.lang, self.data
        node = self.org_dd.value
        if not node:
            self.texts["ego"].value = ""
            return
        H = d.coattendance
        attrs = d.G.nodes[node]
        partners = sorted(H[node].items(), key=lambda kv: (-kv[1]["weight"], H.nodes[kv[0]]["label"]))
        roles = d.roles.loc[node] if node in d.roles.index else None
        role_text = ", ".join(f"{ROLES[lang][k]} {int(roles[k])}" for k in ROLES[lang]
                              if k and roles is not None and roles.get(k, 0)) or t("none", lang)
        owned = [d.G.nodes[c]["label"] for _, c, k in d.G.out_edges(node, keys=True) if k == "committed_to"
                 and d.G.nodes[c]["theme"] == self.theme]
        sector = dict(zip(*d.sectors_frame(lang)[["id", "label"]].T.values)).get(attrs["sector"], attrs["sector"])
        plist = "".join(f"<li>{esc(H.nodes[o]['label'])} <span class='lk-muted'>({w['weight']})</span></li>"
                        for o, w in partners[:15])
        self.texts["ego"].value = (
            f"<h3>{esc(attrs['label'])}</h3><div>{esc(t('sector', lang))}: {esc(sector)} · "
            f"{esc(t('role', lang))}: {esc(role_text)}</div>"
            f"<div><b>{esc(t('weight', lang))}</b><ul>{plist}</ul></div>"
            f"<div><b>{esc(t('commitments', lang))}</b>: {esc(', '.join(owned) or t('none', lang))}</div>")

    def _draw_roadmap(self):
        lang, d = self.lang, self.data
        items = d.roadmap_frame(lang)
        self._say(2, *(["no_roadmap"] if not d.has_roadmap else []),
                  *(["no_commitments"] if items.empty else []))
        if items.empty:
            self._clear("roadmap", "progress")
            self.texts["roadmap_caption"].value = self.texts["commitments"].value = ""
            return
        if d.has_roadmap:
            self.slots["roadmap"].show(charts.roadmap_chart(items, as_of=self.as_of, start=d.start_year(),
                                                            stages=d.stage_labels(lang),
                                                            lang=lang))
            self.texts["roadmap_caption"].value = f"<div class='lk-caption'>{esc(t('roadmap_caption', lang))}</div>"
        else:  # no stages: no lanes to draw, only the commitments' progress and the table
            self._clear("roadmap")
            self.texts["roadmap_caption"].value = ""
        history = d.progress_frame(lang)
        if history.empty:
            self._clear("progress")
        else:
            self.slots["progress"].show(charts.progress_chart(history, lang=lang))
        table = items[["stage_label", "label", "horizon_label", "status_label", "progress", "last_update"]]
        table.columns = [t(k, lang) for k in ("stage", "commitment", "horizon", "status", "progress",
                                             "last_update")]
        self.texts["commitments"].value = table_html(table)

    def _draw_welfare(self):
        lang, d = self.lang, self.data
        self._say(3, *(["no_commitments"] if d.commitments().empty else []))
        if d.commitments().empty:
            self._clear("sdg", "welfare")
            self.texts["welfare_caption"].value = ""
            return
        self.slots["sdg"].show(charts.sdg_chart(d.sdg_frame(lang), lang=lang))
        self.slots["welfare"].show(charts.welfare_chart(d.welfare_frame(lang), lang=lang))
        self.texts["welfare_caption"].value = f"<div class='lk-caption'>{esc(t('welfare_caption', lang))}</div>"

    def preview(self) -> Preview | None:
        """The first view (title, notices, figures and the first chart) as data, for the page.

        Under ``labkit serve`` its template draws this while the page loads, with
        the vega file the page already fetches, so a stakeholder sees the chart
        before Voilà's own scripts have started; the live app replaces it once
        its own chart is drawn. Text stays text: the template escapes every string
        and puts the chart spec in the page as JSON. None outside ``labkit serve``
        (JupyterLab shows the live app at once) or when the first tab has no chart.
        """
        chart = self.slots["composition"].chart
        if chart_module.served_name() is None or chart is None or (self.tabs.selected_index or 0) != 0:
            return None
        lang = self.lang
        words = self.p.words(lang)
        return Preview({
            "lang": lang,
            "kicker": words["subtitle"],
            "title": words["title"],
            "subtitle": self._subtitle,
            "theme_label": t("theme", lang),
            "theme": next(label for label, value in self.theme_dd.options if value == self.theme),
            "languages": [label for label, _ in self.lang_tb.options],
            "notices": [{"role": role, "text": f"{text} ({detail})" if detail else text}
                        for role, text, detail in self._notices],
            "cards": [{"value": n, "label": label} for n, label in self._cards],
            "tabs": [t(k, lang) for k in self._tab_keys()],
            "spec": chart.spec,
            "embed_options": EMBED,
            "loading": t("preview_loading", lang),
        })

    def _show_notices(self) -> None:
        self.notice.value = "".join(
            f"<div class='lk-notice' role='{r}'>{esc(x)}"
            + (f" <span class='lk-muted'>({esc(m)})</span>" if m else "") + "</div>"
            for r, x, m in self._notices)

    def _clear(self, *names):
        for n in names:
            self.slots[n].box.children = ()
            self.slots[n].chart = None


class Preview:
    """What :meth:`Dashboard.preview` hands to the page template, as one output."""

    def __init__(self, data: dict):
        self.data = data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {PREVIEW_MIME: self.data, "text/plain": ""}


def url_parameters(query: str, programme) -> dict:
    """Theme and language from a dashboard URL's query string.

    ``?theme=<id>`` and ``?thema=<id>`` both name a theme (Voilà also reads
    ``theme`` for its page style, but labkit serves with that switched off);
    ``?lang=en`` switches the language. Anything else, or a value that is not
    a plain id, is refused with a :class:`~labkit.errors.ParameterError`.

    >>> import labkit
    >>> sorted(url_parameters("theme=brede-welvaart&lang=en", labkit.load(default_data_dir())).items())
    [('lang', 'en'), ('theme', 'brede-welvaart')]
    """
    import urllib.parse

    from ..errors import ParameterError
    from ..views.parameters import _check_theme, from_query_string
    pairs = urllib.parse.parse_qsl(query or "", keep_blank_values=True)
    theme = [v for k, v in pairs if k == "theme"]
    rest = urllib.parse.urlencode([(k, v) for k, v in pairs if k != "theme"])
    params = from_query_string(rest)
    if theme:
        if len(theme) > 1 or "theme" in params:
            raise ParameterError("give the theme once: ?theme=<id>")
        problems = _check_theme(theme[0], programme)
        if problems:
            raise ParameterError("; ".join(problems))
        params["theme"] = theme[0]
    elif "theme" in params:
        problems = _check_theme(params["theme"], programme)
        if problems:
            raise ParameterError("; ".join(problems))
    if params.get("lang", "nl") not in LANGS:
        raise ParameterError(f"?lang= takes one of: {', '.join(LANGS)}")
    return params


def apply_url(app: Dashboard, query: str) -> None:
    """Show what the URL asks for; a bad URL gives a visible message, not a traceback."""
    from ..errors import ParameterError
    try:
        params = url_parameters(query, app.p)
    except ParameterError as e:
        app._notices.append(("alert", t("bad_url", app.lang), str(e)))
        app._show_notices()
        return
    if "lang" in params:
        app.set_lang(params["lang"])
    if "theme" in params:
        app.set_theme(params["theme"])

"""The hostile corpus through every output that runs without a browser.

The browser side (the dashboard page) is in test_dashboard_browser.py; the
theme reports' HTML in test_reports.py.
"""

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
import vl_convert as vlc
from openpyxl import load_workbook

from hostile import CORPUS, LIVE, hostile_programme
from labkit import charts, export
from labkit.dashboard import Dashboard
from labkit.views import ThemeData


@pytest.fixture(scope="module")
def hostile(programme):
    return hostile_programme(programme)


def _html_values(widget):
    """Every HTML string an ipywidgets tree shows."""
    out = []
    stack = [widget]
    while stack:
        w = stack.pop()
        if hasattr(w, "value") and isinstance(w.value, str):
            out.append(w.value)
        stack.extend(getattr(w, "children", ()))
    return out


def test_dashboard_widgets_escape_the_corpus(hostile):
    app = Dashboard(hostile)
    for i in range(4):
        app.tabs.selected_index = i
    for org in list(app.org_dd.options)[1:6]:
        app.org_dd.value = org[1]
        html = "\n".join(_html_values(app.widget))
        for live in LIVE:
            assert live not in html
    # a name reaches the page as escaped text, shown as typed
    first = "org:" + hostile.organisations.loc[0, "id"]
    app.tabs.selected_index = 1
    app.org_dd.value = first
    assert "<h3>&lt;script&gt;window.__xss = 1&lt;/script&gt;</h3>" in app.texts["ego"].value
    assert (CORPUS[0], first) in app.org_dd.options  # option labels are text, not markup


def test_chart_svg_has_no_live_content(hostile):
    d = ThemeData(hostile, "brede-welvaart")
    specs = [charts.network_map(*d.network_frames(), d.sectors_frame()),
             charts.roadmap_chart(d.roadmap_frame()), charts.progress_chart(d.progress_frame())]
    for chart in specs:
        svg = vlc.vegalite_to_svg(charts.configure(chart).to_dict())
        root = ET.fromstring(svg)  # well-formed: every value was escaped
        for el in root.iter():
            assert not el.tag.endswith("script") and not el.tag.endswith("foreignObject")
            assert not any(k.lower().startswith("on") for k in el.attrib)
            for attr in ("href", "{http://www.w3.org/1999/xlink}href", "src"):
                assert "javascript:" not in el.attrib.get(attr, "")


def test_spreadsheet_exports_neutralise_formulas(hostile, tmp_path):
    export.export_programme(hostile, "xlsx", tmp_path / "all.xlsx")
    wb = load_workbook(tmp_path / "all.xlsx")
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for bad in ("=HYPERLINK", "+31 6", "-2+3", "@SUM"):
        assert not any(v.startswith(bad) for v in cells), bad
        assert any(v == "'" + [x for x in CORPUS if x.startswith(bad)][0] for v in cells), bad


def test_graph_exports_keep_text_as_text(hostile, tmp_path):
    for fmt in ("gexf", "graphml"):
        out = export.export_programme(hostile, fmt, tmp_path / f"g.{fmt}")
        G = nx.read_gexf(out.path) if fmt == "gexf" else nx.read_graphml(out.path)
        names = {d.get("name") for _, d in G.nodes(data=True)}
        for value in CORPUS[:5]:
            assert value in names, (fmt, value)


def test_summary_json_keeps_the_text(hostile):
    from labkit.summary import summarize
    text = json.dumps(summarize(hostile), ensure_ascii=False, default=str)
    assert "<script>" not in text or "\\u003c" not in text  # JSON is data; it is never inlined into HTML

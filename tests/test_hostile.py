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

import labkit
from conftest import DATA
from hostile import CORPUS, LIVE, RAW, TERMINAL, hostile_programme, terminal_programme
from labkit.views import charts
from labkit.interop import export
from labkit.cli import main
from labkit.app.dashboard import Dashboard
from labkit.views.theme import ThemeData


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
    from labkit.analytics.summary import summarize
    text = json.dumps(summarize(hostile), ensure_ascii=False, default=str)
    assert "<script>" not in text or "\\u003c" not in text  # JSON is data; it is never inlined into HTML


# ---------------------------------------------------------------- the terminal
# The validator lets control characters in: the package keeps what was typed, and lists
# imported or programmes built in memory would pass by it anyway. What prints escapes them.

@pytest.fixture(scope="module")
def terminal_data(programme, tmp_path_factory):
    """A data package (it validates) with TERMINAL and CORPUS as every organisation's name,
    TERMINAL as the sectors' names and TERMINAL[0] as its title."""
    path = tmp_path_factory.mktemp("terminal") / "data"
    tp = terminal_programme(programme)
    # the strings the text tests look for go to the top brokers, whom `labkit analyse` names,
    # whichever organisations the illustrative rows make brokers
    from labkit.analytics import headline
    top = [r["node"].removeprefix("org:") for r in headline(programme)["brokers"]["top"]]
    orgs = tp.organisations.copy()
    for oid, name in zip(top, [TERMINAL[1], CORPUS[18], TERMINAL[9], CORPUS[14]]):
        orgs.loc[orgs["id"] == oid, "name"] = name
    tp.replace(organisations=orgs).save(path)
    return path


def _run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)


def test_analyse_json_gives_the_names_back_as_typed(terminal_data, capsys):
    typed = labkit.load(terminal_data)
    text = _run(capsys, "analyse", "--data", str(terminal_data), "--json")
    assert not RAW.search(text)
    h = json.loads(text)
    assert h["programme"]["title"] == TERMINAL[0]
    names = dict(zip("org:" + typed.organisations["id"], typed.organisations["name"]))
    assert [r["label"] for r in h["brokers"]["top"]] == [names[r["node"]] for r in h["brokers"]["top"]]
    shown = set(_strings(h))
    assert len(shown & set(TERMINAL)) >= 3 and len(shown & set(CORPUS)) >= 3


def test_summary_json_gives_the_names_back_as_typed(terminal_data, capsys):
    text = _run(capsys, "summary", "--data", str(terminal_data), "--json")
    assert not RAW.search(text)
    s = json.loads(text)
    assert s["title"] == TERMINAL[0]
    assert set(s["sector_names"].values()) == set(TERMINAL[: len(s["sector_names"])])
    orgs = labkit.load(terminal_data).organisations.set_index("id")["name"]
    assert s["themes"]["brede-welvaart"]["host_organisation"] == orgs["provincie-drenthe"]


@pytest.mark.parametrize("command, shown", [
    ("analyse", "\\x1b[2J\\x1b[HScherm gewist"),  # a broker's name
    ("summary", "Nep\\nLET OP: deze regel is vervalst"),  # a sector's name
])
def test_text_output_cannot_steer_the_terminal(terminal_data, capsys, command, shown):
    text = _run(capsys, command, "--data", str(terminal_data))
    assert not RAW.search(text), RAW.findall(text)
    # no line forged: as many lines as for the package as it ships, the names shown escaped
    clean = _run(capsys, command, "--data", str(DATA))
    assert len(text.splitlines()) == len(clean.splitlines())
    assert text.startswith("\\x1b]0;pwned\\x07Venstertitel")  # the title line, shown escaped
    assert shown in text


def test_analyse_text_shows_line_breaks_and_overrides_in_names(terminal_data, capsys):
    text = _run(capsys, "analyse", "--data", str(terminal_data))
    assert "line\\nbreak\\rcarriage" in text  # CORPUS: one line, breaks visible
    assert "\\u202eoverride zonder einde" in text  # cannot reverse the rest of the line
    assert "Coöperatie Zuid-Holland: café, één, reünie, Ĳsselmeer" in text  # letters as typed


def test_an_imported_list_cannot_steer_the_terminal(pkg, tmp_path, capsys):
    name = TERMINAL[0]
    f = tmp_path / "lijst.csv"
    f.write_text(f"Organisatie,Naam\n{name},An\n", encoding="utf-8")
    base = ["import", "attendance", str(f), "--theme", "brede-welvaart", "--session", "bw-focus",
            "--data", str(pkg)]
    assert main(base) == 1  # unknown organisation: the problem quotes the name, escaped
    err = capsys.readouterr().err
    assert not RAW.search(err) and "value '\\x1b]0;pwned\\x07Venstertitel'" in err
    assert main(base + ["--add-unknown", "business"]) == 0
    assert not RAW.search(capsys.readouterr().out)
    orgs = labkit.load(pkg).organisations
    assert name in set(orgs["name"])  # the package keeps the name as typed

"""Theme reports end to end: parameters, hostile text, privacy, offline HTML,
determinism, failure handling, and the notebook under Voilà.

One run of ``labkit reports`` over a hostile copy of the data package is shared
by most tests (module fixture); the determinism and failure tests run it again.
"""

import html.parser
import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import labkit
from labkit.report import narrative, html as report_html, runner as reports
from labkit.views import parameters
from labkit.cli import main
from labkit.errors import ParameterError
from labkit.report.text import format_date
from conftest import DATA

HOSTILE_ORG = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTE = "</script><script>alert(1)</script>"
HOSTILE_THEME = "Leefomgeving <script>alert(5)</script>"
HOSTILE_TITLE = "**vet** [klik](javascript:alert(3)) $x$ <b>niet vet</b>"
SECRET_NAMES = {"p-001": "Johanna Geheimhouder", "p-010": "Pieter Verborgen",
                "p-020": "Fatima El Anoniem", "p-033": "Kees Nietgenoemd"}


def hostile_package(dst: Path) -> Path:
    """A copy of data/ with markup in names, titles and quotes, and names on
    participants who did not consent to be named."""
    p = labkit.load(DATA)
    t = {k: v.copy() for k, v in p.tables.items()}
    orgs = t["organisations"]
    orgs.loc[orgs["id"] == "fokker", "name"] = HOSTILE_ORG
    quotes = t["quotes"]
    quotes.loc[quotes["id"] == "q-r02", "text_nl"] = HOSTILE_QUOTE
    # a quote by someone who did not consent: must appear without their name
    extra = quotes[quotes["id"] == "q-r01"].assign(id="q-secret", participant_id="p-001",
                                                   text_nl="Dit zei iemand zonder toestemming.")
    t["quotes"] = pd.concat([quotes, extra], ignore_index=True)
    th = t["themes"]
    th.loc[th["id"] == "leefomgeving", "name_nl"] = HOSTILE_THEME
    ins = t["insights"]
    ins.loc[ins["id"] == "bw-idea-1", "title_nl"] = HOSTILE_TITLE
    parts = t["participants"]
    for pid, name in SECRET_NAMES.items():
        assert not parts.loc[parts["id"] == pid, "consent_named"].iloc[0]
        parts.loc[parts["id"] == pid, "name"] = name
    p.replace(**t).save(dst)
    return dst


class Tags(html.parser.HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(text):
    parser = Tags()
    parser.feed(text)
    return parser.tags


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """``labkit reports`` over the hostile package, all themes, into a fresh folder."""
    base = tmp_path_factory.mktemp("reports")
    data = hostile_package(base / "data")
    out = base / "out"
    code = main(["reports", "--data", str(data), "--out", str(out)])
    assert code == 0
    return {"data": data, "out": out, "base": base}


def themes():
    return labkit.load(DATA).themes.sort_values("number")["id"].tolist()


# --------------------------------------------------------------------------- the run

@pytest.mark.slow
def test_every_theme_written_with_an_index(run):
    out = run["out"]
    for tid in themes():
        assert (out / f"{tid}.html").is_file() and (out / f"{tid}.ipynb").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    links = [a["href"] for tag, a in tags(index) if tag == "a"]
    assert links == [f"{tid}.html" for tid in themes()]
    p = labkit.load(run["data"])
    r = narrative.Report(p, "brede-welvaart", as_of=parameters.default_as_of(p))
    assert narrative.one_line(r) in index and "deelnemers van" in narrative.one_line(r)
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_hostile_text_stays_text(run):
    # the HTML files, and the HTML outputs of the notebooks (text/plain outputs are text anyway)
    texts = {f.name: f.read_text(encoding="utf-8") for f in run["out"].glob("*.html")}
    for f in run["out"].glob("*.ipynb"):
        nb = nbformat.read(f, as_version=4)
        texts[f.name] = "".join(o.get("data", {}).get("text/html", "")
                                for c in nb.cells for o in c.get("outputs", []))
    for name, text in sorted(texts.items()):
        assert HOSTILE_ORG not in text and HOSTILE_QUOTE not in text, name
        assert "<b>niet vet</b>" not in text and "<script>alert(5)" not in text, name
    page = (run["out"] / "brede-welvaart.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "**vet** [klik](javascript:alert(3)) $x$ &lt;b&gt;niet vet&lt;/b&gt;" in page
    assert "<title>Themarapport: Leefomgeving &lt;script&gt;alert(5)&lt;/script&gt;</title>" in \
        (run["out"] / "leefomgeving.html").read_text(encoding="utf-8")
    for f in run["out"].glob("*.html"):
        for tag, attrs in tags(f.read_text(encoding="utf-8")):
            assert tag != "script", f.name
            assert not any(k.startswith("on") for k in attrs), (f.name, tag, attrs)
            assert not any(str(v).lower().startswith("javascript:") for v in attrs.values())


@pytest.mark.slow
def test_no_name_without_consent(run):
    for f in sorted(run["out"].glob("*.html")) + sorted(run["out"].glob("*.ipynb")):
        text = f.read_text(encoding="utf-8")
        for name in SECRET_NAMES.values():
            assert name not in text, (f.name, name)
    page = (run["out"] / "brede-welvaart.html").read_text(encoding="utf-8")
    assert "Dit zei iemand zonder toestemming." in page  # the quote is there, anonymous
    for named in ("Tuur Elzinga", "Regina Bouius-Riemersma", "Olaf Sleijpen"):
        assert named in page


@pytest.mark.slow
def test_html_is_offline_without_code_and_prints(run):
    for f in run["out"].glob("*.html"):
        text = f.read_text(encoding="utf-8")
        for tag, attrs in tags(text):
            assert tag not in ("script", "link", "iframe"), (f.name, tag)
            for key in ("src", "href"):
                v = attrs.get(key)
                if v is not None:
                    assert v.startswith(("#", "data:")) or re.fullmatch(r"[a-z0-9._-]+\.html", v), \
                        (f.name, key, v)
            assert "jp-InputArea" not in attrs.get("class", ""), f.name
        assert "@import" not in text
        assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", text))
        assert "@media print" in text
        assert "sections.header" not in text and "import altair" not in text
    assert '<html lang="nl">' in (run["out"] / "brede-welvaart.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_illustrative_sections_say_so(run):
    page = (run["out"] / "brede-welvaart.html").read_text(encoding="utf-8")
    assert "Let op: niet alles hierin is feit." in page
    sections = re.findall(r'<h2 id="lk-([a-z]+)">(.*?)</h2>', page)
    badged = {a for a, h in sections if "lk-badge" in h}
    # per-table attendance, invitations, ties, owners and progress are illustrative
    assert {"participation", "network", "commitments"} <= badged
    assert "programme" not in badged and "quotes" not in badged
    for anchor in badged:
        section = page.split(f'<h2 id="lk-{anchor}">', 1)[1].split("<h2 ", 1)[0]
        assert "Deze sectie gebruikt illustratieve gegevens" in section, anchor


@pytest.mark.slow
def test_theme_without_sessions_says_so_briefly(run):
    page = (run["out"] / "leefomgeving.html").read_text(encoding="utf-8")
    assert "zijn (nog) geen tafels vastgelegd" in page
    assert re.findall(r'<h2 id="lk-([a-z]+)">', page) == ["programme", "data"]
    assert "De gegevens noemen (nog) geen host voor dit thema." in page


@pytest.mark.slow
def test_brede_welvaart_follows_the_report(run):
    full = (run["out"] / "brede-welvaart.html").read_text(encoding="utf-8")
    page = full[full.index('<h2 id="lk-programme">'):]  # after the contents
    order = ["Het programma", "Wie deden er mee", "Hoe het netwerk groeide",
             "Focustafel · maart 2021", "De generatieve vragen",
             "Verdiepingstafel Duurzaamheid · april 2021", "Werkzame ingrediënten",
             "Werkplaats Duurzaamheid · mei 2021", "Casussen",
             "Werkplaats Inclusiviteit en toegang · mei 2021",
             "Wie is aan zet?", "Fase 1:", "Fase 3:",
             "Brede welvaart en SDG", "Wat wens je dit land vooral toe?", "Over de gegevens"]
    positions = [page.index(s) for s in order]
    assert positions == sorted(positions)
    assert "Regina Bouius-Riemersma (Provincie Drenthe)" in page
    assert "5 dialogen in maart, april en mei 2021." in page
    latest = labkit.load(run["data"]).commitment_updates["date"].max().date()
    assert f"Stand van zaken per {format_date(latest, 'nl')}" in full  # the latest date in the data


@pytest.mark.slow
def test_executed_notebooks_are_clean(run):
    source = nbformat.read(reports.NOTEBOOK, as_version=4)
    for tid in themes():
        nb = nbformat.read(run["out"] / f"{tid}.ipynb", as_version=4)
        ids = [c.id for c in nb.cells]
        assert ids[:2] == ["parameters", reports.INJECTED_ID]
        assert ids[2:] == [c.id for c in source.cells[1:]]
        injected = nb.cells[1]
        assert f'theme = "{tid}"' in injected.source
        assert nb.metadata.papermill["parameters"]["theme"] == tid
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1))  # as a fresh kernel numbers them
        for c in nb.cells:
            assert "execution" not in c.metadata
            for o in c.get("outputs", []):
                assert o.output_type != "error"
                assert not (o.output_type == "stream" and o.name == "stderr"), o.text


# --------------------------------------------------------------------------- determinism

@pytest.mark.slow
def test_same_data_same_bytes(run):
    again = run["base"] / "again"
    assert main(["reports", "--data", str(run["data"]), "--out", str(again)]) == 0
    names = sorted(p.name for p in run["out"].iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (run["out"] / name).read_bytes() == (again / name).read_bytes(), name


def test_svg_ids_are_renumbered_per_notebook():
    def svg(a, b, g):
        return (f'<svg><defs><clipPath id="clip{a}"/><clipPath id="clip{b}"/>'
                f'<linearGradient id="gradient_{g}"/></defs><g clip-path="url(#clip{a})"/>'
                f'<g clip-path="url(#clip{b})" fill="url(#gradient_{g})"/></svg>')
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", {"image/svg+xml": svg(57, 58, 12)}),
                           nbformat.v4.new_output("display_data", {"image/svg+xml": svg(59, 60, 13)})]
    reports.normalise(nb)
    assert nb.cells[0].outputs[0].data["image/svg+xml"] == svg(1, 2, 0)
    assert nb.cells[0].outputs[1].data["image/svg+xml"] == svg(3, 4, 1)


# --------------------------------------------------------------------------- failure

@pytest.mark.slow
def test_a_failing_theme_leaves_its_old_report_and_the_others_complete(run, tmp_path, capsys):
    nb = nbformat.read(reports.NOTEBOOK, as_version=4)
    bad = nbformat.v4.new_code_cell('if theme == "samen-leven":\n    raise ValueError("kapot voor samen-leven")')
    bad.id = "kapot"
    at = [c.id for c in nb.cells].index("network") + 1
    nb.cells.insert(at, bad)
    notebook = tmp_path / "failing.ipynb"
    nbformat.write(nb, notebook)
    out = tmp_path / "out"
    out.mkdir()
    old_html, old_nb = b"<p>het vorige rapport</p>", b'{"vorige": true}'
    (out / "samen-leven.html").write_bytes(old_html)
    (out / "samen-leven.ipynb").write_bytes(old_nb)
    (out / ".samen-leven.html.x1y2.tmp").write_bytes(b"left by an interrupted run")

    code = main(["reports", "--data", str(run["data"]), "--out", str(out), "--notebook", str(notebook)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"report 'samen-leven' failed in cell {at + 1} (id 'kapot')" in err
    assert "ValueError: kapot voor samen-leven" in err
    assert (out / "samen-leven.html").read_bytes() == old_html
    assert (out / "samen-leven.ipynb").read_bytes() == old_nb
    for tid in themes():
        if tid != "samen-leven":
            page = (out / f"{tid}.html").read_text(encoding="utf-8")
            assert "Over de gegevens" in page and "ValueError" not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "bijwerken mislukt: dit is het vorige rapport" in index
    assert not list(out.glob(".*.tmp"))

    # the next good run replaces the old report and leaves no temporary file
    assert main(["reports", "--data", str(run["data"]), "--out", str(out),
                 "--theme", "samen-leven"]) == 0
    assert (out / "samen-leven.html").read_bytes() == (run["out"] / "samen-leven.html").read_bytes()
    assert not list(out.glob(".*.tmp"))
    assert "mislukt" not in (out / "index.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- parameters

def test_notebook_declares_exactly_the_checked_parameters():
    import papermill
    declared = papermill.inspect_notebook(str(reports.NOTEBOOK))
    assert list(declared) == list(parameters.PARAMETERS)
    for name, (type_, default) in parameters.PARAMETERS.items():
        assert declared[name]["inferred_type_name"] == type_.__name__
        assert declared[name]["default"] == json.dumps(default).replace("false", "False")


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(reports.NOTEBOOK, as_version=4)
    assert nb.cells[0].metadata["tags"] == ["parameters"]
    for c in nb.cells:
        assert c.cell_type == "code" and not c.outputs and c.execution_count is None


@pytest.mark.parametrize("params, message", [
    ({"theme": "brede-welvaart", "colour": "red"}, "unknown parameter 'colour'"),
    ({"theme": "x\"; import os; os.system('id'); \""}, "is not a theme id"),
    ({"theme": "../../etc/passwd"}, "is not a theme id"),
    ({"theme": "a/b"}, "is not a theme id"),
    ({"theme": "bestaat-niet"}, "no theme 'bestaat-niet'"),
    ({"theme": "index"}, "reserved"),
    ({"theme": 3}, "must be str, not int"),
    ({"theme": ["brede-welvaart"]}, "must be str, not list"),
    ({"theme": "brede-welvaart", "facts_only": "yes"}, "must be bool, not str"),
    ({"theme": "brede-welvaart", "facts_only": 1}, "must be bool, not int"),
    ({"theme": "brede-welvaart", "lang": True}, "must be str, not bool"),
    ({"theme": "brede-welvaart", "lang": "de"}, "use one of nl, en"),
    ({"theme": "brede-welvaart", "as_of": "16-08-2026"}, "not a date"),
    ({"theme": "brede-welvaart", "as_of": "2026-02-30"}, "not a real date"),
    ({"theme": "brede-welvaart", "data_dir": "data\n\nimport os"}, "control character"),
    ({"theme": "brede-welvaart", "data_dir": {"a": 1}}, "must be str, not dict"),
])
def test_parameters_are_refused(programme, params, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        parameters.check_parameters(params, programme)


def test_parameters_checked_before_any_kernel(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["reports", "--out", str(out), "--theme", "../x"]) == 2
    assert "is not a theme id" in capsys.readouterr().err
    assert main(["reports", "--out", str(out), "--theme", "brede-welvaart", "--lang", "fr"]) == 2
    assert main(["reports", "--out", str(out), "--jobs", "0"]) == 2
    assert not out.exists()  # nothing ran, nothing was written


def test_as_of_rule_is_the_latest_date_in_the_data(programme):
    latest = programme.commitment_updates["date"].max().date()
    assert parameters.default_as_of(programme) == latest
    assert parameters.default_theme(programme) == "brede-welvaart"  # the first with sessions


# --------------------------------------------------------------------------- Voilà

@pytest.mark.parametrize("query, expected", [
    ("thema=leefomgeving", {"theme": "leefomgeving"}),
    ("theme=leefomgeving&lang=en", {"theme": "leefomgeving", "lang": "en"}),
    ("", {}),
    ("template=lab&thema=samen-leven", {"theme": "samen-leven"}),
])
def test_query_string_accepted(query, expected):
    assert parameters.from_query_string(query) == expected


@pytest.mark.parametrize("query, message", [
    ("thema=../../etc/passwd", "give a theme id"),
    ("thema=%2Fetc%2Fpasswd", "give a theme id"),
    ("data_dir=/tmp", "unknown URL parameter 'data_dir'"),
    ("thema=a&theme=b", "gives the theme twice"),
    ("lang=<script>", "give nl or en"),
    ("x" * 2000, "too long"),
])
def test_query_string_refused(query, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        parameters.from_query_string(query)


def test_theme_from_the_url_must_exist():
    r = narrative.prepare(environ={"QUERY_STRING": "thema=leefomgeving&lang=en"})
    assert (r.theme, r.lang) == ("leefomgeving", "en")
    with pytest.raises(ParameterError, match="no theme 'onbekend'"):
        narrative.prepare(environ={"QUERY_STRING": "thema=onbekend"})
    assert narrative.prepare(environ={}).theme == "brede-welvaart"


def test_a_preheated_kernel_loads_the_data_then_waits_for_the_url(monkeypatch):
    """Voilà's preheated kernel runs the notebook before any request: QUERY_STRING is empty
    until the request comes. prepare() loads the data first, then waits, then reads the URL."""
    monkeypatch.delenv("QUERY_STRING", raising=False)
    narrative._CACHE.clear()
    waited = []

    def request_arrives():
        assert narrative._CACHE, "the data should be loaded before the wait"
        waited.append(True)
        monkeypatch.setenv("QUERY_STRING", "thema=samen-leven&lang=en")

    monkeypatch.setattr(parameters, "wait_for_request", request_arrives)
    r = narrative.prepare(theme="", data_dir=str(DATA))
    assert waited == [True] and (r.theme, r.lang) == ("samen-leven", "en")
    # papermill injects the theme: nothing to wait for, the URL is not read
    waited.clear()
    r = narrative.prepare(theme="leefomgeving", lang="nl", data_dir=str(DATA))
    assert waited == [] and (r.theme, r.lang) == ("leefomgeving", "nl")
    assert narrative.prepare(data_dir=str(DATA), environ={}).theme == "brede-welvaart" and waited == []


@pytest.mark.parametrize("preheat, waits", [(None, False), ("False", False), ("True", True)])
def test_wait_for_request_only_in_a_preheated_kernel(monkeypatch, preheat, waits):
    import voila.utils
    calls = []
    monkeypatch.setattr(voila.utils, "wait_for_request", lambda url=None: calls.append(url))
    if preheat is None:
        monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    else:
        monkeypatch.setenv("VOILA_PREHEAT", preheat)
    parameters.wait_for_request()
    assert calls == ([None] if waits else [])


@pytest.mark.slow
def test_notebook_without_injection_reads_the_theme_from_the_url(monkeypatch, tmp_path):
    """What Voilà does: run the committed notebook as is, with QUERY_STRING set."""
    from nbclient import NotebookClient
    monkeypatch.setenv("QUERY_STRING", "thema=samen-leven")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(reports.NOTEBOOK, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.outputs)
    assert "Themarapport: Samen leven: cohesie en vertrouwen in de maatschappij" in shown


# --------------------------------------------------------------------------- units

def test_preload_is_what_the_notebook_imports():
    mods = reports.preload_modules(reports.NOTEBOOK)
    assert "altair" in mods and "labkit.report.html" in mods


def test_index_page_escapes_and_marks_failures():
    page = report_html.index_page(
        [{"theme": "a", "name": HOSTILE_ORG, "summary": HOSTILE_QUOTE, "href": "a.html", "failed": True},
         {"theme": "b", "name": "B", "summary": "s", "href": None, "failed": True}], lang="nl")
    assert HOSTILE_ORG not in page and HOSTILE_QUOTE not in page
    assert "bijwerken mislukt" in page and "rapport kon niet worden gemaakt" in page
    assert [a["href"] for t, a in tags(page) if t == "a"] == ["a.html"]


def test_plan_keeps_outputs_inside_the_folder(programme, tmp_path):
    jobs = reports.plan(programme, out_dir=tmp_path / "r", data_dir="data")
    for j in jobs:
        assert j.html.parent == (tmp_path / "r").resolve() == j.ipynb.parent
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_live_html_output_is_refused():
    from papermill.iorw import load_notebook_node
    source = load_notebook_node(str(reports.NOTEBOOK))
    nb = reports.parameterise(source, {"theme": "brede-welvaart"})
    chart = [c for c in nb.cells if c.id == "network"][0]
    chart.outputs = [nbformat.v4.new_output("display_data", {
        "text/html": '<div id="vis"></div><SCRIPT src="https://cdn.example/vega.js"></SCRIPT>'})]
    at = [c.id for c in source.cells].index("network") + 1
    assert reports.unsafe_output(nb, source) == (at, "network", "an HTML output holds a <SCRIPT> tag")
    chart.outputs = [nbformat.v4.new_output("display_data", {"image/svg+xml": "<svg></svg>"})]
    assert reports.unsafe_output(nb, source) is None

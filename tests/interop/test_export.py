"""Exports: round trips through NetworkX and pandas, personal data, spreadsheet safety."""

import csv
import datetime as dt
import json
import zipfile
from io import StringIO

import networkx as nx
import openpyxl
import pandas as pd
import pytest

import labkit
from labkit.data import io, schema
from labkit.cli import build_parser, main
from labkit.interop.export import FORMATS, export_programme, kumu_tables, neutralise, read_graph
from labkit.interop.importing import import_attendance

SECRET = "Jan Geheim"   # imported without consent: must never leave in a public export
NAMED = "Els Openbaar"  # imported with consent


@pytest.fixture
def private_pkg(pkg, tmp_path):
    """The package with two imported people: one who did not consent to be named."""
    wb = openpyxl.Workbook()
    wb.active.append(["Organisatie", "Naam", "Toestemming"])
    wb.active.append(["FNV", SECRET, "nee"])
    wb.active.append(["SER", NAMED, "ja"])
    wb.save(tmp_path / "list.xlsx")
    import_attendance(labkit.load(pkg), tmp_path / "list.xlsx", theme="brede-welvaart",
                      session="bw-focus").save()
    return pkg


def without_none(d):
    return {k: v for k, v in d.items() if v is not None}


# --------------------------------------------------------------------------- GEXF and GraphML

@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_round_trip_keeps_every_node_edge_and_attribute(programme, tmp_path, fmt):
    G = programme.graph
    path = export_programme(programme, fmt, tmp_path / f"g.{fmt}").path
    R = read_graph(path)
    assert isinstance(R, nx.MultiDiGraph)
    assert R.graph == G.graph
    assert list(R.nodes) == list(G.nodes)
    for n, d in G.nodes(data=True):
        got = R.nodes[n]
        assert got == without_none(d), n
        assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in without_none(d).items()}
    assert sorted(R.edges(keys=True)) == sorted(G.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        got = R.edges[u, v, k]
        assert got == without_none(d), (u, v, k)
        assert {a: type(x) for a, x in got.items()} == {a: type(x) for a, x in without_none(d).items()}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_plain_networkx_reads_the_files_by_the_documented_rule(programme, tmp_path, fmt):
    G = programme.graph
    path = export_programme(programme, fmt, tmp_path / f"g.{fmt}").path
    R = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path, force_multigraph=True)
    assert set(R.nodes) == set(G.nodes)
    assert sorted((u, v, d["kind"]) for u, v, d in R.edges(data=True)) == sorted(G.edges(keys=True))
    raw = {(u, v, d["kind"]): d for u, v, d in R.edges(data=True)}
    for u, v, k, d in G.edges(keys=True, data=True):
        got = raw[(u, v, k)]
        assert got["id"] == f"{k}--{u}--{v}"
        for a, x in d.items():
            if isinstance(x, list):
                assert json.loads(got[a]) == x                      # lists: JSON strings
            elif a == "weight":
                assert got[a] == x                                  # GEXF: 1.0 == 1
            else:
                assert got[a] == x
    for n, d in G.nodes(data=True):
        got = R.nodes[n]
        for a, x in d.items():
            if x is None:
                assert a not in got                                 # None: left out
            elif isinstance(x, dt.date):
                assert got[a] == x.isoformat()                      # dates: ISO strings
            else:
                assert got[a] == x and type(got[a]) is type(x)


def test_graph_with_parallel_edges_and_a_list_on_a_node(tmp_path):
    # a tiny graph where two kinds of edge join the same pair: the key must survive
    G = nx.MultiDiGraph(illustrative=False)
    G.add_node("a", kind="organisation", label="A", tags=["x", "y"], since=dt.date(2021, 3, 1))
    G.add_node("b", kind="organisation", label="B", tags=[], since=None)
    G.add_edge("a", "b", key="collaborates_with", kind="collaborates_with", weight=2, ties=["t1", "t2"])
    G.add_edge("a", "b", key="hosts", kind="hosts")
    for suffix in (".gexf", ".graphml"):
        from labkit.interop.export import write_gexf, write_graphml
        f = tmp_path / f"t{suffix}"
        (write_gexf if suffix == ".gexf" else write_graphml)(G, f)
        R = read_graph(f)
        assert sorted(R.edges(keys=True)) == [("a", "b", "collaborates_with"), ("a", "b", "hosts")]
        assert R.nodes["a"] == {"kind": "organisation", "label": "A", "tags": ["x", "y"],
                                "since": dt.date(2021, 3, 1)}
        assert R.nodes["b"] == {"kind": "organisation", "label": "B", "tags": []}
        assert R.edges["a", "b", "collaborates_with"]["weight"] == 2


# --------------------------------------------------------------------------- personal data

@pytest.mark.parametrize("fmt", ["gexf", "graphml", "kumu"])
def test_graph_exports_never_carry_names_without_consent(private_pkg, tmp_path, fmt):
    p = labkit.load(private_pkg)
    path = export_programme(p, fmt, tmp_path / f"out{FORMATS[fmt]}").path
    if fmt == "kumu":
        sheets = pd.read_excel(path, sheet_name=None)
        text = " ".join(df.astype(str).to_csv() for df in sheets.values())
    else:
        text = path.read_text(encoding="utf-8")
    assert SECRET not in text and "Geheim" not in text
    assert NAMED in text  # consented: shown by name


def test_private_workbook_keeps_names_and_says_so(private_pkg, tmp_path):
    done = export_programme(labkit.load(private_pkg), "xlsx", tmp_path / "all.xlsx")
    assert SECRET in set(pd.read_excel(done.path, sheet_name="participants")["name"].dropna())
    assert done.notes == ["it holds the names of 1 participant who did not consent to be named: "
                          "share it only inside the lab, or export with --public"]


@pytest.mark.parametrize("fmt", ["xlsx", "datapackage"])
def test_public_table_exports_blank_names_without_consent(private_pkg, tmp_path, fmt):
    done = export_programme(labkit.load(private_pkg), fmt, tmp_path / f"pub{FORMATS[fmt]}", public=True)
    assert done.notes == []
    if fmt == "xlsx":
        parts = pd.read_excel(done.path, sheet_name="participants")
        about = pd.read_excel(done.path, sheet_name="about", header=None).astype(str).to_csv()
        assert "the names of 1 participants who did not consent" in about
    else:
        with zipfile.ZipFile(done.path) as z:
            assert not any(SECRET.encode() in z.read(n) for n in z.namelist())
            meta = json.loads(z.read("datapackage.json"))
            parts = pd.read_csv(z.open("participants.csv"))
        assert meta["privacy"]["public"] is True
        assert "names of 1 participants who did not consent to be named were blanked" in \
            meta["privacy"]["description"]
    names = set(parts["name"].dropna())
    assert SECRET not in names and NAMED in names
    assert len(parts) == len(labkit.load(private_pkg).participants)  # the row stays, the name goes


# --------------------------------------------------------------------------- Kumu

def test_kumu_layout(programme, tmp_path):
    path = export_programme(programme, "kumu", tmp_path / "kumu.xlsx").path
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Elements", "Connections"]
    head = [c.value for c in wb["Elements"][1]]
    assert head[:5] == ["ID", "Label", "Type", "Description", "Tags"]
    assert [c.value for c in wb["Connections"][1]][:4] == ["ID", "From", "To", "Type"]


def test_kumu_round_trip_with_pandas(programme, tmp_path):
    G = programme.graph
    path = export_programme(programme, "kumu", tmp_path / "kumu.xlsx").path
    el = pd.read_excel(path, sheet_name="Elements", dtype=object).set_index("ID")
    co = pd.read_excel(path, sheet_name="Connections", dtype=object)
    assert list(el.index) == list(G.nodes)
    assert el["Label"].tolist() == [d["label"] for _, d in G.nodes(data=True)]
    assert el["Type"].tolist() == [d["kind"] for _, d in G.nodes(data=True)]
    for n, d in G.nodes(data=True):
        for a, x in d.items():
            if a in ("kind", "label"):
                continue
            got = el.at[n, a]
            if x is None:
                assert pd.isna(got)
            elif isinstance(x, dt.date):
                assert got == x.isoformat()
            else:
                assert got == x, (n, a)
    assert sorted(zip(co["From"], co["To"], co["Type"])) == sorted(G.edges(keys=True))
    assert set(co["From"]) | set(co["To"]) <= set(el.index)
    by_id = co.set_index("ID")
    for u, v, k, d in G.edges(keys=True, data=True):
        for a, x in d.items():
            if a != "kind":
                got = by_id.at[f"{k}--{u}--{v}", a]
                assert got == ("|".join(x) if isinstance(x, list) else x)


def test_kumu_tags_mark_illustrative_elements(programme):
    elements, _ = kumu_tables(programme.graph)
    rows = {r[0]: dict(zip(elements[0], r)) for r in elements[1:]}
    assert rows["person:p-001"]["Tags"] == "illustrative"
    assert rows["org:fnv"]["Tags"] == "report"
    assert rows["org:fnv"]["Description"] == "Sector: union"


# --------------------------------------------------------------------------- tables

def canonical(name, column):
    """A column as the strings labkit writes to CSV, whatever pandas made of it."""
    type_ = {f["name"]: f["type"] for f in schema.fields(name)}[column.name]
    return [io._format(type_, v) for v in column.tolist()]


def test_workbook_round_trip_with_pandas(programme, tmp_path):
    path = export_programme(programme, "xlsx", tmp_path / "all.xlsx").path
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["about", *schema.RESOURCE_NAMES]
    for name in schema.RESOURCE_NAMES:
        got, want = sheets[name], programme.tables[name]
        assert list(got.columns) == schema.field_names(name)
        assert len(got) == len(want), name
        for col in got.columns:
            assert canonical(name, got[col]) == canonical(name, want[col]), (name, col)


def test_datapackage_zip_loads_back_identical(programme, tmp_path):
    path = export_programme(programme, "datapackage", tmp_path / "pkg.zip").path
    with zipfile.ZipFile(path) as z:
        assert z.namelist() == ["datapackage.json"] + [f"{n}.csv" for n in schema.RESOURCE_NAMES]
        z.extractall(tmp_path / "unzipped")
    back = labkit.load(tmp_path / "unzipped")
    for name in schema.RESOURCE_NAMES:
        pd.testing.assert_frame_equal(back.tables[name], programme.tables[name])
    assert back.meta == programme.meta
    for name in schema.RESOURCE_NAMES:  # and plain pandas reads the same rows
        df = pd.read_csv(tmp_path / "unzipped" / f"{name}.csv", dtype=str, keep_default_na=False)
        want = list(csv.reader(StringIO(io.table_to_csv(name, programme.tables[name]))))
        assert [list(df.columns)] + df.values.tolist() == want


def test_datapackage_zip_is_byte_for_byte_repeatable(programme, tmp_path):
    a = export_programme(programme, "datapackage", tmp_path / "a.zip").path.read_bytes()
    b = export_programme(programme, "datapackage", tmp_path / "b.zip").path.read_bytes()
    assert a == b


# --------------------------------------------------------------------------- spreadsheet safety

HOSTILE = ["=HYPERLINK(\"http://evil\",\"klik\")", "+31 6 1234", "-2 % budget", "@SUM(A1)",
           "\tgetabt", "\rCR"]


@pytest.fixture
def hostile(programme):
    """The programme with notes and a commitment title a spreadsheet would run as formulas."""
    upd = programme.commitment_updates.copy()
    upd.loc[upd.index[: len(HOSTILE)], "note"] = HOSTILE
    com = programme.commitments.copy()
    com.loc[com.index[0], "title_nl"] = "=1+1"
    return programme.replace(commitment_updates=upd, commitments=com)


def test_neutralise_prefixes_only_formula_starts():
    assert [neutralise(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [neutralise(v) for v in ["Budget", "1+1", "", None, 5, -5.0]] == ["Budget", "1+1", "", None, 5, -5.0]


def test_workbook_cells_are_text_not_formulas(hostile, tmp_path):
    done = export_programme(hostile, "xlsx", tmp_path / "all.xlsx")
    assert done.notes[0].startswith("7 text cells starting with = + - @ got a leading apostrophe")
    wb = openpyxl.load_workbook(done.path)
    notes = [c.value for (c,) in wb["commitment_updates"].iter_rows(min_row=2, max_row=7, min_col=5, max_col=5)]
    # XML turns a bare carriage return into a line feed on reading; the apostrophe stays
    assert notes == ["'" + v.replace("\r", "\n") for v in HOSTILE]
    cell = wb["commitments"]["E2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
    assert not any(c.data_type == "f" for ws in wb for row in ws.iter_rows() for c in row)


def test_kumu_labels_are_neutralised(hostile, tmp_path):
    path = export_programme(hostile, "kumu", tmp_path / "k.xlsx").path
    wb = openpyxl.load_workbook(path)
    labels = {r[0].value: r[1] for r in wb["Elements"].iter_rows(min_row=2)}
    first = hostile.commitments["id"].iloc[0]
    assert (labels[f"commitment:{first}"].value, labels[f"commitment:{first}"].data_type) == ("'=1+1", "s")
    assert not any(c.data_type == "f" for ws in wb for row in ws.iter_rows() for c in row)


def test_datapackage_csvs_are_neutralised_and_say_so(hostile, tmp_path):
    # io.table_to_csv does not quote a bare carriage return, so the package refuses one: leave it out
    upd = hostile.commitment_updates.copy()
    upd.loc[upd.index[len(HOSTILE) - 1], "note"] = "=CR"
    path = export_programme(hostile.replace(commitment_updates=upd), "datapackage", tmp_path / "p.zip").path
    with zipfile.ZipFile(path) as z:
        notes = pd.read_csv(z.open("commitment_updates.csv"), dtype=str)["note"].tolist()
        meta = json.loads(z.read("datapackage.json"))
    assert notes[: len(HOSTILE)] == ["'" + v for v in HOSTILE[:-1] + ["=CR"]]
    assert meta["spreadsheet_safety"].startswith("7 text values that began with =, +, -, @")


# --------------------------------------------------------------------------- CLI

def test_cli_formats_are_the_library_formats():
    export = build_parser()._subparsers._group_actions[0].choices["export"]
    (fmt,) = [a for a in export._actions if a.dest == "format"]
    assert set(fmt.choices) == set(FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_cli_export_writes_every_format(pkg, tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", fmt, "--data", str(pkg)]) == 0
    expected = tmp_path / f"middenvelddialogen-brede-welvaart{FORMATS[fmt]}"
    assert capsys.readouterr().out == f"wrote {expected.name}\n"
    assert expected.stat().st_size > 1000
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write: no leftovers


def test_cli_public_datapackage_name_and_unknown_format(pkg, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "datapackage", "--public", "--data", str(pkg)]) == 0
    assert (tmp_path / "middenvelddialogen-brede-welvaart-public.zip").is_file()
    with pytest.raises(labkit.LabkitError, match="unknown export format 'pdf'"):
        export_programme(labkit.load(pkg), "pdf")

"""A programme of one's own, the whole way as the README tells it: ``labkit new`` →
``labkit workbook`` → a person fills it in (openpyxl; and a copy LibreOffice saved) →
``labkit import workbook --dry-run`` → ``labkit import workbook`` → ``labkit validate``,
``analyse``, ``summary`` → ``labkit reports`` → the dashboard in Chromium.

The programme is :mod:`own_programme`'s Regiodeal Twente (two themes, its own host and
organiser, four sessions of three kinds of table of its own, a dozen organisations, twenty
people, a roadmap of two stages, commitments with progress): what the workbook path makes
must hold what the Python API makes, and none of the 2021 programme's words.
"""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import labkit
import own_programme as own
from conftest import PageWatch
from labkit.app import serve
from labkit.cli import main
from labkit.data import schema

FIXTURES = Path(__file__).parent / "fixtures"
#: The filled workbook as LibreOffice Calc saved it (made by ``python tests/own_programme.py``).
LIBREOFFICE = FIXTURES / "regiodeal-new-libreoffice.xlsx"


def snapshot(folder: Path) -> dict:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The folders of the path: the new package, the workbooks, the package after import."""
    root = tmp_path_factory.mktemp("path")
    folder = root / "regiodeal-twente"
    assert main(["new", str(folder), "--title", own.TITLE]) == 0
    blank = root / "regiodeal.xlsx"
    assert main(["workbook", str(folder), "-o", str(blank)]) == 0
    new = snapshot(folder)
    sectors = dict(zip(labkit.load(folder).sectors["id"], labkit.load(folder).sectors["name_nl"]))
    filled = root / "regiodeal-ingevuld.xlsx"
    own.fill_new_workbook(blank, filled, sectors)
    return {"root": root, "folder": folder, "new": new, "filled": filled}


@pytest.fixture(scope="module")
def imported(made, tmp_path_factory):
    assert main(["import", "workbook", str(made["filled"]), "--data", str(made["folder"])]) == 0
    return made["folder"]


def _labels(p) -> dict[str, dict]:
    """id -> what a person calls the row, for the tables others refer to."""
    t = p.tables
    people = {r.id: r.name if isinstance(r.name, str) else r.id for r in t["participants"].itertuples()}
    return {"organisations": dict(zip(t["organisations"]["id"], t["organisations"]["name"])),
            "participants": people, "sessions": dict(zip(t["sessions"]["id"], t["sessions"]["title_nl"])),
            "themes": dict(zip(t["themes"]["id"], t["themes"]["name_nl"])),
            "table_kinds": dict(zip(t["table_kinds"]["id"], t["table_kinds"]["name_nl"])),
            "roadmap_stages": dict(zip(t["roadmap_stages"]["id"], t["roadmap_stages"]["name_nl"])),
            "commitments": dict(zip(t["commitments"]["id"], t["commitments"]["title_nl"])),
            "cases": dict(zip(t["cases"]["id"], t["cases"]["title_nl"]))}


def by_names(p) -> dict[str, list]:
    """Every table as sorted rows, each reference written as the name it points at and the
    ids labkit makes up left out: two packages that say the same compare equal."""
    labels = _labels(p)
    out = {}
    for name in schema.RESOURCE_NAMES:
        df = p.tables[name].copy()
        for fk in schema.BY_NAME[name]["schema"].get("foreignKeys", []):
            field, target = fk["fields"], fk["reference"]["resource"]
            if target in labels and field in df.columns:
                df[field] = [labels[target].get(v, v) if isinstance(v, str) else v for v in df[field]]
        if name == "participants":
            df["id"] = [labels["participants"][i] for i in df["id"]]
        elif "id" in df.columns and name not in schema.REFERENCE:
            df = df.drop(columns="id")
        df = df.drop(columns="source", errors="ignore").astype(object).where(df.notna(), None)
        out[name] = sorted(tuple(str(v) for v in row) for row in df.itertuples(index=False))
    return out


def test_the_new_package_is_valid_and_the_dry_run_writes_nothing(made, capsys):
    folder = made["folder"]
    assert main(["validate", str(folder)]) == 0
    capsys.readouterr()
    assert main(["import", "workbook", str(made["filled"]), "--data", str(folder), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run: nothing written" in out
    for line in ("organisations: 12 added", "participants: 20 added", "sessions: 4 added",
                 "table_kinds: 3 added", "roadmap_stages: 2 added", "commitments: 3 added"):
        assert line in out, out
    assert snapshot(folder) == made["new"]


def test_the_workbook_gives_what_the_python_api_gives(imported, tmp_path, capsys):
    assert main(["validate", str(imported)]) == 0
    typed, api = labkit.load(imported), labkit.load(own.regiodeal(tmp_path / "api"))
    assert typed.meta["programme"] == api.meta["programme"]
    assert by_names(typed) == by_names(api)
    # ids made from what was typed, nothing illustrative
    assert "gemeente-enschede" in set(typed.organisations["id"])
    assert set(typed.participants["id"]) >= {"p-02", "p-20"}
    assert not typed.is_illustrative and set().union(*(set(df["source"]) for df in typed.tables.values()
                                                       if "source" in df and len(df))) >= {"import"}


def test_importing_again_changes_no_byte(imported, made, capsys):
    before = snapshot(imported)
    assert main(["import", "workbook", str(made["filled"]), "--data", str(imported)]) == 0
    assert "0 changes" in capsys.readouterr().out
    assert snapshot(imported) == before


def test_a_copy_saved_by_libreoffice_gives_the_same_package(imported, made, tmp_path):
    folder = tmp_path / "regiodeal-twente"
    assert main(["new", str(folder), "--title", own.TITLE]) == 0
    assert main(["import", "workbook", str(LIBREOFFICE), "--data", str(folder)]) == 0
    assert snapshot(folder) == snapshot(imported)


def test_analyse_and_summary_speak_of_this_programme(imported, capsys):
    assert main(["analyse", "--data", str(imported), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["ties"]["coattendance"]["organisations"] == 12
    assert main(["summary", "--data", str(imported)]) == 0
    out = capsys.readouterr().out
    assert own.TITLE in out and own.SUBTITLE in out and own.ORGANISER in out
    assert "Startbijeenkomst 2" in out and own.foreign_words(out) == []


def test_reports_tell_its_own_story(imported, tmp_path, capsys):
    out = tmp_path / "rapporten"
    assert main(["reports", "--data", str(imported), "--out", str(out)]) == 0
    pages = {f.name: f.read_text(encoding="utf-8") for f in out.glob("*.html")}
    assert len(pages) == 3  # two themes and the index
    text = "\n".join(pages.values())
    assert own.TITLE in text and own.SUBTITLE in text and own.HOST in text
    assert all(name in text for name in own.THEMES) and all(k in text for k in own.KINDS)
    assert own.foreign_words(text) == [] and "illustratief" not in text.casefold()


@pytest.mark.browser
@pytest.mark.slow
def test_the_dashboard_in_the_browser(imported, page, tmp_path_factory, artifacts):
    log = open(tmp_path_factory.mktemp("log") / "voila.log", "w")
    with serve.running(imported, tracebacks=True, log=log, pool_size=1) as base:
        watch = PageWatch(page)
        page.set_default_timeout(60_000)
        page.set_viewport_size({"width": 1280, "height": 1500})
        page.goto(f"{base}/voila/render/dashboard.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".lk-app .vega-embed svg")
        assert page.locator(".lk-app h1").inner_text() == own.TITLE
        assert own.HOST in page.locator(".lk-app .lk-sub").inner_text()
        assert page.locator(".lk-app [role=note]").count() == 0  # nothing illustrative
        seen = [page.locator(".lk-app").inner_text(), page.content()]
        page.screenshot(path=str(artifacts / "own-path-dashboard-1.png"), full_page=True)
        page.get_by_role("tab", name="Routekaart").click()
        page.wait_for_function("[...document.querySelectorAll('.lk-app svg text')]"
                               f".some(t => t.textContent.includes({own.STAGES[1]!r}))")
        page.screenshot(path=str(artifacts / "own-path-dashboard-3-routekaart.png"), full_page=True)
        seen += [page.locator(".lk-app").inner_text(), page.content()]
        watch.assert_clean()
    log.close()
    text = "\n".join(seen)
    assert own.THEMES[0] in text and own.foreign_words(text) == []

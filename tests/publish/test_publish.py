"""labkit publish without a browser: what it writes, the same bytes twice, a whole swap or none.

The site in Chromium, from disk and from two web servers, and the hostile corpus
through ``publish --public``: test_publish_browser.py.
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import labkit
from conftest import DATA
from labkit.cli import main
from labkit.data.model import programme_words
from labkit.errors import ParameterError
from labkit.publish import is_site, pages, publish, text

THEMES = ["samen-leven", "innovatie-digitalisering", "brede-welvaart", "leefomgeving"]
SECRET = "Jan Geheimhouder"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    """The embedded data published without reports (they are slow; see the tests marked slow)."""
    out = tmp_path_factory.mktemp("quick") / "site"
    publish(DATA, out, public=True, reports=False)
    return out


def test_the_site_has_its_pages_assets_and_downloads(quick):
    files = tree(quick)
    assert "index.html" in files and files["favicon.ico"].startswith(b"\0\0\1\0")  # no 404 for browsers' icon
    for lang in ("nl", "en"):
        for theme in THEMES:
            assert f"{lang}/{theme}.html" in files
    assets = sorted(n for n in files if n.startswith("assets/"))
    assert sorted(re.sub(r"-[0-9a-f]{16}\.", "-#.", n) for n in assets) == [
        "assets/labkit-vega-#.js", "assets/site-#.css", "assets/site-#.js"]
    assert sorted(n for n in files if n.startswith("downloads/")) == [
        "downloads/middenvelddialogen-brede-welvaart-public.xlsx",
        "downloads/middenvelddialogen-brede-welvaart-public.zip"]
    assert is_site(quick)


def test_every_link_stays_inside_the_site_and_leads_somewhere(quick):
    for page in sorted(quick.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"]*)"', html):
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc, f"{page}: {url} leaves the site"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_relative_to(quick.resolve()), f"{page}: {url} leaves the site"
                assert target.is_file(), f"{page}: {url} leads nowhere"
            if parts.fragment and parts.path.endswith(".html") and "/reports/" not in str(page.parent / parts.path):
                target_html = (page.parent / parts.path).read_text(encoding="utf-8")
                assert f'id="{parts.fragment}"' in target_html, f"{page}: {url}: no such section"


def test_pages_load_only_the_sites_own_scripts(quick):
    page = (quick / "nl" / "brede-welvaart.html").read_text(encoding="utf-8")
    assert f'content="{pages.esc(pages.CSP)}"' in page
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert [s for s in scripts if "src=" not in s] == ['<script type="application/json" id="lk-specs">']
    assert all(re.search(r'src="\.\./assets/(labkit-vega|site)-[0-9a-f]{16}\.js"', s)
               for s in scripts if "src=" in s)
    markup = re.sub(r'<script type="application/json".*?</script>', "", page, flags=re.S)
    assert not re.search(r"<[^>]*\son\w+\s*=", markup), "no inline event handlers"


def test_a_theme_page_holds_the_dashboards_tabs_numbers_and_notice(quick):
    nl = (quick / "nl" / "brede-welvaart.html").read_text(encoding="utf-8")
    en = (quick / "en" / "brede-welvaart.html").read_text(encoding="utf-8")
    for tab in ("Wie deden mee", "Verbindingen", "Routekaart", "Brede welvaart &amp; SDG&#x27;s"):
        assert tab in nl
    assert "Let op: een deel van wat u hier ziet is illustratief" in nl
    assert "Note: part of what you see here is illustrative" in en
    assert '<div class="lk-card"><b>5</b>Sessies</div>' in nl
    # as the report and the dashboard count: the 37 organisations that took part (the network has 38)
    assert '<div class="lk-card"><b>37</b>Organisaties</div>' in nl
    assert '<p class="lk-chance">De organisaties zaten even vaak met andere sectoren aan tafel' in nl
    assert '<p class="lk-chance">Organisations sat at the table with other sectors as often as chance' in en
    assert '<a class="lk-lang" href="../en/brede-welvaart.html" hreflang="en" lang="en">English</a>' in nl
    specs = json.loads(re.search(r'id="lk-specs">(.*?)</script>', nl, re.S).group(1))["specs"]
    assert sorted(specs) == sorted(["composition", "continuity", "network", "mixing", "ei", "ego", "roadmap",
                                    "progress", "welfare", "sdg"])
    assert {p["name"] for p in specs["network"]["params"]} == {"sector", "table", "size_by"}
    assert [p["name"] for p in specs["ego"]["params"]] == ["org"]
    # each filter names a parameter of the chart it drives
    for chart, signal in re.findall(r'<select data-chart="(\w+)" data-signal="(\w+)">', nl):
        assert signal in {p["name"] for p in specs[chart]["params"]}
    # an organisation's panel for every organisation the picker offers
    offered = re.findall(r'<option value="(org:[^"]+)">', nl)
    assert len(offered) == 38 and set(offered) == set(re.findall(r'data-org="([^"]+)"', nl))


def test_a_theme_without_sessions_says_so(quick):
    page = (quick / "en" / "samen-leven.html").read_text(encoding="utf-8")
    assert "No sessions have been recorded for this theme yet." in page
    assert page.count("This theme has no data for this tab yet.") == 3  # the first tab shows its zeros


def test_the_index_names_the_programme_its_themes_and_the_downloads(quick):
    index = (quick / "index.html").read_text(encoding="utf-8")
    # the programme's own words, from its package
    assert "<h1>Middenvelddialogen 2021</h1>" in index and "Civil-society dialogues 2021" in index
    assert "Nederland na de crisis" in index and "The Netherlands after the crisis" in index
    assert "Appreciative Inquiry" in index and "Rijksoverheid, programma-DG Samenleving" in index
    for theme in THEMES:
        assert f'href="nl/{theme}.html"' in index and f'href="en/{theme}.html"' in index
    assert 'lang="nl"' in index and 'lang="en"' in index
    assert index.count('href="downloads/middenvelddialogen-brede-welvaart-public.zip" download') == 2
    assert "Openbare uitgave" in index and "Public release" in index


def test_the_programme_title_comes_from_the_package():
    meta = {"title": "Titel", "programme": {"title_nl": "Programma", "title_en": ""}}
    assert programme_words(meta, "nl")["title"] == "Programma"
    assert programme_words(meta, "en")["title"] == "Programma"  # no English title: the Dutch one
    assert programme_words({"name": "pakket"}, "en")["title"] == "pakket"


def test_the_site_words_match_in_both_languages():
    assert text.NL.keys() == text.EN.keys()
    for key in text.NL:
        assert re.findall(r"{\w+}", text.NL[key]) == re.findall(r"{\w+}", text.EN[key]), key


def test_the_workbook_is_pinned_to_the_datas_date(quick):
    with zipfile.ZipFile(quick / "downloads" / "middenvelddialogen-brede-welvaart-public.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count("2026-08-16T00:00:00Z") == 2  # created and modified: the latest date in the data


def test_it_refuses_to_replace_a_folder_it_did_not_write(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(ParameterError, match="did not write"):
        publish(DATA, mine, reports=False)
    assert (mine / "notes.txt").read_text() == "keep me"
    (tmp_path / "file").write_text("x")
    with pytest.raises(ParameterError, match="is a file"):
        publish(DATA, tmp_path / "file", reports=False)
    empty = tmp_path / "empty"
    empty.mkdir()
    publish(DATA, empty, reports=False)
    assert is_site(empty)


def test_a_failure_half_way_leaves_the_old_site_whole(tmp_path, monkeypatch):
    out = tmp_path / "site"
    publish(DATA, out, reports=False)
    before = tree(out)
    calls = []

    def fail_on_the_third(site, data, lang):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return "<p>new</p>"

    monkeypatch.setattr(pages, "theme_page", fail_on_the_third)
    with pytest.raises(RuntimeError, match="disk full"):
        publish(DATA, out, public=True, reports=False)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no half-built folder beside it


def test_a_new_site_replaces_the_old_one_whole(tmp_path, pkg):
    out = tmp_path / "site"
    publish(DATA, out, reports=False)
    (out / "nl" / "stale.html").write_text("from before")
    p = labkit.load(pkg)
    themes = p.themes[p.themes["id"] != "leefomgeving"]
    p.replace(themes=themes).save()
    publish(pkg, out, reports=False)
    assert not (out / "nl" / "stale.html").exists()
    assert not (out / "nl" / "leefomgeving.html").exists()
    assert (out / "nl" / "brede-welvaart.html").is_file()


@pytest.mark.slow
def test_without_public_the_downloads_hold_the_names_and_the_command_says_so(tmp_path, pkg, capsys):
    p = labkit.load(pkg)
    people = p.participants.copy()
    people.loc[~people["consent_named"].astype(bool), "name"] = SECRET
    p.replace(participants=people).save()
    out = tmp_path / "site"
    assert main(["publish", "--data", str(pkg), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    notes = [line for line in captured.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "for inside the lab" in notes[0] and "39 participants" in notes[0]
    assert f"site written to {out}" in captured.out
    with zipfile.ZipFile(out / "downloads" / "middenvelddialogen-brede-welvaart.zip") as z:
        assert SECRET in z.read("participants.csv").decode()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Alleen voor gebruik binnen het lab" in index


@pytest.mark.slow
def test_the_same_data_give_the_same_bytes(tmp_path):
    """Twice, once in this process and once through the command in a fresh one (other hash seed)."""
    a, b = tmp_path / "a", tmp_path / "b"
    publish(DATA, a, public=True)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "labkit", "publish", "--data", str(DATA), "--out", str(b), "--public"],
                   check=True, env=env, capture_output=True)
    ta, tb = tree(a), tree(b)
    assert sorted(ta) == sorted(tb)
    assert any(n.startswith("reports/en/") for n in ta) and any(n.startswith("reports/nl/") for n in ta)
    assert not [n for n in ta if n.endswith(".ipynb")]
    different = [n for n in ta if ta[n] != tb[n]]
    assert different == []
    assert filecmp.dircmp(a, b).diff_files == []


def test_a_failed_report_publishes_nothing_and_the_command_says_which(tmp_path, monkeypatch, capsys):
    from labkit.report import runner
    out = tmp_path / "site"
    publish(DATA, out, reports=False)
    before = tree(out)

    def failing(**kwargs):
        raise runner.ReportsFailed([runner.Outcome("brede-welvaart", False, cell=4, cell_id="figures",
                                                   ename="ValueError", evalue="boom")])

    monkeypatch.setattr(runner, "run_reports", failing)
    assert main(["publish", "--data", str(DATA), "--out", str(out), "--public"]) == 1
    err = capsys.readouterr().err
    assert "report 'brede-welvaart' failed in cell 4" in err and "ValueError: boom" in err
    assert f"no site was written; {out}/ is as it was" in err
    assert tree(out) == before

import json
import subprocess
import sys
from importlib.metadata import version

import pytest

import labkit
from labkit.cli import main
from conftest import DATA, ROOT


def test_validate_clean(capsys):
    assert main(["validate", str(DATA)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"{DATA}: valid data package, 22 tables,")
    assert len(out.splitlines()) == 1


def test_validate_lists_every_problem_and_exits_1(pkg, capsys):
    f = pkg / "organisations.csv"
    f.write_text(f.read_text(encoding="utf-8").replace("fnv,FNV,union", "fnv,FNV,vakbond")
                 .replace("ser,SER,", "ser ,SER,"), encoding="utf-8")
    assert main(["validate", str(pkg)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("organisations.csv:") for line in lines)
    assert "2 problems — nothing was changed" in captured.err


def test_summary_json(capsys):
    assert main(["summary", "--data", str(DATA), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["organisations"] == 38
    assert sum(s["organisations_by_sector"].values()) == 38
    assert s["participants"] == {"total": 45, "named": 6, "pseudonymous": 39}
    assert s["sessions_per_theme"] == {"samen-leven": 0, "innovatie-digitalisering": 0,
                                       "brede-welvaart": 5, "leefomgeving": 0}
    assert sum(s["commitments_by_stage"].values()) == s["commitments"] == 14
    assert sum(s["commitments_by_status"].values()) == 14
    assert s["graph"]["nodes"] == sum(s["graph"]["nodes_by_kind"].values())
    assert s["graph"]["edges"] == sum(s["graph"]["edges_by_kind"].values())
    assert s["provenance"]["illustrative"] is True


def test_summary_text_says_illustrative(capsys):
    assert main(["summary", "--data", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "Regina Bouius-Riemersma" in out and "Bedrijfsleven" in out
    assert "illustratieve rijen" in out


def test_summary_on_bad_package_exits_1(pkg, capsys):
    (pkg / "sessions.csv").write_text("", encoding="utf-8")
    assert main(["summary", "--data", str(pkg)]) == 1
    assert "sessions.csv: — the file is empty" in capsys.readouterr().err


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "labkit", "validate", str(DATA)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_summary_names_stages_and_statuses_in_dutch(capsys):
    assert main(["summary", "--data", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "1. Financiële middelen verbinden aan kortetermijndoelen" in out
    assert "in uitvoering 5" in out and "afgerond 8" in out
    assert "Brede economische en maatschappelijke welvaart: 5 sessies" in out
    for raw in ("stage-1", "in_progress", "completed", "brede-welvaart"):
        assert raw not in out
    # the report's count: 37 organisations took part; the host's province is counted apart
    assert "Organisaties per sector (38; deelnemend 37, alleen van de host of organisatie: Provincie Drenthe)" in out


def test_summary_in_english(capsys):
    assert main(["summary", "--data", str(DATA), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1. Tie financial means to short-term goals" in out
    assert "Commitments by status: in progress 5, completed 8, dropped 1" in out
    assert "Participants: 45 (6 named, 39 under a pseudonym)" in out
    assert "stage-1" not in out and "in_progress" not in out and "Toezeggingen" not in out

def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out == "labkit 0.1.0\n"
    assert labkit.__version__ == version("labkit") == "0.1.0"  # the package and its metadata agree

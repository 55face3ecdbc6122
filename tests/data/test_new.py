"""labkit new: a valid, empty programme of one's own, and the example's generator kept off it."""

import json

import pandas as pd
import pytest

import labkit
from labkit.cli import main
from labkit.data import illustrative, schema
from labkit.data.new import new_programme
from labkit.errors import ParameterError
from conftest import DATA


def test_new_then_validate(tmp_path, capsys, programme):
    target = tmp_path / "regiodeal-twente"
    assert main(["new", str(target), "--title", "Regiodeal Twente: brede welvaart 2026",
                 "--description", "Samen aan de slag in Twente."]) == 0
    assert "labkit workbook" in capsys.readouterr().out
    assert main(["validate", str(target)]) == 0
    p = labkit.load(target)
    # every table with its schema; the reference tables filled from the embedded example
    assert set(p.tables) == set(schema.RESOURCE_NAMES)
    for name in schema.REFERENCE:
        pd.testing.assert_frame_equal(p.tables[name], programme.tables[name])
    assert {n for n, df in p.tables.items() if len(df)} == set(schema.REFERENCE)
    # the programme's own words, and nothing illustrative
    assert p.words("nl") == {"title": "Regiodeal Twente: brede welvaart 2026", "subtitle": "",
                            "introduction": "Samen aan de slag in Twente.", "organiser": "",
                            "period_start": "", "period_end": "", "source": ""}
    assert p.words("en")["title"] == "Regiodeal Twente: brede welvaart 2026"  # falls back to Dutch
    assert not p.is_illustrative
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "regiodeal-twente-brede-welvaart-2026"
    assert list(descriptor["programme"]) == list(schema.PROGRAMME_KEYS)
    assert "middenvelddialogen" not in json.dumps(descriptor).casefold()
    # and a README on how to fill it in
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Regiodeal Twente: brede welvaart 2026")
    for step in (f"labkit workbook {target.name} -o programma.xlsx",
                 f"labkit import workbook programma.xlsx --data {target.name} --dry-run", '"programme"'):
        assert step in readme


def test_new_in_english(tmp_path):
    p = new_programme(tmp_path / "deal", title="Twente Region Deal", description="Working together.",
                      lang="en")
    assert p.words("en")["title"] == p.words("nl")["title"] == "Twente Region Deal"
    assert p.words("en")["introduction"] == "Working together."
    assert "labkit workbook deal -o programme.xlsx --lang en" in (tmp_path / "deal" / "README.md").read_text()


def test_new_into_an_empty_folder_is_fine(tmp_path):
    new_programme(tmp_path, title="Leeg")
    assert labkit.load(tmp_path).words()["title"] == "Leeg"


def test_a_folder_with_anything_in_it_is_refused_in_one_line(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path), "--title", "X"]) == 2
    err = capsys.readouterr().err
    assert err == (f"labkit: {tmp_path} is not empty: labkit new writes a new programme into a new or empty "
                   "folder only, so that nothing of yours is overwritten\n")
    assert [f.name for f in tmp_path.iterdir()] == ["notes.txt"]
    with pytest.raises(ParameterError, match="is a file"):
        new_programme(tmp_path / "notes.txt", title="X")
    with pytest.raises(ParameterError, match="title"):
        new_programme(tmp_path / "x", title="  ")
    assert not (tmp_path / "x").exists()


def test_the_illustrative_generator_never_touches_a_users_programme(tmp_path, capsys):
    target = tmp_path / "mine"
    new_programme(target, title="Mijn programma")
    before = {f.name: f.read_bytes() for f in target.iterdir()}
    with pytest.raises(ParameterError, match="not the embedded example"):
        illustrative.regenerate(target)
    assert illustrative.main([str(target)]) == 2
    assert "never for a programme of yours" in capsys.readouterr().err
    assert {f.name: f.read_bytes() for f in target.iterdir()} == before


def test_the_generator_still_regenerates_the_example(pkg):
    before = {f.name: f.read_bytes() for f in pkg.iterdir()}
    illustrative.regenerate(pkg)
    assert {f.name: f.read_bytes() for f in pkg.iterdir()} == before == {
        f.name: f.read_bytes() for f in DATA.iterdir() if f.is_file()}


def test_a_new_package_is_a_standard_data_package(tmp_path):
    import warnings
    new_programme(tmp_path / "new", title="Regiodeal Twente")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # frictionless' own deprecations are not ours
        from frictionless import Package
        report = Package(str(tmp_path / "new" / "datapackage.json")).validate()
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:10]

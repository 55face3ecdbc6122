"""Bad input gets a clear error naming file, line, column and value; nothing is lost."""

import hashlib
import json
import os

import pytest

import labkit
from labkit.data import io
from labkit.errors import DataPackageError


def problems_of(path):
    return [str(p) for p in io.validate_package(path)]


def edit(path, name, old, new, count=1):
    f = path / name
    text = f.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    f.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, name, needle):
    for i, line in enumerate((path / name).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_embedded_package_is_clean():
    from conftest import DATA
    assert io.validate_package(DATA) == []


def test_not_utf8_is_named_with_its_line(pkg):
    f = pkg / "organisations.csv"
    line = line_of(pkg, "organisations.csv", "Trimbos Instituut")
    data = f.read_bytes().replace("Trimbos Instituut".encode(), "Trimbos Institüt".encode("cp1252"))
    f.write_bytes(data)
    (p,) = problems_of(pkg)
    assert p.startswith(f"organisations.csv:{line}: value '0xfc'")
    assert "not UTF-8" in p and "CSV UTF-8" in p


def test_byte_order_mark_is_accepted(pkg):
    f = pkg / "organisations.csv"
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    p = labkit.load(pkg)
    assert p.organisations.columns[0] == "id"
    assert "ABN-AMRO" in set(p.organisations["name"])


def test_missing_and_extra_columns(pkg):
    edit(pkg, "organisations.csv", "id,name,sector,sector_note,source", "id,name,sektor,sector_note,source")
    found = problems_of(pkg)
    assert "organisations.csv:1: column 'sektor': — column not in the schema; remove it, or rename it to one of: id, name, sector, sector_note, source" in found
    assert "organisations.csv:1: column 'sector': — column missing from the header; add it (leave the cells empty if unknown and the field is optional)" in found


def test_column_name_with_spaces_gets_a_specific_hint(pkg):
    edit(pkg, "organisations.csv", "id,name,", "id, name ,")
    assert any("column ' name ':" in p and "remove the spaces around it: 'name'" in p for p in problems_of(pkg))


def test_empty_file(pkg):
    (pkg / "sessions.csv").write_text("", encoding="utf-8")
    found = problems_of(pkg)
    assert any(p.startswith("sessions.csv: — the file is empty; it needs at least a header row: id,theme_id,kind")
               for p in found)


def test_header_only_reference_table_is_refused(pkg):
    (pkg / "sectors.csv").write_text("id,name_nl,name_en,description,order,source\n", encoding="utf-8")
    found = problems_of(pkg)
    assert "sectors.csv:1: — the table has a header but no rows; labkit needs at least one row in sectors.csv" in found
    # and every reference to the sectors it lost is reported too, all at once
    assert any(p.startswith("organisations.csv:") and "no row in sectors.csv" in p for p in found)


def test_a_programme_may_start_without_organisations_themes_or_roadmap(pkg):
    # labkit new writes such a package: only the reference tables hold rows
    for name in ("organisations", "themes", "roadmap_stages"):
        header = (pkg / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        (pkg / f"{name}.csv").write_text(header + "\n", encoding="utf-8")
    found = problems_of(pkg)
    assert not any("header but no rows" in p for p in found)
    assert any("no row in organisations.csv" in p for p in found)  # the references still are checked


def test_header_only_event_table_is_a_valid_state(pkg):
    (pkg / "quotes.csv").write_text("id,theme_id,participant_id,session_id,session_order,category,form,"
                                    "text_nl,source\n",
                                    encoding="utf-8")
    assert len(labkit.load(pkg).quotes) == 0


def test_duplicate_ids_name_both_lines(pkg):
    first = line_of(pkg, "organisations.csv", "fnv,FNV")
    with open(pkg / "organisations.csv", "a", encoding="utf-8") as f:
        f.write("fnv,FNV bis,union,,report:deelnemers\n")
    last = len((pkg / "organisations.csv").read_text(encoding="utf-8").splitlines())
    assert problems_of(pkg) == [
        f"organisations.csv:{last}: column 'id': value 'fnv' — duplicate of line {first}; give each row its own key, or remove one"]


def test_unknown_reference(pkg):
    line = line_of(pkg, "participants.csv", "p-sleijpen")
    edit(pkg, "participants.csv", "p-sleijpen,Olaf Sleijpen,true,public-source,dnb,",
         "p-sleijpen,Olaf Sleijpen,true,public-source,dnbb,")
    assert problems_of(pkg) == [
        f"participants.csv:{line}: column 'organisation_id': value 'dnbb' — no row in organisations.csv has this id; add it to organisations.csv or correct the reference"]


def test_value_outside_enum(pkg):
    line = line_of(pkg, "organisations.csv", "fnv,FNV")
    edit(pkg, "organisations.csv", "fnv,FNV,union", "fnv,FNV,vakbond")
    found = problems_of(pkg)
    # 'sector' is a foreign key into sectors.csv: the message says where valid values live
    assert found == [f"organisations.csv:{line}: column 'sector': value 'vakbond' — no row in sectors.csv has this id; add it to sectors.csv or correct the reference"]
    edit(pkg, "sessions.csv", "bw-focus,brede-welvaart,focustafel", "bw-focus,brede-welvaart,focus")
    # kinds of table are the programme's own: a foreign key into table_kinds.csv
    assert any("column 'kind': value 'focus' — no row in table_kinds.csv has this id; add it to "
               "table_kinds.csv or correct the reference" in p for p in problems_of(pkg))
    edit(pkg, "commitment_updates.csv", ",proposed,", ",voorgesteld,")
    assert any("column 'status': value 'voorgesteld' — not an allowed value; use one of: proposed, planned" in p
               for p in problems_of(pkg))


def test_impossible_date(pkg):
    text = (pkg / "commitment_updates.csv").read_text(encoding="utf-8")
    first_date = text.splitlines()[1].split(",")[1]
    edit(pkg, "commitment_updates.csv", first_date, "2021-02-30")
    assert problems_of(pkg) == [
        "commitment_updates.csv:2: column 'date': value '2021-02-30' — not a real date; check day and month (YYYY-MM-DD)"]


@pytest.mark.parametrize("bad,shown", [(" fnv", " fnv"), ("fnv ", "fnv "), ("fnv\u00a0", "fnv\\u00a0")])
def test_spaces_in_keys(pkg, bad, shown):
    line = line_of(pkg, "organisations.csv", "fnv,FNV")
    edit(pkg, "organisations.csv", "fnv,FNV,", f"{bad},FNV,")
    found = problems_of(pkg)
    assert f"organisations.csv:{line}: column 'id': value '{shown}' — a key with leading/trailing or non-breaking spaces; remove the spaces; keys must match exactly" in found


def test_descriptor_not_json(pkg):
    f = pkg / "datapackage.json"
    f.write_text(f.read_text(encoding="utf-8").replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    (p,) = problems_of(pkg)
    assert p.startswith("datapackage.json:") and "not valid JSON at column" in p


def test_descriptor_names_missing_file(pkg):
    (pkg / "quotes.csv").unlink()
    assert problems_of(pkg) == [
        "datapackage.json: value 'quotes.csv' — resource 'quotes' names a file that does not exist; create quotes.csv (a header row at least) or fix its 'path'"]


def test_wrong_number_of_values(pkg):
    line = line_of(pkg, "organisations.csv", "fnv,FNV")
    edit(pkg, "organisations.csv", "fnv,FNV,union,", "fnv,FNV,union,,,")
    assert problems_of(pkg) == [
        f"organisations.csv:{line}: — has 7 values but the header has 5; check for a missing or extra comma, or a value with a comma that needs quotes"]


def test_all_problems_at_once_in_one_error(pkg):
    edit(pkg, "organisations.csv", "fnv,FNV,union", "fnv,FNV,vakbond")
    edit(pkg, "sessions.csv", ",2021-03,", ",2021-13,")
    f = pkg / "quotes.csv"
    f.write_bytes(f.read_bytes().replace("Meer kansengelijkheid".encode(), "Meer kansengelijkheid \xe9".encode("latin-1")))
    with pytest.raises(DataPackageError) as e:
        labkit.load(pkg)
    files = {p.file for p in e.value.problems}
    assert files == {"organisations.csv", "sessions.csv", "quotes.csv"}
    assert str(e.value).startswith(f"{pkg}: 3 problems in the data package\n")


def _snapshot(path):
    return {f.name: (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
            for f in sorted(path.iterdir())}


def test_loading_never_writes(pkg):
    before = _snapshot(pkg)
    labkit.load(pkg).graph  # noqa: B018 - build the graph too
    edit(pkg, "organisations.csv", "fnv,FNV,union", "fnv,FNV,vakbond")
    before_bad = _snapshot(pkg)
    with pytest.raises(DataPackageError):
        labkit.load(pkg)
    assert _snapshot(pkg) == before_bad
    assert set(before) == set(before_bad)


def test_round_trip_is_lossless_and_byte_identical(pkg, tmp_path):
    p = labkit.load(pkg)
    before = _snapshot(pkg)
    p.save()  # unchanged data: not a byte, not even an mtime, changes
    assert _snapshot(pkg) == before
    out = tmp_path / "copy"
    p.save(out)
    for f in pkg.iterdir():
        assert (out / f.name).read_bytes() == f.read_bytes(), f.name
    q = labkit.load(out)
    for name in p.tables:
        assert p.tables[name].equals(q.tables[name]), name


def test_failed_save_writes_nothing(pkg):
    p = labkit.load(pkg)
    before = _snapshot(pkg)
    orgs = p.organisations.copy()
    orgs.loc[0, "sector"] = "nonsense"
    with pytest.raises(DataPackageError) as e:
        p.replace(organisations=orgs).save()
    assert "organisations.csv:2: column 'sector': value 'nonsense'" in str(e.value)
    assert _snapshot(pkg) == before


def test_interrupted_save_keeps_previous_files(pkg, monkeypatch):
    p = labkit.load(pkg)
    orgs = p.organisations.copy()
    orgs.loc[0, "name"] = "ABN AMRO Bank"
    quotes = p.quotes.copy()
    quotes.loc[0, "text_nl"] = "Iets anders."
    before = {f.name: f.read_bytes() for f in pkg.iterdir()}
    calls = []
    real = os.replace

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk full")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        p.replace(organisations=orgs, quotes=quotes).save()
    monkeypatch.undo()
    after = {f.name: f.read_bytes() for f in pkg.iterdir()}
    assert set(after) == set(before), "no temporary file is left behind"
    changed = [n for n in before if after[n] != before[n]]
    assert len(changed) <= 1  # each file is either the old one or the complete new one
    labkit.load(pkg)  # still a valid package


def test_atomic_path_cleans_up_on_error(tmp_path):
    target = tmp_path / "out.html"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with io.atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_descriptor_matches_labkit_schema():
    from conftest import DATA
    from labkit.data import schema
    d = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert d["resources"] == schema.RESOURCES
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == io.descriptor_text(
        {k: v for k, v in d.items() if k != "resources"})


def test_descriptor_schema_edit_is_reported(pkg):
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"][0]["schema"]["fields"].pop()
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert problems_of(pkg) == [
        "datapackage.json: value 'sectors' — the resource's Table Schema differs from labkit's; restore it from labkit/data/schema.py (labkit.save writes it)"]


def test_text_with_line_breaks_quotes_and_commas_round_trips(pkg, tmp_path):
    p = labkit.load(pkg)
    q = p.quotes.copy()
    q.loc[0, "text_nl"] = 'een\rtwee\r\ndrie "vier", vijf\n zes '
    p.replace(quotes=q).save(tmp_path / "out")
    assert labkit.load(tmp_path / "out").quotes.loc[0, "text_nl"] == q.loc[0, "text_nl"]


# ------------------------------------------------------------ the programme's own words

def set_programme(pkg, **changes):
    """Change keys of the descriptor's ``programme`` object (None removes one)."""
    f = pkg / "datapackage.json"
    d = json.loads(f.read_text(encoding="utf-8"))
    for k, v in changes.items():
        if v is None:
            d["programme"].pop(k, None)
        else:
            d["programme"][k] = v
    f.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_programme_words_are_checked_like_every_other_value(pkg):
    set_programme(pkg, period_start="1-3-2026", period_end="2026-02-30", organiser=12, title_nl=None,
                  kicker="Regiodeal")
    found = problems_of(pkg)
    text = (pkg / "datapackage.json").read_text(encoding="utf-8").splitlines()
    line = {k: next(i for i, x in enumerate(text, 1) if f'"{k}":' in x) for k in
            ("programme", "period_start", "period_end", "organiser", "kicker")}
    assert sorted(found) == sorted([
        f"datapackage.json:{line['programme']}: column 'programme.title_nl': — the programme needs a Dutch "
        "title; add \"title_nl\": \"...\" to the \"programme\" object (labkit new writes it)",
        f"datapackage.json:{line['organiser']}: column 'programme.organiser': value '12' — not text; "
        "write the value in double quotes",
        f"datapackage.json:{line['period_start']}: column 'programme.period_start': value '1-3-2026' — "
        "not a date; write it as YYYY-MM-DD, e.g. 2026-03-01",
        f"datapackage.json:{line['period_end']}: column 'programme.period_end': value '2026-02-30' — "
        "not a real date; check day and month (YYYY-MM-DD)",
        f"datapackage.json:{line['kicker']}: column 'programme.kicker': value 'Regiodeal' — labkit does not "
        "know this key of 'programme'; remove it or use one of: title_nl, title_en, subtitle_nl, subtitle_en, "
        "introduction_nl, introduction_en, organiser, period_start, period_end, source",
    ])


def test_programme_period_ends_after_it_starts(pkg):
    set_programme(pkg, period_start="2026-06-01", period_end="2026-03-01")
    assert [p for p in problems_of(pkg) if "period_end" in p] == [
        f"datapackage.json:{line_of(pkg, 'datapackage.json', 'period_end')}: column 'programme.period_end': "
        "value '2026-03-01' — before period_start (2026-06-01); swap the two dates or correct one of them"]


def test_programme_must_be_an_object(pkg):
    f = pkg / "datapackage.json"
    d = json.loads(f.read_text(encoding="utf-8"))
    d["programme"] = "Regiodeal Twente"
    f.write_text(json.dumps(d, indent=2), encoding="utf-8")
    (found,) = problems_of(pkg)
    assert "'programme' is not an object" in found and "value 'Regiodeal Twente'" in found


def test_a_package_without_programme_words_is_valid_and_uses_its_title(pkg):
    f = pkg / "datapackage.json"
    d = json.loads(f.read_text(encoding="utf-8"))
    del d["programme"]
    f.write_text(json.dumps(d, indent=2), encoding="utf-8")
    p = labkit.load(pkg)
    assert p.words("en")["title"] == d["title"] and p.words("nl")["introduction"] == ""


def test_english_falls_back_to_dutch_and_dutch_to_english(pkg):
    set_programme(pkg, title_en="", subtitle_nl="", introduction_en=None)
    p = labkit.load(pkg)
    assert p.words("en")["title"] == p.words("nl")["title"] == "Middenvelddialogen 2021"
    assert p.words("nl")["subtitle"] == p.words("en")["subtitle"] == "The Netherlands after the crisis"
    assert p.words("en")["introduction"] == p.words("nl")["introduction"]


def test_saving_bad_programme_words_writes_nothing(pkg):
    p = labkit.load(pkg)
    before = {f.name: f.read_bytes() for f in pkg.iterdir()}
    bad = {**p.meta, "programme": {**p.meta["programme"], "period_end": "morgen"}}
    with pytest.raises(DataPackageError, match="programme.period_end"):
        labkit.Programme(bad, p.tables).save(pkg)
    assert {f.name: f.read_bytes() for f in pkg.iterdir()} == before


def test_a_planned_seat_stands_beside_the_real_one_but_real_seats_are_one_each(pkg):
    with open(pkg / "attendance.csv", "a", encoding="utf-8") as f:
        f.write("bw-focus,p-elzinga,participant,planned\n")
    assert problems_of(pkg) == []
    with open(pkg / "attendance.csv", "a", encoding="utf-8") as f:
        f.write("bw-focus,p-elzinga,participant,import\n")
    last = len((pkg / "attendance.csv").read_text(encoding="utf-8").splitlines())
    assert problems_of(pkg) == [
        f"attendance.csv:{last}: column 'session_id,participant_id': value 'bw-focus,p-elzinga' — "
        "duplicate of line 3 (another source); keep one row per person and session; only a plan's "
        "rows (source 'planned') stand beside them"]


def test_a_package_from_before_attendance_had_source_in_its_key_reads_as_it_did(pkg):
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    att = next(r for r in d["resources"] if r["name"] == "attendance")
    att["schema"]["primaryKey"] = ["session_id", "participant_id"]
    (pkg / "datapackage.json").write_text(json.dumps(d, ensure_ascii=False, indent=2), encoding="utf-8")
    assert problems_of(pkg) == []
    from conftest import DATA
    assert labkit.load(pkg).tables["attendance"].equals(labkit.load(DATA).tables["attendance"])

"""The data package is a standard Frictionless Data Package: other tools read it without labkit."""

import warnings

from labkit.data import schema
from conftest import DATA


def test_every_field_is_described_and_every_table_has_a_key():
    for res in schema.RESOURCES:
        assert res["description"], res["name"]
        assert res["schema"].get("primaryKey"), res["name"]
        for f in res["schema"]["fields"]:
            assert f["description"], (res["name"], f["name"])


def test_foreign_keys_point_at_primary_keys():
    for res in schema.RESOURCES:
        for fk in res["schema"].get("foreignKeys", []):
            target = schema.BY_NAME[fk["reference"]["resource"]]
            assert target["schema"]["primaryKey"] == [fk["reference"]["fields"]]


def test_frictionless_validates_the_embedded_package():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # frictionless' own deprecations are not ours
        from frictionless import Package
        report = Package(str(DATA / "datapackage.json")).validate()
    errors = [e.message for task in report.tasks for e in task.errors] + [e.message for e in report.errors]
    assert report.valid, errors[:10]


def test_frictionless_finds_what_labkit_finds(pkg):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from frictionless import Package
        f = pkg / "organisations.csv"
        f.write_text(f.read_text(encoding="utf-8").replace("fnv,FNV,union", "fnv,FNV,vakbond"), encoding="utf-8")
        report = Package(str(pkg / "datapackage.json")).validate()
    assert not report.valid

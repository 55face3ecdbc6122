"""Where a page's data comes from when no parameter names it."""

from pathlib import Path

from conftest import DATA
from labkit.views.parameters import default_data_dir


def test_default_data_dir_is_the_project_s(monkeypatch):
    monkeypatch.delenv("LABKIT_DATA", raising=False)
    assert default_data_dir() == DATA


def test_default_data_dir_follows_labkit_serve_s_data(monkeypatch, tmp_path):
    monkeypatch.setenv("LABKIT_DATA", str(tmp_path))
    assert default_data_dir() == Path(tmp_path)

"""io.atomic_dir: a folder replaced whole, or not at all."""

import os
import stat
import subprocess
import sys

import pytest

from labkit.data import io


def test_a_new_folder_appears_whole(tmp_path):
    target = tmp_path / "site"
    with io.atomic_dir(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".site.")
        (tmp / "index.html").write_text("new")
        assert not target.exists()
    assert (target / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # nothing left beside it


def test_it_replaces_the_old_folder_whole(tmp_path):
    target = tmp_path / "site"
    (target / "old").mkdir(parents=True)
    (target / "old" / "page.html").write_text("old")
    with io.atomic_dir(target) as tmp:
        (tmp / "index.html").write_text("new")
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failure_leaves_the_old_folder(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old")
    with pytest.raises(RuntimeError, match="half way"):
        with io.atomic_dir(target) as tmp:
            (tmp / "index.html").write_text("new")
            raise RuntimeError("half way")
    assert (target / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_swap_without_renameat2(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old")
    with io.atomic_dir(target) as tmp:
        (tmp / "index.html").write_text("new")
    assert (target / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_web_servers_can_read_it(tmp_path):
    with io.atomic_dir(tmp_path / "site") as tmp:
        (tmp / "a").mkdir()
    mode = stat.S_IMODE(os.stat(tmp_path / "site").st_mode)
    assert mode & 0o055 == 0o055, oct(mode)  # not mkdtemp's 0700


def test_folders_of_runs_that_died_are_removed(tmp_path):
    # a process that has ended: its pid names no running process
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".site.{dead}.abc.tmpdir"
    (stale / "x").mkdir(parents=True)
    alive = tmp_path / f".site.{os.getpid()}.abc.tmpdir"
    alive.mkdir()
    other = tmp_path / f".other.{dead}.abc.tmpdir"
    other.mkdir()
    with io.atomic_dir(tmp_path / "site"):
        pass
    assert not stale.exists()
    assert alive.exists() and other.exists()  # a running build's folder, and another target's

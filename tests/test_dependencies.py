"""Dependency floors exclude the versions with published security advisories."""

import re
import tomllib
from importlib.metadata import version

from conftest import ROOT

# package -> first version without the advisories named in pyproject.toml
FLOORS = {"voila": (0, 5, 6), "jupyter-server": (2, 20), "nbconvert": (7, 17, 1)}


def _tuple(text):
    return tuple(int(x) for x in re.findall(r"\d+", text)[:3])


def test_pyproject_floors_exclude_advisories():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    found = {}
    for dep in deps:
        m = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", dep)
        if m:
            found[m.group(1).lower()] = _tuple(m.group(2))
    for name, floor in FLOORS.items():
        assert name in found, f"{name} has no floor in pyproject.toml"
        assert found[name] >= floor, (name, found[name], floor)


def test_installed_versions_respect_the_floors():
    for name, floor in FLOORS.items():
        assert _tuple(version(name)) >= floor, (name, version(name))


def test_environment_yml_has_the_same_floors():
    text = (ROOT / "environment.yml").read_text()
    for name, floor in FLOORS.items():
        conda = name.replace("-", "_") if name == "jupyter-server" else name
        m = re.search(rf"- {re.escape(conda)}>=([0-9.]+)", text)
        assert m and _tuple(m.group(1)) >= floor, name


def test_environment_yml_lists_every_dependency():
    """conda users get what pip users get."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = meta["dependencies"] + meta["optional-dependencies"]["test"]
    conda_name = {"jupyter-server": "jupyter_server", "igraph": "python-igraph", "ortools": "ortools"}
    text = (ROOT / "environment.yml").read_text()
    for dep in deps:
        name, floor = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", dep).groups()
        assert f"- {conda_name.get(name, name)}>={floor}" in text, dep

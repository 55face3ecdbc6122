"""JupyterLab offline: jupyter/overrides.json turns off news and update checks, and
`make setup` installs it where JupyterLab reads its defaults."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT

OVERRIDES = ROOT / "jupyter" / "overrides.json"
LAB = Path(sys.prefix) / "share" / "jupyter" / "lab"
PLUGIN = "@jupyterlab/apputils-extension:notification"
OFF = {"fetchNews": "false", "checkForUpdates": False}


def test_overrides_turn_news_and_update_checks_off():
    assert json.loads(OVERRIDES.read_text(encoding="utf-8")) == {PLUGIN: OFF}


def test_overrides_match_the_installed_schemas():
    for plugin, values in json.loads(OVERRIDES.read_text(encoding="utf-8")).items():
        package, _, name = plugin.partition(":")
        schema = json.loads((LAB / "schemas" / package / f"{name}.json").read_text(encoding="utf-8"))
        for key, value in values.items():
            assert key in schema["properties"], (plugin, key)
            jsonschema.validate(value, schema["properties"][key])


def test_make_setup_installed_them():
    installed = LAB / "settings" / "overrides.json"
    assert installed.is_file(), f"{installed} is missing: run `make setup`"
    assert json.loads(installed.read_text(encoding="utf-8")) == json.loads(OVERRIDES.read_text(encoding="utf-8"))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as r:
        return json.load(r)


@pytest.mark.slow
def test_jupyterlab_serves_them_as_defaults(tmp_path):
    port, token = _free_port(), "labkit-test"
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "ws"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/api/status", token)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "jupyter lab did not start"
                time.sleep(0.2)
        settings = _get(f"{base}/lab/api/settings/{PLUGIN}", token)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    defaults = {key: prop["default"] for key, prop in settings["schema"]["properties"].items()}
    assert {key: defaults[key] for key in OFF} == OFF

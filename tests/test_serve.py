"""labkit serve: Voilà locked down to the named notebooks, nothing of the repo over HTTP."""

import urllib.error
import urllib.request

import pytest

from labkit import serve
from labkit.errors import LabkitError
from conftest import DATA, ROOT


def test_command_is_locked_down(tmp_path):
    cmd = serve.voila_command(tmp_path, port=8999)
    assert "--Voila.ip=127.0.0.1" in cmd
    assert "--strip_sources=True" in cmd and "--show_tracebacks=False" in cmd
    assert "--preheat_kernel=True" in cmd
    assert "--VoilaConfiguration.file_allowlist=[]" in cmd


def test_root_holds_only_the_named_notebooks(tmp_path):
    root = serve.prepare_root(tmp_path / "apps")
    assert sorted(p.name for p in root.iterdir()) == sorted(serve.SERVED)


def test_beyond_localhost_needs_a_token():
    with pytest.raises(LabkitError, match="needs a token"):
        with serve.running(ip="0.0.0.0"):
            pass


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture(scope="module")
def live():
    with serve.running(DATA, preheat=False, pool_size=0) as base:
        yield base


SECRET = (DATA / "participants.csv").read_bytes()[:60]
PROBES = [
    "/voila/files/data/participants.csv",
    "/voila/files/../data/participants.csv",
    "/voila/files/%2e%2e/data/participants.csv",
    "/voila/files/%2E%2E%2Fdata%2Fparticipants.csv",
    "/voila/static/../../data/participants.csv",
    "/voila/static/..%2f..%2fdata%2fparticipants.csv",
    "/voila/render/../data/participants.csv",
    "/voila/tree/data",
    "/files/data/participants.csv",
    "/data/participants.csv",
    "/voila/render/notebooks/roadmap.ipynb",
    "/voila/render/network_explorer.ipynb",
    f"/voila/files/{ROOT}/data/participants.csv",
    "/voila/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/contents/",
    "/api/kernels",
]


@pytest.mark.slow
@pytest.mark.parametrize("path", PROBES)
def test_nothing_of_the_repo_is_reachable(live, path):
    status, body = get(live + path)
    assert SECRET not in body
    assert b"root:x:0:0" not in body
    assert b"participant_id" not in body and b"consent_named" not in body
    assert status in (403, 404, 400, 405) or (status == 200 and b"<html" in body.lower()[:2000]), (status, body[:200])


@pytest.mark.slow
def test_tree_lists_only_the_named_notebooks(live):
    status, body = get(live + "/")
    text = body.decode("utf-8", "replace")
    assert status == 200
    assert "dashboard" in text and "roadmap" not in text and "network_explorer" not in text

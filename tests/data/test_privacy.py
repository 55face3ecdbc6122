from labkit.data.privacy import pseudonym


def test_pseudonym_is_keyed_and_stable():
    a = pseudonym("p-001", key=b"k1")
    assert a == pseudonym("p-001", key=b"k1")
    assert a != pseudonym("p-001", key=b"k2")
    assert a != pseudonym("p-002", key=b"k1")
    assert a.startswith("Deelnemer ") and "p-001" not in a


def test_without_key_the_opaque_id_is_shown(monkeypatch):
    import labkit.data.privacy as pv
    monkeypatch.delenv("LABKIT_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("LABKIT_PSEUDONYM_KEY_FILE", raising=False)
    pv._key.cache_clear()
    assert pseudonym("p-001") == "Deelnemer p-001"
    pv._key.cache_clear()


# ---------------------------------------------------------------- the privacy scan
import json  # noqa: E402
import zipfile  # noqa: E402

import pytest  # noqa: E402

SECRET_NAMES = ["Jan Geheimhouder", "Fatima Verborgen", "Piet Anoniem"]


@pytest.fixture(scope="module")
def private(programme):
    """The embedded programme with names typed in for people who did not consent."""
    p = programme.participants.copy()
    hidden = p.index[~p["consent_named"].astype(bool)][: len(SECRET_NAMES)]
    p.loc[hidden, "name"] = SECRET_NAMES
    return programme.replace(participants=p)


def assert_no_secret(text, where):
    for name in SECRET_NAMES:
        assert name not in text, f"{name!r} leaked into {where}"


def test_dashboard_shows_no_private_name(private):
    from labkit.app.dashboard import Dashboard
    app = Dashboard(private)
    texts = []
    for i in range(4):
        app.tabs.selected_index = i
    for _, org in list(app.org_dd.options)[1:]:
        app.org_dd.value = org
        texts.append(app.texts["ego"].value)
    stack = [app.widget]
    while stack:
        w = stack.pop()
        if isinstance(getattr(w, "value", None), str):
            texts.append(w.value)
        if hasattr(w, "spec"):
            texts.append(json.dumps(w.spec, ensure_ascii=False))
        stack.extend(getattr(w, "children", ()))
    texts.append(json.dumps([o for o in app.org_dd.options], ensure_ascii=False))
    assert_no_secret("\n".join(texts), "the dashboard")


def test_public_exports_hold_no_private_name(private, tmp_path):
    from labkit.interop import export
    for fmt in ("gexf", "graphml", "kumu", "xlsx", "datapackage"):
        out = export.export_programme(private, fmt, tmp_path / f"out.{fmt}", public=True)
        data = out.path.read_bytes()
        if zipfile.is_zipfile(out.path):  # xlsx and the zipped package: look inside
            with zipfile.ZipFile(out.path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert_no_secret(data.decode("utf-8", "replace"), f"the {fmt} export")


def test_analytics_output_holds_no_private_name(private):
    from labkit.analytics import headline
    from labkit.analytics.summary import summarize
    assert_no_secret(json.dumps(headline(private), ensure_ascii=False, default=str), "labkit analyse")
    assert_no_secret(json.dumps(summarize(private), ensure_ascii=False, default=str), "labkit summary")


def test_the_scan_can_fail(private):
    """The scan is not vacuous: the private working copy does hold the names."""
    assert set(SECRET_NAMES) <= set(private.participants["name"].dropna())


def test_a_host_without_consent_is_not_named(programme):
    from labkit.analytics.summary import summarize
    p = programme.participants.copy()
    p.loc[p["id"] == "p-bouius", "consent_named"] = False
    s = summarize(programme.replace(participants=p))
    assert s["themes"]["brede-welvaart"]["host"] == pseudonym("p-bouius")

from labkit.privacy import pseudonym


def test_pseudonym_is_keyed_and_stable():
    a = pseudonym("p-001", key=b"k1")
    assert a == pseudonym("p-001", key=b"k1")
    assert a != pseudonym("p-001", key=b"k2")
    assert a != pseudonym("p-002", key=b"k1")
    assert a.startswith("Deelnemer ") and "p-001" not in a


def test_without_key_the_opaque_id_is_shown(monkeypatch):
    import labkit.privacy as pv
    monkeypatch.delenv("LABKIT_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("LABKIT_PSEUDONYM_KEY_FILE", raising=False)
    pv._key.cache_clear()
    assert pseudonym("p-001") == "Deelnemer p-001"
    pv._key.cache_clear()

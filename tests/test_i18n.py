import pytest

from labkit import i18n


def test_both_languages_have_every_label():
    assert set(i18n.STRINGS["nl"]) == set(i18n.STRINGS["en"])
    for table in (i18n.STATUS, i18n.TABLES, i18n.ROLES):
        assert set(table["nl"]) == set(table["en"])


def test_unknown_language():
    assert i18n.t("theme", "en") == "Theme"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.t("theme", "fr")

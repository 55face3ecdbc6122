import pytest

from labkit import i18n


def test_both_languages_have_every_label():
    assert set(i18n.STRINGS["nl"]) == set(i18n.STRINGS["en"])
    for table in (i18n.STATUS, i18n.TRACKS, i18n.ROLES):
        assert set(table["nl"]) == set(table["en"])


def test_unknown_language():
    assert i18n.t("theme", "en") == "Theme"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.t("theme", "fr")


def test_no_programme_of_its_own():
    # a programme's words, kinds of table and roadmap come from its data package
    text = repr(i18n.STRINGS).casefold()
    for word in ("middenvelddialogen", "nederland na de crisis", "drietrapsraket", "focustafel"):
        assert word not in text

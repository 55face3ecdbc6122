"""The headline as tables an analyst reads: names, not ids."""

import pytest

from labkit import analytics as A
from labkit.views.headline import headline_tables


@pytest.fixture(scope="module")
def tables(programme):
    return headline_tables(programme, A.headline(programme, theme="brede-welvaart"))


def test_titles_say_illustrative(tables):
    assert list(tables) == ["Wie zat aan tafel [illustratief]",
                            "Verbindingen tussen sectoren (E-I-index) [illustratief]",
                            "E-I-index per sector [illustratief]",
                            "Makelaars [illustratief]", "Toezeggingen per trap [illustratief]",
                            "Stilgevallen toezeggingen [illustratief]"]


def test_names_not_ids(tables):
    text = "\n".join(df.to_string() for df in tables.values())
    for name in ("Focustafel", "Werkplaats", "Vakbond", "Interprovinciaal Overleg",
                 "Financiële middelen verbinden aan kortetermijndoelen", "in uitvoering", "verbinder"):
        assert name in text
    for raw in ("focustafel", "stage-1", "in_progress", "org:", "knowledge-education", "liaison"):
        assert raw not in text


def test_numbers_are_the_headline_s(programme, tables):
    h = A.headline(programme, theme="brede-welvaart")
    ties = tables["Verbindingen tussen sectoren (E-I-index) [illustratief]"]
    first = ties.iloc[0]
    assert (first["netwerk"], first["E-I"], first["E-I bij toeval"]) == (
        "samen aan tafel", round(h["ties"]["coattendance"]["ei_index"], 2),
        round(h["ties"]["coattendance"]["ei_index_expected"], 2))
    sectors = tables["E-I-index per sector [illustratief]"].set_index("sector")
    assert sectors.loc["Vakbond", "samen aan tafel"] == 1.0
    assert sectors.loc["Overheid", "samenwerkingen"] == round(
        h["ties"]["collaboration"]["ei_index_by_sector"]["government"], 2)
    assert len(tables["Stilgevallen toezeggingen [illustratief]"]) == h["commitments"]["stalled"]["count"]


def test_english(programme):
    t = headline_tables(programme, A.headline(programme, theme="brede-welvaart"), lang="en")
    assert "Who sat at the table [illustrative]" in t
    assert "Tie financial means to short-term goals" in t["Commitments by stage [illustrative]"].iloc[:, 0].tolist()

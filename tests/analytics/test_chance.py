"""One sentence against chance: verdicts, wording in both languages, careful with few organisations."""

import math

import networkx as nx
import pytest

from labkit import analytics as A
from labkit.analytics.chance import describe_against_chance


def result(observed, expected, p, n=38, low=None, high=None, sd=0.02):
    return {"observed": observed, "expected": expected, "p_value": p, "organisations": n,
            "low": low if low is not None else expected - 0.04, "high": high if high is not None else expected + 0.04,
            "sd": sd}


@pytest.mark.parametrize("observed, p, verdict, nl, en", [
    (0.80, 0.001, "more", "vaker met andere sectoren aan tafel dan toeval zou geven",
     "with other sectors more often than chance would give"),
    (0.40, 0.004, "less", "minder vaak met andere sectoren aan tafel dan toeval zou geven",
     "with other sectors less often than chance would give"),
    (0.70, 0.30, "as_chance", "even vaak met andere sectoren aan tafel als toeval zou geven",
     "with other sectors as often as chance would give"),
])
def test_verdict_and_sentence(observed, p, verdict, nl, en):
    d = describe_against_chance(result(observed, 0.66, p), network="coattendance")
    assert d["verdict"] == verdict and nl in d["nl"] and en in d["en"]
    assert d["observed"] == observed and d["expected"] == 0.66 and d["p_value"] == p
    within = ("Het verschil valt binnen wat toeval geeft." in d["nl"],
              "The difference is within what chance gives." in d["en"])
    assert within == ((verdict == "as_chance"),) * 2


def test_the_embedded_coattendance_reads_as_often_as_chance(programme):
    import labkit
    H = labkit.organisation_coattendance(programme, theme="brede-welvaart")
    r = A.ei_index_permutation(H)
    assert round(r["observed"], 3) == 0.654 and round(A.ei_index_expected(H), 3) == 0.653
    d = describe_against_chance(r, network="coattendance")
    assert d["verdict"] == "as_chance" and r["p_value"] > 0.5
    assert d["nl"].startswith("De organisaties zaten even vaak met andere sectoren aan tafel als toeval zou geven: "
                              "E-I-index 0,65; bij willekeurig verdeelde sectoren 0,65")
    assert "Met 38 organisaties in het netwerk valt alleen een groot verschil buiten wat toeval geeft." in d["nl"]
    assert d["en"].startswith("Organisations sat at the table with other sectors as often as chance would give")
    assert "With 38 organisations in the network only a large difference would stand out from chance." in d["en"]


def test_a_narrow_difference_and_rounding_across_alpha():
    d = describe_against_chance(result(0.8, 0.66, 50 / 1001, n=500))
    assert d["verdict"] == "more" and "p < 0,05" in d["nl"] and "p < 0.05" in d["en"]  # not "p = 0.050"
    assert "Een nipt verschil" in d["nl"] and "A narrow difference" in d["en"]
    d = describe_against_chance(result(0.8, 0.66, 0.0004, n=500))
    assert "p < 0,001" in d["nl"] and "nipt" not in d["nl"] and "organisaties valt" not in d["nl"]
    d = describe_against_chance(result(0.7, 0.66, 0.3, n=5000))
    assert "Met" not in d["nl"] and "With" not in d["en"]  # no small-network caveat
    assert describe_against_chance(result(0.8, 0.66, 0.03), alpha=0.01)["verdict"] == "as_chance"


def test_per_sector_names_the_sector_and_its_size():
    label = {"nl": "Vakbond", "en": "Union"}
    d = describe_against_chance({**result(1.0, 1.0, 1.0, n=1), "sd": 0.0}, label=label)
    # one organisation has only external ties whatever the labels: chance gives the same
    assert d["verdict"] == "as_chance"
    assert d["nl"] == ("Vakbond (1 organisatie) had even vaak banden met andere sectoren als toeval zou geven: "
                       "E-I-index 1,00; bij willekeurig verdeelde sectoren 1,00 (elke verdeling van de sectoren "
                       "geeft hetzelfde).")
    assert d["en"].startswith("Union (1 organisation) had ties with other sectors as often as chance would give")
    d = describe_against_chance(result(-0.2, 0.1, 0.3, n=6), label="Overheid")
    assert "Overheid (6 organisaties)" in d["nl"] and "Met 6 organisaties in de sector" in d["nl"]
    assert "E-I-index −0,20" in d["nl"] and "E-I index −0.20" in d["en"]  # a minus sign, not a hyphen


def test_cross_sector_share_in_percent_and_no_ties():
    d = describe_against_chance({**result(0.45, 0.8, 0.004, n=200), "low": 0.7, "high": 0.9},
                                measure="cross_sector_share", network="collaboration")
    assert d["verdict"] == "less"
    assert d["nl"].startswith("De organisaties werkten minder vaak samen met andere sectoren dan toeval zou geven: "
                              "45% van de banden tussen sectoren; bij willekeurig verdeelde sectoren 80% "
                              "(95% van de toevalsuitkomsten tussen 70% en 90%; p = 0,004).")
    none = describe_against_chance({"observed": None, "expected": None, "p_value": None})
    assert none["verdict"] is None and none["en"] == "No ties to compare with chance."


def test_brokerage_sentences_from_the_baselines():
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    nx.set_node_attributes(D, {"a": "gov", "b": "biz", "c": "ngo", "d": "biz"}, "sector")
    r = A.brokerage_baselines(D)
    row = {k: float(r[k].loc["b", "liaison"]) for k in ("count", "expected", "sd", "z")}
    d = describe_against_chance(row, measure="brokerage", role="liaison", label="B")
    assert d["verdict"] == "more" and d["z"] == pytest.approx(3.0317, abs=1e-4)
    assert d["p_value"] == pytest.approx(math.erfc(d["z"] / math.sqrt(2)))
    assert d["nl"].startswith("B trad 1 keer op als verbinder: vaker dan toeval zou geven (een willekeurig netwerk "
                              "met dezelfde dichtheid en sectoren geeft 0,1; z = 3,0).")
    assert d["en"].startswith("B acted as liaison once: more often than chance would give")
    assert "z een ruwe maat" in d["nl"] and "rough guide" in d["en"]  # expected 0.09: far below 5
    impossible = {k: float(r[k].loc["b", "coordinator"]) for k in ("count", "expected", "sd", "z")}
    d = describe_against_chance(impossible, measure="brokerage", role="coordinator", label="B")
    assert d["verdict"] is None and d["z"] is None and "ook niet bij toeval" in d["nl"]
    with pytest.raises(ValueError, match="role"):
        describe_against_chance(row, measure="brokerage", role="boss")
    with pytest.raises(ValueError, match="measure"):
        describe_against_chance(row, measure="nope")

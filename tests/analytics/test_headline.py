"""The headline answers and ``labkit analyse`` on the embedded, hand-made and synthetic data."""

import json

import pytest

from labkit import analytics as A
from labkit.data import synth
from labkit.cli import main
from labkit.analytics.brokers import ROLES
from labkit.errors import ParameterError
from conftest import DATA
from test_data import room


@pytest.fixture(scope="module")
def embedded(programme):
    return A.headline(programme, theme="brede-welvaart")


def test_headline_on_the_embedded_dataset(embedded, programme):
    h = embedded
    json.dumps(h)  # JSON-ready as it is
    assert h["programme"]["theme"] == "brede-welvaart" and h["programme"]["sessions"] == 5
    assert h["programme"]["participants"] == 45 and h["programme"]["organisations"] == 38
    assert h["provenance"] == {"illustrative": True, "synthetic": False}
    # every section rests on illustrative attendance, ties, owners or progress
    for section in (h["composition"], h["ties"], h["brokers"], h["commitments"],
                    h["commitments"]["stalled"]):
        assert section["illustrative"] is True
    tables = [r["group"] for r in h["composition"]["by_table"]]
    assert tables == ["focustafel", "verdiepingstafel", "werkplaats"]
    # the focus table, counted straight from the tables
    att = programme.attendance[programme.attendance["session_id"] == "bw-focus"]
    orgs = programme.participants.set_index("id").loc[att["participant_id"], "organisation_id"].dropna()
    present = set(programme.organisations.set_index("id").loc[orgs, "sector"])
    focus = h["composition"]["by_session"][0]
    assert focus["group"] == "bw-focus" and focus["participants"] == att["participant_id"].nunique()
    assert focus["organisations"] == orgs.nunique()
    assert focus["missing"] == sorted(set(programme.sectors["id"]) - present)
    ties = h["ties"]["coattendance"]
    assert -1 <= ties["ei_index"] <= 1 and list(ties["ei_index_by_sector"])[0] == "government"
    assert len(h["brokers"]["top"]) == 10 and h["brokers"]["k"] is None
    assert set(h["brokers"]["top"][0]) >= {"label", "sector", "betweenness", "liaison", "total"}
    assert sum(r["commitments"] for r in h["commitments"]["coverage"]["stage"]) == 14
    latest = programme.commitment_updates["date"].max().date().isoformat()
    assert h["commitments"]["stalled"]["as_of"] == latest  # the latest update by default


def test_headline_by_hand_on_room():
    h = A.headline(room(), theme="t", as_of="2025-06-01")
    assert h["ties"]["coattendance"]["ei_index"] == pytest.approx(4 / 6)
    assert h["ties"]["coattendance"]["ei_index_by_sector"] == pytest.approx({"gov": 1.0, "biz": 0.6, "ngo": 1.0})
    assert [r["id"] for r in h["commitments"]["stalled"]["items"]] == ["k4", "k2"]
    assert h["commitments"]["unowned"] == {"stages": ["stage-3"], "dimensions": ["hier-en-nu", "elders"]}
    assert h["composition"]["by_session"][2]["missing"] == ["gov", "ngo"]  # v2
    assert h["programme"]["participants"] == 7


def test_headline_of_an_empty_theme_and_an_unknown_one(programme):
    h = A.headline(programme, theme="samen-leven")
    assert h["composition"]["by_table"] == [] and h["ties"]["coattendance"]["ei_index"] is None
    assert h["brokers"]["top"] == [] and h["commitments"]["total"] == 0
    assert "geen sessies" in A.format_headline(h)
    with pytest.raises(ParameterError, match="unknown theme 'nope'"):
        A.headline(programme, theme="nope")


def test_headline_on_a_synthetic_programme_says_so():
    h = A.headline(synth.programme(300, seed=2))
    assert h["provenance"] == {"illustrative": False, "synthetic": True}
    assert h["composition"]["sessions"] > len(h["composition"]["by_session"]) or h["composition"]["sessions"] <= 50
    assert "synthetische gegevens" in A.format_headline(h)


def test_analyse_command_text(capsys):
    assert main(["analyse", "--data", str(DATA), "--theme", "brede-welvaart"]) == 0
    out = capsys.readouterr().out
    assert "Wie zat aan tafel [illustratief]" in out and "E-I" in out and "Makelaars" in out
    assert "illustratieve rijen" in out and "stilgevallen" in out


def test_analyse_command_json(capsys, embedded):
    assert main(["analyse", "--data", str(DATA), "--theme", "brede-welvaart", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(embedded))


def test_analyse_command_refuses_an_unknown_theme(capsys):
    assert main(["analyse", "--data", str(DATA), "--theme", "nope"]) == 2
    assert "unknown theme 'nope'" in capsys.readouterr().err


def test_headline_text_says_when_brokers_rest_on_a_sample():
    h = A.headline(synth.programme(300, seed=2))
    assert h["brokers"]["k"] is None
    assert "Makelaars (betweenness in het samenwerkingsnetwerk, exact;" in A.format_headline(h)
    h["brokers"]["k"] = 100  # what a programme above 10,000 organisations gets
    text = A.format_headline(h)
    assert "steekproef van 100 bronnen, seed 0: een schatting" in text


def test_headline_compares_with_chance_on_the_embedded_data(embedded, programme):
    import labkit
    c = embedded["ties"]["coattendance"]
    chance = c["ei_index_chance"]
    # the case: 0.654 observed against 0.653 expected reads as chance, with the numbers behind it
    assert round(chance["observed"], 3) == 0.654 and round(c["ei_index_expected"], 3) == 0.653
    assert abs(chance["expected"] - c["ei_index_expected"]) < 2 * chance["sd"] / 30
    assert chance["verdict"] == "as_chance" and chance["n_permutations"] == 1000 and chance["seed"] == 0
    assert "even vaak met andere sectoren aan tafel als toeval zou geven" in chance["nl"]
    assert "as often as chance would give" in chance["en"] and "38 organisations" in chance["en"]
    by = c["ei_index_by_sector_chance"]
    assert list(by) == list(c["ei_index_by_sector"])  # the sectors table's order
    assert by["union"]["organisations"] == 1 and by["union"]["verdict"] == "as_chance"
    assert "(1 organisatie)" in by["union"]["nl"] and "elke verdeling van de sectoren" in by["union"]["nl"]
    assert by["government"]["observed"] == pytest.approx(c["ei_index_by_sector"]["government"])
    H = labkit.organisation_coattendance(programme, theme="brede-welvaart")
    assert chance["p_value"] == A.ei_index_permutation(H)["p_value"]
    # brokers: every role's expected count and z beside the count, as brokerage_baselines gives them
    D = labkit.organisation_collaboration(programme, theme="brede-welvaart", directed=True)
    base = A.brokerage_baselines(D)
    b = embedded["brokers"]
    assert b["chance"]["density"] == pytest.approx(base["density"])
    assert b["chance"]["network"]["liaison"]["z"] == pytest.approx(base["network"].loc["z", "liaison"])
    for r in b["top"]:
        for role in (*ROLES, "total"):
            assert r[role] == base["count"].loc[r["node"], role]
            z = base["z"].loc[r["node"], role]
            assert (r[f"{role}_z"] is None) if z != z else r[f"{role}_z"] == pytest.approx(z)
            assert r[f"{role}_expected"] == pytest.approx(base["expected"].loc[r["node"], role])
        if r["total"]:
            assert r["against_chance"]["role"] in ROLES and r["against_chance"]["nl"].startswith(r["label"])
        else:
            assert r["against_chance"] is None


def test_analyse_text_shows_chance(capsys):
    assert main(["analyse", "--data", str(DATA), "--theme", "brede-welvaart"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # undo the wrapping
    assert ("De organisaties zaten even vaak met andere sectoren aan tafel als toeval zou geven: E-I-index 0,65; "
            "bij willekeurig verdeelde sectoren 0,65") in out
    assert "Het verschil valt binnen wat toeval geeft. Met 38 organisaties" in out
    assert "1000 willekeurige verdelingen van de sectoren" in out
    assert "liaison 5 (z " in out and "Gould-Fernandez, als sna::brokerage" in out

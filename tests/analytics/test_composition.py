"""Who was in the room and continuity across tables, worked out by hand on room()."""

import math

import pytest

import labkit
from labkit import analytics as A
from labkit.data import synth
from labkit.errors import ParameterError
from conftest import DATA, make_programme
from test_data import room


@pytest.fixture(scope="module")
def p():
    return room()


@pytest.fixture(params=["programme", "graph"])
def G(request, p):
    return p if request.param == "programme" else p.graph


def cell(df, group, sector):
    row = df[(df["group"] == group) & (df["sector"] == sector)]
    assert len(row) == 1, (group, sector)
    return row.iloc[0]


def test_composition_per_session_by_hand(G):
    df = A.sector_composition(G, sectors=["gov", "biz", "ngo"])
    assert list(df.columns)[:5] == ["group", "sector", "organisations", "participants", "share"]
    # f1: p1, p2 (a, gov), p3 (b, biz), p6 (no organisation), p7 (c, ngo)
    assert cell(df, "f1", "gov")[["organisations", "participants"]].tolist() == [1, 2]
    assert cell(df, "f1", "gov")["share"] == pytest.approx(2 / 5)
    assert cell(df, "f1", "gov")["organisation_share"] == pytest.approx(1 / 3)
    assert cell(df, "f1", "unknown")["participants"] == 1
    assert cell(df, "v2", "biz")[["organisations", "participants"]].tolist() == [2, 2]  # b and d
    assert cell(df, "v2", "gov")["participants"] == 0
    assert cell(df, "w1", "ngo")[["organisations", "participants"]].tolist() == [1, 2]  # p4 and p7 of c
    assert list(dict.fromkeys(df["group"])) == ["f1", "v1", "v2", "w1"]  # table order
    assert "unknown" not in set(df[df["group"] != "f1"]["sector"])  # only where such people came
    # provenance: f1's rows are the report's, the rest illustrative
    assert not df[df["group"] == "f1"]["illustrative"].any()
    assert cell(df, "v1", "gov")["illustrative"] and not cell(df, "v1", "biz")["illustrative"]
    assert df.groupby("group")["share"].sum().round(12).eq(1).all()


def test_composition_per_table_and_theme(G):
    df = A.sector_composition(G, by="table", sectors=["gov", "biz", "ngo"])
    assert list(dict.fromkeys(df["group"])) == ["focustafel", "verdiepingstafel", "werkplaats"]
    # the two deepening tables together: p1 (a), p3 (b), p4 (c), p5 (d)
    assert cell(df, "verdiepingstafel", "biz")[["organisations", "participants"]].tolist() == [2, 2]
    df = A.sector_composition(G, by="theme", sectors=["gov", "biz", "ngo"])
    assert cell(df, "t", "biz")["organisations"] == 2 and cell(df, "t", "unknown")["participants"] == 1
    assert df[df["group"] == "t"]["participants"].sum() == 7


def test_missing_sectors(G):
    assert A.missing_sectors(G, sectors=["gov", "biz", "ngo"]) == {
        "f1": [], "v1": ["biz"], "v2": ["gov", "ngo"], "w1": []}
    assert A.missing_sectors(G, by="table", sectors=["gov", "biz", "ngo", "union"]) == {
        "focustafel": ["union"], "verdiepingstafel": ["union"], "werkplaats": ["union"]}


def test_missing_sectors_default_to_the_sectors_table(p):
    # the programme knows its classification (conftest's gov, biz, ngo)
    assert A.missing_sectors(p)["v2"] == ["gov", "ngo"]


def test_diversity_by_hand(G):
    d = A.diversity(G, sectors=["gov", "biz", "ngo"]).set_index("group")
    # f1: one organisation in each of three sectors
    assert d.loc["f1", "blau"] == pytest.approx(1 - 3 * (1 / 3) ** 2)
    assert d.loc["f1", "iqv"] == pytest.approx(1.0)
    assert d.loc["f1", "shannon"] == pytest.approx(math.log(3))
    assert d.loc["f1", "evenness"] == pytest.approx(1.0)
    assert d.loc["v2", "blau"] == 0 and d.loc["v2", "sectors_present"] == 1
    people = A.diversity(G, count="participants", sectors=["gov", "biz", "ngo"]).set_index("group")
    # w1 people: gov 1, biz 1, ngo 2 -> 1 - (1/16 + 1/16 + 4/16)
    assert people.loc["w1", "blau"] == pytest.approx(1 - 6 / 16)


def test_blau_and_shannon():
    from scipy.special import entr  # -x ln x elementwise (scipy.stats.entropy sums it)
    for counts in ([3, 1, 0, 2], [5], [1, 1, 1, 1, 1, 1, 1], [10, 0, 1]):
        p = [c / sum(counts) for c in counts]
        assert A.shannon_index(counts) == pytest.approx(entr(p).sum())
    assert A.blau_index([1, 1, 1, 1]) == pytest.approx(0.75)
    assert A.blau_index([0, 0]) is None and A.shannon_index([]) is None
    assert A.shannon_index([5]) == 0.0
    assert A.shannon_index([1, 3]) == pytest.approx(-(0.25 * math.log(0.25) + 0.75 * math.log(0.75)))


def test_continuity_paths_by_hand(G, p):
    df = A.table_continuity(G, "t").set_index("participant")
    assert df["path"].to_dict() == {
        "person:p1": "all", "person:p2": "start_only", "person:p3": "left_early",
        "person:p6": "start_only", "person:p7": "returned",
        "person:p4": "joined_later", "person:p5": "joined_later"}
    assert list(df.index) == ["person:p1", "person:p2", "person:p3", "person:p6", "person:p7",
                              "person:p4", "person:p5"]  # by first table, then id
    assert df.loc["person:p4", "joined_at"] == "verdiepingstafel"
    assert df.loc["person:p1", ["focustafel", "verdiepingstafel", "werkplaats"]].tolist() == [True, True, True]
    assert df.loc["person:p1", "sessions"] == 3
    assert df.loc["person:p6", "sector"] == "unknown" and df.loc["person:p6", "organisation"] is None
    assert df.loc["person:p5", "invited_by"] == "person:p4"
    assert df.loc["person:p2", "invited_by"] == "person:host"  # invited by the host
    assert df.loc["person:p2", "channel"] == "host"
    # the organisers' invitations leave no edge: only the programme knows them
    assert df.loc["person:p1", "channel"] == ("organisers" if G is p else None)
    assert df.loc["person:p1", "illustrative"]  # attended illustrative tables
    # p6 came only to f1 (report rows); the illustrative row behind p6 is the organisers' invitation
    assert df.loc["person:p6", "illustrative"] == (G is p)
    assert df.drop(index="person:p6")["illustrative"].all()


def test_continuity_when_a_theme_held_only_a_focus_table():
    p = make_programme(
        organisations=[{"id": "a", "name": "A", "sector": "gov", "source": "report:deelnemers"}],
        participants=[{"id": "x", "consent_named": False, "organisation_id": "a", "role": "participant",
                       "source": "illustrative"}],
        sessions=[{"id": "s", "theme_id": "t", "kind": "focustafel", "order": 1, "month": "2021-03",
                   "title_nl": "s", "source": "report:intro"}],
        attendance=[{"session_id": "s", "participant_id": "x", "role": "participant", "source": "report:1"}])
    df = A.table_continuity(p, "t")
    assert df["path"].tolist() == ["all"] and df["channel"].tolist() == [None]  # no invitation row
    assert df["illustrative"].tolist() == [False]


def test_invitation_tree(G):
    T = A.invitation_tree(G, "t")
    assert sorted(T.edges()) == [("person:host", "person:p2"), ("person:p1", "person:p4"),
                                 ("person:p4", "person:p5")]
    depth = dict(T.nodes(data="depth"))
    assert depth["person:p1"] == 0 and depth["person:p4"] == 1 and depth["person:p5"] == 2
    assert depth["person:host"] == 0 and depth["person:p2"] == 1
    assert T.nodes["person:host"]["label"] == "Host Person"  # named with consent; did not attend
    assert T.edges["person:p4", "person:p5"]["session"] == "v2"
    assert T.nodes["person:p5"]["sector"] == "biz"


def test_a_cycle_of_invitations_has_no_depth():
    people = [{"id": x, "consent_named": False, "organisation_id": "a", "role": "participant",
               "source": "illustrative"} for x in ("x", "y", "z")]
    p = make_programme(
        organisations=[{"id": "a", "name": "A", "sector": "gov", "source": "report:deelnemers"}],
        participants=people,
        sessions=[{"id": "s", "theme_id": "t", "kind": "focustafel", "order": 1, "month": "2021-03",
                   "title_nl": "s", "source": "report:intro"}],
        attendance=[{"session_id": "s", "participant_id": x, "role": "participant", "source": "report:1"}
                    for x in ("x", "y", "z")],
        invitations=[{"theme_id": "t", "participant_id": a, "first_session_id": "s", "channel": "participant",
                      "invited_by": b, "source": "illustrative"} for a, b in (("x", "y"), ("y", "x"), ("z", "y"))])
    T = A.invitation_tree(p, "t")
    assert dict(T.nodes(data="depth")) == {"person:x": None, "person:y": None, "person:z": None}


def test_degenerate_inputs(p):
    assert A.sector_composition(p, theme="t2").empty
    assert A.missing_sectors(p, theme="t2") == {} and A.diversity(p, theme="t2").empty
    assert A.table_continuity(p, "t2").empty and A.invitation_tree(p, "t2").number_of_nodes() == 0
    assert A.table_continuity(p, "no-such-theme").empty
    with pytest.raises(ParameterError, match="by must be one of"):
        A.sector_composition(p, by="room")
    with pytest.raises(ParameterError, match="count must be one of"):
        A.diversity(p, count="people")


def test_one_organisation_one_sector():
    p = make_programme(
        organisations=[{"id": "a", "name": "A", "sector": "gov", "source": "report:deelnemers"}],
        participants=[{"id": x, "consent_named": False, "organisation_id": "a", "role": "participant",
                       "source": "illustrative"} for x in ("x", "y")],
        sessions=[{"id": "s", "theme_id": "t", "kind": "focustafel", "order": 1, "month": "2021-03",
                   "title_nl": "s", "source": "report:intro"}],
        attendance=[{"session_id": "s", "participant_id": x, "role": "participant", "source": "report:1"}
                    for x in ("x", "y")])
    df = A.sector_composition(p)
    assert cell(df, "s", "gov")[["organisations", "participants", "share"]].tolist() == [1, 2, 1.0]
    d = A.diversity(p).iloc[0]
    assert d["blau"] == 0 and d["shannon"] == 0 and d["sectors_present"] == 1
    assert A.missing_sectors(p) == {"s": ["biz", "ngo"]}


def test_embedded_dataset_is_flagged_illustrative(programme):
    df = A.sector_composition(programme, by="table")
    kind = dict(zip(programme.sessions["id"], programme.sessions["kind"]))
    att = programme.attendance.assign(kind=programme.attendance["session_id"].map(kind))
    assert df.groupby("group")["participants"].sum().to_dict() == \
        att.groupby("kind")["participant_id"].nunique().to_dict()
    assert df["illustrative"].any()
    cont = A.table_continuity(programme, "brede-welvaart")
    assert len(cont) == att["participant_id"].nunique()
    assert set(cont["path"]) <= {"all", "start_only", "left_early", "returned", "joined_later"}
    assert cont["illustrative"].all()  # every person has an illustrative row behind them
    assert cont.loc[cont["participant"] == "person:p-elzinga", "label"].item() == "Tuur Elzinga"


@pytest.mark.parametrize("make", [lambda: synth.programme(300, seed=2, themes=2), lambda: labkit.load(DATA)])
def test_continuity_rows_follow_first_table_then_participant(make):
    p = make()
    for theme in p.themes["id"]:
        df = A.table_continuity(p, theme)
        if df.empty:
            continue
        held = [k for k in ("focustafel", "verdiepingstafel", "werkplaats") if df[k].any()]
        first = df["joined_at"].map({k: i for i, k in enumerate(held)})
        expected = df.assign(_first=first).sort_values(["_first", "participant"], kind="stable")
        assert df.index.tolist() == list(range(len(df)))
        assert expected.index.tolist() == list(range(len(df))), theme  # already in that order
        tables = df[held].sum(axis=1)  # kinds of table attended, which path counts
        assert (tables[df["path"] == "all"] == len(held)).all()
        assert (tables[df["path"] == "start_only"] == 1).all() and df.loc[df["path"] == "start_only", held[0]].all()

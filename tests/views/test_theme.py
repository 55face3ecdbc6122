import pytest

from labkit.views.theme import ThemeData


@pytest.fixture(scope="module")
def d(programme):
    return ThemeData(programme, "brede-welvaart")


def test_unknown_theme(programme):
    with pytest.raises(ValueError, match="unknown theme"):
        ThemeData(programme, "nope")


def test_theme_without_sessions(programme):
    e = ThemeData(programme, "leefomgeving")
    assert not e.has_sessions
    assert e.coattendance.number_of_nodes() == 0
    assert e.roadmap_frame().empty
    assert e.layout == {}


def test_illustrative_flag(d):
    assert d.illustrative is True and d.synthetic is False


def test_sector_filter_highlights_sector_and_partners(d):
    nodes, edges = d.network_frames(sector="union")
    union = set(nodes[nodes["sector"] == "union"]["id"])
    assert union and nodes[nodes["id"].isin(union)]["selected"].all()
    partners = {v for u in union for v in d.coattendance.neighbors(u)}
    assert set(nodes[nodes["selected"]]["id"]) == union | partners
    assert len(edges) == sum(1 for u, v in d.coattendance.edges if u in union or v in union)


def test_filters_never_move_a_dot(d):
    a, _ = d.network_frames()
    b, _ = d.network_frames(table="werkplaats")
    pos_a = dict(zip(a["id"], zip(a["x"], a["y"])))
    assert all(pos_a[i] == (x, y) for i, x, y in zip(b["id"], b["x"], b["y"]))
    assert len(b) < len(a)  # not everyone came to the workshops


def test_continuity_counts_add_up(d, programme):
    flow = d.continuity_frame()
    att = programme.attendance.merge(programme.sessions[["id", "kind"]], left_on="session_id", right_on="id")
    for kind, label in [("focustafel", "Focustafel"), ("werkplaats", "Werkplaats")]:
        people = att[att["kind"] == kind]["participant_id"].nunique()
        assert flow[flow["table_label"] == label]["people"].sum() == people


def test_roadmap_frame_status_is_the_latest_update(d, programme):
    items = d.roadmap_frame().set_index("id")
    last = programme.commitment_updates.sort_values("date").groupby("commitment_id").tail(1).set_index("commitment_id")
    for cid, row in items.iterrows():
        assert row["status"] == last.loc[cid, "status"]
        assert row["progress"] == last.loc[cid, "progress"]


def test_english_labels(d):
    assert d.sectors_frame("en")["label"].iloc[0] == "Government"
    assert "Focus table" in set(d.continuity_frame("en")["table_label"])


def test_explorer_frames_answer_every_filter(d):
    nodes, edges = d.explorer_frames()
    for sector in ("union", "government"):
        selected, _ = d.network_frames(sector=sector)
        lit = set(nodes[nodes["near"].str.contains(f"|{sector}|", regex=False)]["id"])
        assert lit == set(selected[selected["selected"]]["id"])
    at_workshop, workshop_edges = d.network_frames(table="werkplaats")
    assert set(nodes[nodes["tables"].str.contains("|werkplaats|", regex=False)]["id"]) == set(at_workshop["id"])
    assert (edges["w_werkplaats"] > 0).sum() == len(workshop_edges)
    assert sorted(edges["w_werkplaats"][edges["w_werkplaats"] > 0]) == sorted(workshop_edges["weight"])


def test_session_labels_name_the_track_in_the_page_language(d):
    nl = set(d.composition_frame("nl")["group_label"])
    en = set(d.composition_frame("en")["group_label"])
    # the month of each table is the project's reading, and the label says so
    assert "Verdiepingstafel · duurzaamheid (april 2021, eigen lezing)" in nl
    assert "Deepening table · sustainability (April 2021, our reading)" in en
    assert "Workshop · inclusivity (May 2021, our reading)" in en

"""Synthetic programmes: exact tables, seeded, marked synthetic, shaped as the rules say."""

import networkx as nx
import pandas as pd
import pytest

import labkit
from labkit.data import schema, synth
from labkit.analytics import table_continuity
from conftest import DATA


@pytest.fixture(scope="module")
def p():
    return synth.programme(600, seed=7, themes=2)


def test_same_seed_same_tables_other_seed_other_tables():
    a, b, c = synth.programme(150, seed=3), synth.programme(150, seed=3), synth.programme(150, seed=4)
    for name in schema.RESOURCE_NAMES:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])
    assert not a.attendance.equals(c.attendance)


def test_tables_and_types_are_those_of_a_loaded_package(p):
    ref = labkit.load(DATA)
    assert list(p.tables) == list(schema.RESOURCE_NAMES)
    for name in schema.RESOURCE_NAMES:
        assert list(p.tables[name].columns) == schema.field_names(name), name
        assert p.tables[name].dtypes.astype(str).to_dict() == ref.tables[name].dtypes.astype(str).to_dict(), name


def test_everything_says_synthetic(p):
    for name, df in p.tables.items():
        if "source" in df.columns and len(df):
            assert set(df["source"]) == {"synthetic"}, name
    assert p.meta["title"].startswith("SYNTHETIC") and "synthetic" in p.meta["description"].lower()
    assert "synthetic" in p.meta["keywords"] and p.is_illustrative  # synthetic counts as not-a-fact


def test_save_validates_and_loads_back_equal(tmp_path, p):
    small = synth.programme(120, seed=1, themes=2)
    small.save(tmp_path / "synthetic")
    back = labkit.load(tmp_path / "synthetic")
    for name in schema.RESOURCE_NAMES:
        pd.testing.assert_frame_equal(small.tables[name], back.tables[name], obj=name)
    assert back.meta["title"] == small.meta["title"]


def test_sizes_follow_the_arguments(p):
    assert len(p.organisations) == 600 and len(p.themes) == 2
    people = p.participants[p.participants["role"] == "participant"]
    assert len(people) == 720  # 1.2 per organisation
    assert set(p.organisations["id"]) == set(people["organisation_id"])  # everyone sends someone
    assert (p.participants["role"] == "host").sum() == 2
    sizes = p.attendance.groupby("session_id").size()
    assert 4 <= sizes.median() <= 8  # about table_size=6 per table
    with pytest.raises(ValueError):
        synth.programme(0)


def test_paths_and_tracks_follow_the_report(p):
    for th in p.themes["id"]:
        cont = table_continuity(p, th)
        share = cont["path"].value_counts(normalize=True)
        assert share["all"] == pytest.approx(0.60, abs=0.08)
        assert share["start_only"] == pytest.approx(0.15, abs=0.06)
        assert share["joined_later"] == pytest.approx(0.25, abs=0.07)  # from deepening or workshop
    kinds = p.sessions.set_index("id")
    tracks = kinds.loc[p.attendance["session_id"], "track"].to_numpy()
    table = kinds.loc[p.attendance["session_id"], "kind"].to_numpy()
    assert pd.isna(tracks[table == "focustafel"]).all() and pd.notna(tracks[table != "focustafel"]).all()
    months = kinds.groupby("kind")["month"].unique()
    assert months["focustafel"].tolist() == ["2021-03"] and months["werkplaats"].tolist() == ["2021-05"]


def test_invitations_come_from_people_who_came_earlier(p):
    inv = p.invitations
    assert not inv.duplicated(["theme_id", "participant_id"]).any()
    order = dict(zip(p.sessions["id"], p.sessions["order"]))
    first = p.attendance.assign(o=p.attendance["session_id"].map(order)).groupby("participant_id")["o"].min()
    by = inv[inv["channel"] == "participant"]
    assert len(by) > 0
    assert (by["invited_by"].map(first) < by["first_session_id"].map(order)).all()
    focus = inv[inv["first_session_id"].map(order) == 1]
    assert set(focus["channel"]) <= {"organisers", "host"}
    later = inv[inv["first_session_id"].map(order) > 1]
    assert (later["channel"] == "participant").mean() == pytest.approx(0.6, abs=0.1)


def test_collaborations_join_organisations_at_the_table(p):
    col = p.collaborations
    person_org = dict(zip(p.participants["id"], p.participants["organisation_id"]))
    present = set(zip(p.attendance["session_id"], p.attendance["participant_id"].map(person_org)))
    assert all((s, a) in present and (s, b) in present
               for s, a, b in zip(col["session_id"], col["from_organisation_id"], col["to_organisation_id"]))
    kinds = dict(zip(p.sessions["id"], p.sessions["kind"]))
    assert "focustafel" not in set(col["session_id"].map(kinds))
    assert (col["from_organisation_id"] != col["to_organisation_id"]).all()


def test_cross_sector_bias_shapes_the_ties():
    def cross_share(bias):
        q = synth.programme(1500, seed=2, cross_sector_bias=bias)
        sector = dict(zip(q.organisations["id"], q.organisations["sector"]))
        c = q.collaborations
        return (c["from_organisation_id"].map(sector) != c["to_organisation_id"].map(sector)).mean()
    assert cross_share(4.0) > cross_share(1.0) + 0.05
    assert cross_share(0.25) < cross_share(1.0) - 0.1


def test_coattendance_has_average_degree_near_ten():
    q = synth.programme(3000, seed=1)
    H = labkit.organisation_coattendance(q)
    assert 8 <= 2 * H.number_of_edges() / H.number_of_nodes() <= 13
    assert nx.is_connected(H) or nx.number_connected_components(H) < 5


def test_commitments_and_their_histories(p):
    c, upd = p.commitments, p.commitment_updates
    theme_of = dict(zip(p.invitations["participant_id"], p.invitations["theme_id"]))
    people = p.participants.loc[p.participants["role"] == "participant", "id"]  # hosts aside
    per_theme = people.map(theme_of).value_counts()
    assert c.groupby("theme_id").size().to_dict() == {t: max(3, round(n / 25)) for t, n in per_theme.items()}
    assert not upd.duplicated(["commitment_id", "date"]).any()
    first = upd.sort_values("date").groupby("commitment_id").head(1)
    assert set(first["status"]) == {"proposed"} and set(first["commitment_id"]) == set(c["id"])
    assert (upd["date"] <= pd.Timestamp("2026-10-01")).all()
    by = upd.sort_values(["commitment_id", "date"]).groupby("commitment_id")["progress"]
    assert (by.diff().dropna() >= 0).all()  # progress never goes back
    assert set(c["kind"]) <= set(schema.COMMITMENT_KINDS)
    cases = c[c["kind"] == "case"]
    assert cases["case_id"].notna().all() and set(cases["case_id"]) == set(p.cases["id"])
    owners = p.commitment_owners
    assert 0.75 < owners[owners["role"] == "lead"]["commitment_id"].nunique() / len(c) <= 0.95


def test_large_programme_is_fast_enough_to_build_in_tests():
    q = synth.programme(20_000, seed=0)  # no timing asserted; it must simply be vectorised
    assert len(q.organisations) == 20_000 and len(q.attendance) > 50_000
    assert str(q.sessions["order"].dtype) == "Int64" and q.collaborations["id"].is_unique

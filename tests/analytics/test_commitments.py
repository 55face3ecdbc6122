"""Commitments on room(), worked out by hand (see its docstring)."""

import datetime as dt

import pandas as pd
import pytest

from labkit import analytics as A
from labkit.errors import ParameterError
from test_data import room


@pytest.fixture(scope="module")
def p():
    return room()


@pytest.fixture(params=["programme", "graph"])
def G(request, p):
    return p if request.param == "programme" else p.graph


def rows(df, *cols):
    return {r[0]: list(r[1:]) for r in df[["group", *cols]].itertuples(index=False)}


def test_coverage_by_stage(G):
    df = A.commitment_coverage(G, theme="t")
    assert rows(df, "commitments", "owned", "completed") == {
        "stage-1": [2, 2, 1], "stage-2": [2, 1, 0], "stage-3": [0, 0, 0]}
    assert df["share"].tolist() == [0.5, 0.5, 0.0]
    assert rows(A.commitment_coverage(G), "commitments")["stage-3"] == [1]  # k5 of theme t2


def test_coverage_by_sdg_dimension_and_owner_sector(G):
    sdg = rows(A.commitment_coverage(G, by="sdg", theme="t"), "commitments")
    assert len(sdg) == 17 and sdg[13] == [2] and sdg[8] == [1] and sdg[10] == [1] and sdg[1] == [0]
    dim = rows(A.commitment_coverage(G, by="dimension", theme="t"), "commitments", "owned")
    assert dim == {"hier-en-nu": [1, 0], "later": [3, 2], "elders": [0, 0]}
    own = rows(A.commitment_coverage(G, by="owner_sector", theme="t"), "commitments")
    # k1: a (gov) and b (biz); k3: c (ngo); k4: d (biz); k2: nobody
    assert {k: v[0] for k, v in own.items()} == {"gov": 1, "biz": 2, "ngo": 1, "none": 1}


def test_coverage_flags_illustrative_owners_and_statuses(p):
    df = A.commitment_coverage(p, theme="t").set_index("group")
    # k1's owners and later updates are illustrative; stage-2 holds k4 whose owner is illustrative
    assert df.loc["stage-1", "illustrative"] and df.loc["stage-2", "illustrative"]
    assert not df.loc["stage-3", "illustrative"]


def test_unowned(G):
    assert A.unowned(G, theme="t") == {"stages": ["stage-3"], "dimensions": ["hier-en-nu", "elders"]}
    assert A.unowned(G) == {"stages": [], "dimensions": ["hier-en-nu"]}
    assert A.unowned(G, theme="nothing") == {"stages": ["stage-1", "stage-2", "stage-3"],
                                             "dimensions": ["hier-en-nu", "later", "elders"]}


def test_stalled_by_hand(G):
    df = A.stalled_commitments(G, as_of=dt.date(2025, 6, 1), theme="t")
    # cutoff 2024-06-01: k1 completed, k3 updated 2025-01-01; k2 last 2021-10-01; k4 never
    assert df["id"].tolist() == ["k4", "k2"]
    assert df.set_index("id").loc["k2", ["status", "progress", "months_since"]].tolist() == ["in_progress", 10, 44]
    assert df.set_index("id").loc["k4", "last_update"] is None
    assert df.set_index("id").loc["k4", "owners"] == ["org:d"]
    assert list(df.columns)[:6] == ["id", "label", "status", "progress", "last_update", "months_since"]


def test_stalled_as_of_an_earlier_date_reads_the_history(p):
    df = A.stalled_commitments(p, months=3, as_of="2022-02-01", theme="t")
    # cutoff 2021-11-01: k1 updated 2022-01-15 (not stalled then), k3 last 2021-05-01, k2 2021-10-01
    assert df["id"].tolist() == ["k4", "k3", "k2"]
    assert df.set_index("id")["months_since"].to_dict() == {"k4": None, "k3": 9, "k2": 4}
    early = A.stalled_commitments(p, months=0, as_of="2021-04-15", theme="t")
    # k3 was raised on 2021-05-01: it did not exist yet; k1 and k2 were proposed on 2021-04-01
    assert "k3" not in set(early["id"]) and {"k1", "k2"} <= set(early["id"])


def test_stalled_from_a_bare_graph_refuses_a_date_before_its_last_update(p):
    with pytest.raises(ParameterError, match="pass the programme"):
        A.stalled_commitments(p.graph, as_of="2022-02-01", theme="t")
    with pytest.raises(ParameterError, match="as_of must be a date"):
        A.stalled_commitments(p, as_of="last year")
    with pytest.raises(ParameterError, match="months must be"):
        A.stalled_commitments(p, months=-1, as_of="2025-01-01")


def test_progress_over_time_by_hand(p):
    df = A.progress_over_time(p, theme="t", freq="Y").set_index("period")
    assert df.index.tolist() == ["2021", "2022", "2023", "2024", "2025"]
    assert df["commitments"].tolist() == [3, 3, 3, 3, 3]  # k4 never had an update
    assert df["mean_progress"].tolist() == pytest.approx([10 / 3, 40 / 3, 40 / 3, 110 / 3, 160 / 3])
    assert df.loc["2021", ["proposed", "in_progress", "completed"]].tolist() == [2, 1, 0]
    assert df.loc["2024", "completed"] == 1 and df.loc["2025", "in_progress"] == 2
    assert df["illustrative"].tolist() == [False, True, True, True, True]  # k1's 2022 update on
    assert df.loc["2021", "date"] == dt.date(2021, 12, 31)


def test_progress_over_time_from_the_updates_table(p):
    whole = A.progress_over_time(p)
    assert whole.equals(A.progress_over_time(p.commitment_updates))
    assert whole["period"].iloc[0] == "2021Q2" and whole["period"].iloc[-1] == "2025Q1"
    longer = A.progress_over_time(p, as_of="2026-10-01")
    assert longer["period"].iloc[-1] == "2026Q4" and longer["commitments"].iloc[-1] == 4
    with pytest.raises(ParameterError, match="needs the programme"):
        A.progress_over_time(p.commitment_updates, theme="t")
    with pytest.raises(ParameterError, match="latest status"):
        A.progress_over_time(p.graph)
    empty = A.progress_over_time(p.commitment_updates.iloc[0:0])
    assert empty.empty and "mean_progress" in empty.columns


def test_embedded_dataset(programme):
    stalled = A.stalled_commitments(programme, as_of="2026-10-01")
    assert len(stalled) and stalled["illustrative"].all()
    assert (stalled["months_since"] > 12).all()
    cov = A.commitment_coverage(programme, by="stage")
    assert cov["commitments"].sum() == 14
    prog = A.progress_over_time(programme, theme="brede-welvaart")
    assert prog["commitments"].iloc[-1] == 14 and isinstance(prog, pd.DataFrame)

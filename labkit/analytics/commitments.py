"""Commitments: coverage of stages, SDGs, dimensions and sectors; stalled ones; progress."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import schema
from ..errors import ParameterError
from ._data import ILLUSTRATIVE, _programme_type, as_date, check_choice, frames, unique_ints

COVERAGE_BY = ("stage", "sdg", "dimension", "owner_sector")
COVERAGE_COLUMNS = ["group", "label", "commitments", "owned", "completed", "share", "illustrative"]
STALLED_COLUMNS = ["id", "label", "status", "progress", "last_update", "months_since", "owners",
                   "illustrative"]
NO_OWNER = "none"


def _scope(F, theme):
    c = F.commitments
    if theme is not None:
        c = c[c["theme"] == theme]
    return c.reset_index(drop=True)


def _illustrative(F, c):
    """Per commitment: its row, an owner, or its status rests on illustrative rows."""
    own = F.owners[F.owners["source"] == ILLUSTRATIVE]["commitment"]
    flag = (c["source"] == ILLUSTRATIVE) | c["node"].isin(own)
    if F.updates is not None:
        if "last_update_illustrative" not in F.memo:
            u = F.updates.sort_values(["commitment_id", "date"]).groupby("commitment_id").tail(1)
            F.memo["last_update_illustrative"] = set(
                "commitment:" + u.loc[u["source"] == ILLUSTRATIVE, "commitment_id"].astype(object))
        flag |= c["node"].isin(F.memo["last_update_illustrative"])
    else:  # a bare graph does not say where a status came from
        flag |= F.illustrative & c["status"].notna()
    return flag.to_numpy(dtype=bool)


def commitment_coverage(G, *, by="stage", theme=None) -> pd.DataFrame:
    """How many commitments cover each roadmap stage, SDG, dimension or owner sector.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
    by : {"stage", "sdg", "dimension", "owner_sector"}
        Roadmap stage, UN SDG (1-17), brede-welvaart dimension
        (hier en nu / later / elders) or sector of an owning organisation.
    theme : str, optional

    Returns
    -------
    pandas.DataFrame
        One row per stage, SDG, dimension or sector, zeros included (for
        ``owner_sector`` also ``"none"``: commitments nobody owns). Columns
        ``group``, ``label``, ``commitments``, ``owned`` (with at least one
        owning organisation), ``completed`` (current status), ``share`` (of
        all commitments in scope; a commitment with several SDGs, dimensions
        or owner sectors counts in each) and ``illustrative`` (some commitment
        in the row has an illustrative owner or status).

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> commitment_coverage(example_programme())[["group", "commitments", "owned"]].values.tolist()
    [['stage-1', 1, 1], ['stage-2', 0, 0], ['stage-3', 1, 0]]
    """
    check_choice("by", by, COVERAGE_BY)
    F = frames(G)
    c = _scope(F, theme)
    node = c["node"].to_numpy(dtype=object)
    owned = c["node"].isin(F.owners["commitment"]).to_numpy(dtype=bool)
    completed = (c["status"] == "completed").to_numpy(dtype=bool)
    illus = _illustrative(F, c)
    row_of = pd.Index(node)
    if by == "stage":
        groups = list(zip(F.stages["id"], F.stages["label"]))
        keys = c["stage"].to_numpy(dtype=object)
        rows = np.flatnonzero(pd.notna(keys))  # without a roadmap, commitments have no stage
        keys = keys[rows]
    elif by in ("sdg", "dimension"):
        prefix = "sdg:" if by == "sdg" else "dimension:"
        ref = F.sdgs if by == "sdg" else F.dimensions
        groups = list(zip(ref["number" if by == "sdg" else "id"], ref["label"]))
        con = F.contributions[F.contributions["target"].astype(str).str.startswith(prefix)]
        target = con["target"].astype(str).str.slice(len(prefix))
        rows = row_of.get_indexer(con["commitment"])
        keys = (target.astype(int) if by == "sdg" else target).to_numpy(dtype=object)
    else:
        sector = dict(zip(F.organisations["node"], F.organisations["sector"]))
        groups = [(s, F.sector_labels.get(s, s)) for s in F.sectors] + [(NO_OWNER, "geen eigenaar")]
        own = F.owners
        rows = np.concatenate([row_of.get_indexer(own["commitment"]), np.flatnonzero(~owned)])
        keys = np.concatenate([own["organisation"].map(sector).to_numpy(dtype=object),
                               np.full(int((~owned).sum()), NO_OWNER, dtype=object)])
    keep = rows >= 0  # contributions of commitments outside the theme
    rows, keys = rows[keep], keys[keep]
    known = [g for g, _ in groups]
    extra = sorted({k for k in keys.tolist() if k not in set(known)}, key=str)
    groups += [(g, g) for g in extra]
    gpos = pd.Index([g for g, _ in groups]).get_indexer(pd.Index(keys, dtype=object)) if len(keys) else keys
    pairs = unique_ints(np.asarray(gpos, dtype=np.int64) * max(len(c), 1) + rows)  # a commitment once per group
    g, r = pairs // max(len(c), 1), pairs % max(len(c), 1)
    k = len(groups)
    out = pd.DataFrame(groups, columns=["group", "label"])
    out["commitments"] = np.bincount(g, minlength=k)
    out["owned"] = np.bincount(g, owned[r], minlength=k).astype(int)
    out["completed"] = np.bincount(g, completed[r], minlength=k).astype(int)
    out["share"] = out["commitments"] / len(c) if len(c) else np.nan
    out["illustrative"] = np.bincount(g, illus[r], minlength=k) > 0
    return out[COVERAGE_COLUMNS]


def unowned(G, *, theme=None) -> dict:
    """Roadmap stages and brede-welvaart dimensions that no organisation owns.

    Returns
    -------
    dict
        ``{"stages": [...], "dimensions": [...]}``: ids (in their own order)
        with no commitment that has an owning organisation.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> unowned(example_programme())
    {'stages': ['stage-2', 'stage-3'], 'dimensions': ['hier-en-nu', 'elders']}
    """
    out = {}
    for key, by in (("stages", "stage"), ("dimensions", "dimension")):
        cov = commitment_coverage(G, by=by, theme=theme)
        out[key] = cov.loc[cov["owned"] == 0, "group"].tolist()
    return out


def _months_between(earlier, later) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def stalled_commitments(G, *, months=12, as_of, theme=None) -> pd.DataFrame:
    """Commitments not updated for more than ``months`` months as of a date.

    A commitment is stalled when its status on ``as_of`` is neither
    ``completed`` nor ``dropped`` and its last update on or before ``as_of``
    is older than ``months`` calendar months (``last_update < as_of - months``),
    or it never had an update.

    Parameters
    ----------
    G : Programme or networkx.MultiDiGraph
        With the programme the status history is read up to ``as_of``. The
        graph keeps only the latest status: with a bare graph ``as_of`` must
        not lie before a commitment's last update (ParameterError).
    months : int
    as_of : date or ISO date string
    theme : str, optional

    Returns
    -------
    pandas.DataFrame
        ``id``, ``label``, ``status``, ``progress``, ``last_update`` (date or
        None), ``months_since`` (whole months, None without update), ``owners``
        (organisation node ids, lead first) and ``illustrative``; the oldest
        first. Commitments whose first update lies after ``as_of`` did not
        exist yet and are left out.

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> stalled_commitments(example_programme(), as_of="2023-06-01")[["id", "months_since"]].values.tolist()
    [['k2', 25], ['k1', 17]]
    """
    if not isinstance(months, int) or months < 0:
        raise ParameterError(f"months must be a whole number of at least 0, got {months!r}")
    as_of = as_date(as_of)
    F = frames(G)
    c = _scope(F, theme)
    c["illus"] = _illustrative(F, c)
    if F.updates is not None:
        u = F.updates[F.updates["date"] <= pd.Timestamp(as_of)].sort_values(["commitment_id", "date"])
        last = u.groupby("commitment_id").tail(1).set_index("commitment_id")
        ids = c["id"]
        later_only = ids.isin(F.updates["commitment_id"]) & ~ids.isin(last.index)
        c = c[~later_only.to_numpy()].reset_index(drop=True)
        c["status"] = c["id"].map(last["status"]).astype(object)
        c["progress"] = c["id"].map(last["progress"]).astype(object)
        c["last_update"] = c["id"].map(last["date"]).astype(object)
        c["last_update"] = [None if pd.isna(d) else d.date() for d in c["last_update"]]
    else:
        late = [d for d in c["last_update"] if not pd.isna(d) and d > as_of]
        if late:
            raise ParameterError(
                f"{len(late)} commitments were updated after as_of={as_of}; the graph keeps only the "
                "latest status, so pass the programme to see the status on that date")
    cutoff = (pd.Timestamp(as_of) - pd.DateOffset(months=months)).date()
    c["last_update"] = c["last_update"].astype(object).where(c["last_update"].notna(), None)
    c["status"] = c["status"].astype(object).where(c["status"].notna(), None)
    stalled = [(s not in ("completed", "dropped")) and (d is None or d < cutoff)
               for s, d in zip(c["status"].tolist(), c["last_update"].tolist())]
    out = c[np.array(stalled, dtype=bool)].copy()
    out["months_since"] = pd.Series([None if d is None else _months_between(d, as_of)
                                     for d in out["last_update"]], index=out.index, dtype=object)
    own = F.owners.sort_values("role", key=lambda r: r != "lead", kind="stable")
    by: dict = {}  # commitment -> owners, lead first (a groupby-agg(list) runs Python per group anyway)
    for c, o in zip(own["commitment"].tolist(), own["organisation"].tolist()):
        by.setdefault(c, []).append(o)
    out["owners"] = [by.get(n, []) for n in out["node"]]
    out["illustrative"] = out["illus"]
    out["_never"] = out["last_update"].isna()
    out["_d"] = out["last_update"].map(lambda d: d.toordinal() if d is not None else 0)
    out = out.sort_values(["_never", "_d", "id"], ascending=[False, True, True], kind="stable")
    out["status"] = out["status"].astype(object).where(out["status"].notna(), None)
    out["progress"] = pd.Series([None if pd.isna(p) else int(p) for p in out["progress"]],
                                index=out.index, dtype=object)
    return out[STALLED_COLUMNS].reset_index(drop=True)


PROGRESS_COLUMNS = ["period", "date", "commitments", "mean_progress", *schema.STATUSES, "illustrative"]


def progress_over_time(programme_or_updates, *, theme=None, freq="Q", as_of=None) -> pd.DataFrame:
    """Status and progress of commitments at the end of each period.

    Parameters
    ----------
    programme_or_updates : Programme or pandas.DataFrame
        A programme, or a ``commitment_updates`` table (columns
        ``commitment_id``, ``date``, ``status``, ``progress``, optionally
        ``source``). The typed graph keeps only the latest status and is
        refused.
    theme : str, optional
        Only commitments of this theme (needs the programme).
    freq : str
        A pandas period frequency: ``"Q"`` quarters (default), ``"M"``,
        ``"Y"``.
    as_of : date, optional
        Last period is the one holding this date (default: the last update's).

    Returns
    -------
    pandas.DataFrame
        One row per period from the first update's to ``as_of``'s: ``period``
        (text such as ``2021Q2``), ``date`` (its last day), ``commitments``
        (with an update by then), ``mean_progress`` (their mean progress in %,
        the latest update of each carried forward), one count per status and
        ``illustrative`` (some update used so far is illustrative).

    Examples
    --------
    >>> from labkit.analytics._example import example_programme
    >>> df = progress_over_time(example_programme(), freq="Y")
    >>> df[["period", "commitments", "mean_progress", "in_progress"]].values.tolist()
    [['2021', 2, 0.0, 0], ['2022', 2, 20.0, 1]]
    """
    Programme = _programme_type()
    if isinstance(programme_or_updates, Programme):
        upd = programme_or_updates.commitment_updates
        if theme is not None:
            cs = programme_or_updates.commitments
            upd = upd[upd["commitment_id"].isin(cs.loc[cs["theme_id"] == theme, "id"])]
    elif isinstance(programme_or_updates, pd.DataFrame):
        if theme is not None:
            raise ParameterError("a theme filter needs the programme, not the updates table alone")
        upd = programme_or_updates
    else:
        raise ParameterError("progress_over_time needs the programme or its commitment_updates table; "
                             "the graph keeps only the latest status")
    if upd.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PROGRESS_COLUMNS})
    upd = upd.sort_values(["commitment_id", "date"], kind="stable")
    dates = pd.to_datetime(upd["date"])
    end = pd.Period(as_date(as_of), freq) if as_of is not None else dates.max().to_period(freq)
    periods = pd.period_range(dates.min().to_period(freq), end, freq=freq)
    col = np.asarray(periods.get_indexer(dates.dt.to_period(freq)), dtype=np.int64)
    inside = col >= 0  # updates after as_of's period are left out
    row, _ = pd.factorize(upd["commitment_id"])
    status = pd.Categorical(upd["status"], categories=list(schema.STATUSES)).codes.astype(np.int64)
    progress = upd["progress"].to_numpy(dtype=float)
    illus = ((upd["source"] == ILLUSTRATIVE).to_numpy() if "source" in upd.columns
             else np.zeros(len(upd), bool))
    row, col, status, progress, illus = row[inside], col[inside], status[inside], progress[inside], illus[inside]
    # the latest update of each commitment in each period (rows are sorted by date), carried forward
    latest = np.full((int(row.max()) + 1 if len(row) else 0, len(periods)), -1, dtype=np.int64)
    final = np.r_[(row[1:] != row[:-1]) | (col[1:] != col[:-1]), True] if len(row) else np.zeros(0, bool)
    latest[row[final], col[final]] = np.flatnonzero(final)  # one write per cell: no duplicate indices
    latest = np.maximum.accumulate(latest, axis=1)
    known = latest >= 0
    s_mat = np.where(known, status[np.maximum(latest, 0)], -1)
    p_mat = np.where(known, progress[np.maximum(latest, 0)], np.nan)
    first_illus = np.cumsum(np.bincount(col[illus], minlength=len(periods))) > 0
    rows = []
    for j, p in enumerate(periods):
        n = int(known[:, j].sum())
        counts = np.bincount(s_mat[known[:, j], j], minlength=len(schema.STATUSES))
        rows.append({"period": str(p), "date": p.end_time.date(), "commitments": n,
                     "mean_progress": float(np.nanmean(p_mat[known[:, j], j])) if n else None,
                     **{k: int(counts[i]) for i, k in enumerate(schema.STATUSES)},
                     "illustrative": bool(first_illus[j])})
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)

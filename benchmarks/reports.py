"""Time `labkit reports` against the naive way, in the same run, and check the content.

The naive way is what a user would script: for each theme in a row, the
papermill CLI (a fresh kernel per notebook), then ``jupyter nbconvert --to html
--no-input``. Both run on the embedded package (4 themes) and on a synthetic
package of 40 themes: brede-welvaart's sessions, attendance, invitations,
collaborations, insights, cases, commitments and quotes cloned under 36 extra
theme ids, every cloned row ``source="synthetic"``, saved with
``Programme.save``. Each report's content (every output of every cell of the
executed notebook) must be identical between the two ways.

    .venv/bin/python benchmarks/reports.py [--runs 2] [--only 4|40]

Targets (issue): at most 0.35x the naive time for 4 themes and 0.25x for 40,
on 2 cores. Other work on the same machine makes single timings noisy: compare
the ratios of one run, and look at more than one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import labkit  # noqa: E402
from labkit.report import runner as reports  # noqa: E402

BIN = Path(sys.executable).parent
NOTEBOOK = reports.NOTEBOOK
TARGET = {4: 0.35, 40: 0.25}
SOURCE_THEME = "brede-welvaart"


def synthetic_package(dst: Path, n_themes: int = 40) -> Path:
    """The embedded package plus clones of SOURCE_THEME up to ``n_themes`` themes."""
    p = labkit.load(ROOT / "data")
    t = {k: v.copy() for k, v in p.tables.items()}
    extra = n_themes - len(t["themes"])
    base = {k: v for k, v in p.tables.items()}
    sessions = base["sessions"][base["sessions"]["theme_id"] == SOURCE_THEME]
    sids = set(sessions["id"])
    commits = base["commitments"][base["commitments"]["theme_id"] == SOURCE_THEME]
    cids = set(commits["id"])
    cases = base["cases"][base["cases"]["session_id"].isin(sids)]
    add: dict[str, list[pd.DataFrame]] = {k: [] for k in t}
    for i in range(1, extra + 1):
        tid = f"synth-{i:02d}"
        pre = f"s{i:02d}-"

        def ids(series):
            return series.map(lambda v: v if pd.isna(v) else pre + v)

        def synth(df, **cols):
            return df.assign(**cols, source="synthetic")

        theme = base["themes"][base["themes"]["id"] == SOURCE_THEME]
        add["themes"].append(synth(theme, id=tid, number=len(base["themes"]) + i,
                                   name_nl=f"Synthetisch thema {i:02d}",
                                   name_en=f"Synthetic theme {i:02d}",
                                   host_organisation_id=None, host_participant_id=None))
        add["sessions"].append(synth(sessions, id=ids(sessions["id"]), theme_id=tid))
        att = base["attendance"][base["attendance"]["session_id"].isin(sids)]
        add["attendance"].append(synth(att, session_id=ids(att["session_id"])))
        inv = base["invitations"][base["invitations"]["theme_id"] == SOURCE_THEME]
        add["invitations"].append(synth(inv, theme_id=tid, first_session_id=ids(inv["first_session_id"])))
        col = base["collaborations"][base["collaborations"]["session_id"].isin(sids)]
        add["collaborations"].append(synth(col, id=ids(col["id"]), session_id=ids(col["session_id"])))
        ins = base["insights"][base["insights"]["theme_id"] == SOURCE_THEME]
        add["insights"].append(synth(ins, id=ids(ins["id"]), theme_id=tid, session_id=ids(ins["session_id"])))
        add["cases"].append(synth(cases, id=ids(cases["id"]), session_id=ids(cases["session_id"])))
        add["commitments"].append(synth(commits, id=ids(commits["id"]), theme_id=tid,
                                        case_id=ids(commits["case_id"]), session_id=ids(commits["session_id"])))
        for name in ("commitment_owners", "commitment_sdgs", "commitment_dimensions", "commitment_updates"):
            df = base[name][base[name]["commitment_id"].isin(cids)]
            add[name].append(synth(df, commitment_id=ids(df["commitment_id"])))
        q = base["quotes"][base["quotes"]["theme_id"] == SOURCE_THEME]
        add["quotes"].append(synth(q, id=ids(q["id"]), theme_id=tid, session_id=ids(q["session_id"])))
    for name, frames in add.items():
        if frames:
            t[name] = pd.concat([t[name], *frames], ignore_index=True).astype(t[name].dtypes.to_dict())
    p.replace(**t).save(dst)
    assert len(labkit.load(dst).themes) == n_themes
    return dst


def naive(data: Path, themes: list[str], out: Path) -> float:
    """papermill CLI, then nbconvert --no-input, once per theme in a row."""
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    for tid in themes:
        nb = out / f"{tid}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(NOTEBOOK), str(nb), "--no-progress-bar",
                        "--log-level", "WARNING", "-r", "theme", tid, "-r", "data_dir", str(data),
                        "-r", "as_of", "", "-r", "lang", "nl", "-p", "facts_only", "False"],
                       check=True, cwd=ROOT, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)],
                       check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - t0


def ours(data: Path, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(BIN / "labkit"), "reports", "--data", str(data), "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True, env={**os.environ, "CI": "1"})
    return time.perf_counter() - t0


def content(path: Path) -> list:
    """What a reader gets from a notebook: each cell's outputs, nothing run-dependent."""
    import nbformat
    nb = reports.normalise(nbformat.read(path, as_version=4))  # per-process SVG ids
    out = []
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            continue
        for o in cell.get("outputs", []):
            o = dict(o)
            o.pop("execution_count", None)
            o.pop("metadata", None)
            out.append((cell.get("id"), json.dumps(o, sort_keys=True)))
    return out


def compare(themes, a: Path, b: Path) -> list[str]:
    bad = []
    for tid in themes:
        if content(a / f"{tid}.ipynb") != content(b / f"{tid}.ipynb"):
            bad.append(tid)
        if not (a / f"{tid}.html").is_file() or not (b / f"{tid}.html").is_file():
            bad.append(f"{tid} (html missing)")
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--only", type=int, choices=(4, 40))
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="labkit-bench-"))
    try:
        packages = {4: ROOT / "data", 40: synthetic_package(tmp / "synthetic")}
        sizes = [args.only] if args.only else [4, 40]
        print(f"cores: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.2f}")
        results = []
        for run in range(1, args.runs + 1):
            for n in sizes:
                data = packages[n]
                themes = labkit.load(data).themes.sort_values("number")["id"].tolist()
                d = tmp / f"run{run}-{n}"
                t_ours = ours(data, d / "ours")
                t_naive = naive(data, themes, d / "naive")
                bad = compare(themes, d / "naive", d / "ours")
                ratio = t_ours / t_naive
                ok = ratio <= TARGET[n] and not bad
                results.append((run, n, t_naive, t_ours, ratio, bad))
                print(f"run {run}: {n:2d} themes  naive {t_naive:7.1f} s  labkit reports {t_ours:6.1f} s  "
                      f"ratio {ratio:.3f} (target <= {TARGET[n]})  content "
                      f"{'identical' if not bad else 'DIFFERS: ' + ', '.join(bad)}  "
                      f"{'OK' if ok else 'MISSED'}  (load {os.getloadavg()[0]:.2f})", flush=True)
                shutil.rmtree(d)
        return 0 if all(r[4] <= TARGET[r[1]] and not r[5] for r in results) else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

"""How long ``labkit workbook`` and ``labkit import workbook`` take on a large programme.

    .venv/bin/python benchmarks/workbook.py [--organisations 10000] [--people 30000]
                                            [--attendance 100000] [--keep DIR]

Makes a synthetic programme (:func:`labkit.data.synth.programme`, every row
``synthetic``) of 10,000 organisations and 30,000 people, tops its attendance up
to 100,000 rows (people also come to other tables of their theme), saves it,
then runs, each in a fresh process so that each peak memory is its own:

* ``write``: :func:`labkit.interop.workbook.write_workbook` of the package;
* ``import``: :func:`labkit.interop.workbook_import.import_workbook` of that
  workbook, unchanged (every sheet read, every row matched: no change);
* ``import-changes``: the same into the package less its last 1,000
  attendance rows, so that the import adds them and validates the whole
  package as ``save`` will;
* ``pandas``: a plain ``pandas.read_excel(file, sheet_name=None)`` of the same
  file, the naive way to read it (no matching, no checks).

Prints seconds and peak resident memory per step (and the memory the process
held when the step began: Python, labkit and, for labkit's steps, the loaded
package). Times are one
run each on a shared machine: noisy, but the ratios hold; the CPU seconds
each step used are printed beside its wall-clock time, since other work on the
machine stretches the one and not the other.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb(what: str = "VmHWM") -> float:
    """Peak (VmHWM) or current (VmRSS) resident memory of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(what + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def make_package(folder: Path, organisations: int, people: int, attendance: int) -> dict:
    import numpy as np
    import pandas as pd

    from labkit.data.synth import programme
    p = programme(organisations, seed=0, participants_per_organisation=people / organisations)
    att = p.attendance
    missing = attendance - len(att)
    if missing > 0:  # people also come to other tables: distinct (session, person) pairs
        rng = np.random.default_rng(1)
        sessions = p.sessions["id"].to_numpy(dtype=object)
        persons = p.participants["id"].to_numpy(dtype=object)
        have = set(zip(att["session_id"], att["participant_id"]))
        extra = []
        while len(extra) < missing:
            s = sessions[rng.integers(0, len(sessions), size=missing)]
            q = persons[rng.integers(0, len(persons), size=missing)]
            for pair in zip(s, q):
                if pair not in have:
                    have.add(pair)
                    extra.append(pair)
                    if len(extra) == missing:
                        break
        more = pd.DataFrame({"session_id": [a for a, _ in extra], "participant_id": [b for _, b in extra],
                             "role": "participant", "source": "synthetic"}).astype(att.dtypes.to_dict())
        p = p.replace(attendance=pd.concat([att, more], ignore_index=True))
    p.save(folder)
    return {name: len(df) for name, df in p.tables.items()}


def step(name: str, package: str, workbook: str) -> dict:
    """One step in this process; returns its figures."""
    import labkit
    before = None
    if name == "pandas":
        import pandas as pd
        import openpyxl  # noqa: F401  (imported before the clock starts, as labkit's is)
        before = _rss_mb("VmRSS")
        t0, c0 = time.perf_counter(), time.process_time()
        frames = pd.read_excel(workbook, sheet_name=None)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = sum(len(f) for f in frames.values())
        return {"step": name, "seconds": seconds, "cpu": cpu, "peak_mb": _rss_mb(), "before_mb": before,
                "rows": rows}
    t0, c0 = time.perf_counter(), time.process_time()
    p = labkit.load(package)
    load = time.perf_counter() - t0
    before = _rss_mb("VmRSS")
    t0, c0 = time.perf_counter(), time.process_time()
    if name == "write":
        from labkit.interop.workbook import write_workbook
        done = write_workbook(p, workbook)
        extra = {"rows": sum(done.rows.values())}
    else:
        from labkit.interop.workbook_import import import_workbook
        if name == "import-changes":  # the package lacks 1,000 of the workbook's attendance rows
            p = p.replace(attendance=p.attendance.iloc[:-1000])
            before = _rss_mb("VmRSS")
            t0, c0 = time.perf_counter(), time.process_time()
        result = import_workbook(p, workbook)
        extra = {"changes": result.changes}
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"step": name, "seconds": seconds, "cpu": cpu, "peak_mb": _rss_mb(), "before_mb": before,
            "load_seconds": load, **extra}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--attendance", type=int, default=100_000)
    parser.add_argument("--keep", help="keep the package and workbook in this folder")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    parser.add_argument("--workbook", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(step(args.step, args.package, args.workbook)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        package, workbook = folder / "package", folder / "programme.xlsx"
        t0, c0 = time.perf_counter(), time.process_time()
        counts = make_package(package, args.organisations, args.people, args.attendance)
        print(f"synthetic package: {counts['organisations']:,} organisations, "
              f"{counts['participants']:,} people, {counts['attendance']:,} attendance rows, "
              f"{sum(counts.values()):,} rows in all ({time.perf_counter() - t0:.1f} s to make)")
        for name in ("write", "import", "import-changes", "pandas"):
            out = subprocess.run([sys.executable, __file__, "--step", name, "--package", str(package),
                                  "--workbook", str(workbook)], capture_output=True, text=True,
                                 cwd=ROOT, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            what = {"write": "labkit workbook (write_workbook, write-only mode)",
                    "import": "labkit import workbook, unchanged (import_workbook)",
                    "import-changes": "labkit import workbook adding 1,000 rows (every table validated)",
                    "pandas": "pandas.read_excel(sheet_name=None), for comparison"}[name]
            more = (f", {r['rows']:,} rows" if "rows" in r else "") + (
                f", {r['changes']} changes" if "changes" in r else "") + (
                f"; loading the package took {r['load_seconds']:.1f} s more" if "load_seconds" in r else "")
            print(f"{what}: {r['seconds']:.1f} s ({r['cpu']:.1f} s of CPU), peak memory {r['peak_mb']:.0f} MB "
                  f"({r['before_mb']:.0f} MB when it began){more}")
            if name == "write":
                print(f"  workbook: {workbook.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``labkit`` command. Thin: each command parses arguments and calls one library function."""

from __future__ import annotations

import argparse
import sys

from .errors import DataPackageError, LabkitError, ParameterError


def _validate(args) -> int:
    from .data.io import validate_package
    problems = validate_package(args.path)
    if problems:
        for p in problems:
            print(p)
        n = len(problems)
        print(f"{args.path}: {n} problem{'s' if n != 1 else ''} — nothing was changed", file=sys.stderr)
        return 1
    from .data.model import load
    p = load(args.path)
    rows = sum(len(df) for df in p.tables.values())
    print(f"{args.path}: valid data package, {len(p.tables)} tables, {rows} rows")
    return 0


def _new(args) -> int:
    from .data.new import new_programme
    p = new_programme(args.dir, title=args.title, description=args.description or "", lang=args.lang)
    filled = ", ".join(f"{name} {len(df)}" for name, df in p.tables.items() if len(df))
    print(f"{args.dir}: new programme '{p.words(args.lang)['title']}', {len(p.tables)} tables "
          f"({filled}; the rest empty) and README.md")
    print(f"next: labkit workbook {args.dir} -o programme.xlsx, fill it in, "
          f"then labkit import workbook programme.xlsx --data {args.dir}")
    return 0


def _synth(args) -> int:
    from pathlib import Path

    from .data import synth
    from .errors import ParameterError
    folder = Path(args.dir)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ParameterError(f"{folder} is not an empty folder: labkit synth writes into a new or empty one")
    p = (synth.rounds_programme(args.organisations, rounds=args.rounds, seed=args.seed) if args.rounds > 1
         else synth.programme(args.organisations, seed=args.seed))
    p.save(folder)
    print(f"{folder}: a synthetic programme (every row 'synthetic'): {len(p.organisations):,} organisations, "
          f"{len(p.sessions):,} sessions, {max(1, len(p.tables['rounds']))} round(s)")
    return 0


def _summary(args) -> int:
    from .data.model import load
    from .analytics.summary import format_summary, summarize
    from .terminal import dumps, scrub
    s = summarize(load(args.data))
    print(dumps(s, indent=2, default=str) if args.json else format_summary(scrub(s), lang=args.lang))
    return 0


def _analyse(args) -> int:
    from .analytics import format_headline, headline
    from .data.model import load
    from .terminal import dumps, scrub
    from .analytics.planning import format_planned_vs_actual, planned_vs_actual
    programme = load(args.data)
    if args.rounds:
        from .analytics import format_round_change, round_change, round_positions
        change = round_change(programme, theme=args.theme)
        change["positions"] = round_positions(programme, theme=args.theme, change=change)
        print(dumps(change, indent=2) if args.json else format_round_change(scrub(change), args.lang))
        return 0
    h = headline(programme, theme=args.theme, as_of=args.as_of or None)
    plan = planned_vs_actual(programme)
    if args.json:
        print(dumps({**h, "planned_vs_actual": plan} if plan else h, indent=2))
    else:
        print(format_headline(scrub(h)))
        if plan:
            print(format_planned_vs_actual(plan))
    return 0


def _reports(args) -> int:
    from .report.runner import ReportsFailed, run_reports
    themes = args.theme or ["all"]
    try:
        outcomes = run_reports(data_dir=args.data, out_dir=args.out,
                               themes="all" if themes == ["all"] else themes, jobs=args.jobs,
                               as_of=args.as_of, lang=args.lang, facts_only=args.facts_only,
                               notebook=args.notebook, log=lambda line: print(line, file=sys.stderr))
    except ReportsFailed as e:
        print(f"labkit: {e}", file=sys.stderr)
        n = sum(not o.ok for o in e.outcomes)
        print(f"labkit: {n} of {len(e.outcomes)} reports failed; the others and "
              f"{args.out}/index.html were written", file=sys.stderr)
        return 1
    print(f"{len(outcomes)} reports written to {args.out}/ (start at {args.out}/index.html)")
    return 0


def _serve(args) -> int:
    from .app.serve import serve
    return serve(args.data, port=args.port, ip=args.ip, token=args.token, pool=args.pool, site=args.site)


def _publish(args) -> int:
    from .publish import publish
    from .report.runner import ReportsFailed
    try:
        site = publish(args.data, args.out, public=args.public, log=lambda line: print(line, file=sys.stderr))
    except ReportsFailed as e:
        print(f"labkit: {e}", file=sys.stderr)
        print(f"labkit: no site was written; {args.out}/ is as it was", file=sys.stderr)
        return 1
    print(f"site written to {args.out}/: open {args.out}/index.html, or put the folder on any web server "
          f"({site.pages} pages, {site.reports} reports, {len(site.downloads)} downloads)")
    if not site.public:
        what = (f"its downloads hold the names of {site.hidden_names} participant"
                f"{'s' if site.hidden_names != 1 else ''} who did not consent to be named"
                if site.hidden_names else "it is made from the lab's working copy of the data")
        print(f"note: this site is for inside the lab: {what}; publish with --public to share it wider",
              file=sys.stderr)
    return 0


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not NAME=VALUE")
    return name.strip(), value.strip()


def _import(args) -> int:
    from .interop.importing import import_attendance, import_progress
    from .data.model import load
    programme = load(args.data)
    if args.list == "attendance":
        sectors = [s for s in args.add_unknown if "=" not in s]
        named = dict(_pair(s) for s in args.add_unknown if "=" in s)
        if len(sectors) > 1 or (sectors and named):
            raise ParameterError("give --add-unknown once as SECTOR, or as NAME=SECTOR pairs")
        result = import_attendance(programme, args.file, theme=args.theme, session=args.session,
                                   add_unknown=sectors[0] if sectors else named,
                                   aliases=dict(args.alias), encoding=args.encoding, sheet=args.sheet)
    else:
        result = import_progress(programme, args.file, encoding=args.encoding, sheet=args.sheet)
    print(result.report())
    if args.dry_run:
        print("dry run: nothing written")
    elif result.changes:
        result.save()
        print(f"written to {args.data}")
    return 0


def _plan_tables(args) -> int:
    from .data.model import load
    from .interop.seating import plan_from_list, provenance_note, write_plan
    sectors = [s for s in args.add_unknown if "=" not in s]
    named = dict(_pair(s) for s in args.add_unknown if "=" in s)
    apart = []
    for text in args.apart:
        a, sep, b = text.partition("|")
        if not sep or not a.strip() or not b.strip():
            raise ParameterError(f"--apart '{text}' is not 'NAME A|NAME B'")
        apart.append((a.strip(), b.strip()))
    reg, plan = plan_from_list(load(args.data), args.file, tables=args.tables, capacity=args.capacity,
                               min_sectors=args.min_sectors, keep=dict(args.keep), apart=apart,
                               seconds=args.seconds, seed=args.seed,
                               add_unknown=sectors[0] if sectors else named,
                               aliases=dict(args.alias), encoding=args.encoding, sheet=args.sheet)
    recorded = None
    if args.record:
        from .analytics.planning import record_plan
        recorded = record_plan(reg.programme, plan, args.record)
        recorded.save(args.data)  # validates the whole package first; atomic
    n = write_plan(reg.programme, plan, args.out, lang=args.lang)
    print(reg.report())
    print(plan.describe())
    note = provenance_note(reg.programme, plan)
    if note:
        print("note: " + note)
    if n:
        print(f"note: {n} text cell{'s' if n != 1 else ''} starting with = + - @ got a leading "
              "apostrophe so spreadsheets do not run them as formulas")
    print(f"wrote {args.out}")
    if recorded is not None:
        print(f"recorded the plan as planned attendance of {', '.join(args.record)} in {args.data}")
    return 0


def _workbook(args) -> int:
    from .interop.workbook import write_workbook
    from .data.model import load
    from pathlib import Path
    output = args.output or f"{Path(args.data).resolve().name}.xlsx"
    done = write_workbook(load(args.data), output, lang=args.lang)
    rows = sum(done.rows.values())
    print(f"wrote {done.path}: {len(done.rows)} tables, {rows} rows")
    print(f"fill it in, then: labkit import workbook {done.path} --data {args.data} --dry-run")
    if done.neutralised:
        print(f"note: {done.neutralised} text cell{'s' if done.neutralised != 1 else ''} starting with "
              "= + - @ got a leading apostrophe so spreadsheets do not run them as formulas; "
              "the import takes it off again", file=sys.stderr)
    return 0


def _import_workbook(args) -> int:
    from .interop.workbook_import import import_workbook
    from .data.model import load
    result = import_workbook(load(args.data), args.file, allow_removals=args.allow_removals)
    print(result.report())
    if args.dry_run:
        print("dry run: nothing written")
    elif result.changes:
        result.save()
        print(f"written to {args.data}")
    else:
        print("nothing to change")
    return 0


def _export(args) -> int:
    from .interop.export import export_programme
    from .data.model import load
    done = export_programme(load(args.data), args.format, args.output, public=args.public)
    print(f"wrote {done.path}")
    for note in done.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from ._version import __version__
    parser = argparse.ArgumentParser(prog="labkit", description="labkit: the policy-lab workbench")
    parser.add_argument("--version", action="version", version=f"labkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check a data package and list every problem")
    p.add_argument("path", nargs="?", default="data", help="folder with datapackage.json (default: data)")
    p.set_defaults(func=_validate)

    p = sub.add_parser("new", help="start a programme of your own: a valid, empty data package")
    p.add_argument("dir", help="folder to create (new or empty)")
    p.add_argument("--title", required=True, help="the programme's title")
    p.add_argument("--description", help="a short introduction to the programme")
    p.add_argument("--lang", default="nl", choices=["nl", "en"],
                   help="language of the title, the description and the README (default: nl)")
    p.set_defaults(func=_new)

    p = sub.add_parser("synth", help="write a synthetic programme (every row 'synthetic') to try labkit on: "
                                     "any size, one or more rounds")
    p.add_argument("dir", help="folder to create (new or empty)")
    p.add_argument("--organisations", type=int, default=40, help="organisations (a round) (default 40)")
    p.add_argument("--rounds", type=int, default=1, help="rounds (default 1)")
    p.add_argument("--seed", type=int, default=0, help="seed: the same arguments give the same programme")
    p.set_defaults(func=_synth)

    p = sub.add_parser("summary", help="print a short account of the programme")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--lang", default="nl", choices=["nl", "en"], help="nl (default) or en")
    p.set_defaults(func=_summary)

    p = sub.add_parser("analyse", help="headline network analytics: who was in the room, cross-sector "
                                       "ties, brokers, commitments")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--theme", help="theme id (default: all themes)")
    p.add_argument("--as-of", default="", metavar="YYYY-MM-DD",
                   help="date for stalled commitments (default: the latest commitment update)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--rounds", action="store_true",
                   help="the change between the programme's rounds: who came back, which ties lasted, "
                        "what moved (labkit.analytics.round_change)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of --rounds' text (default nl)")
    p.set_defaults(func=_analyse)

    p = sub.add_parser("serve", help="serve the dashboard with Voilà (127.0.0.1 unless told)")
    p.add_argument("--data", default=None, help="data package folder (default: the project's data/)")
    p.add_argument("--port", type=int, default=8866, help="port, 1-65535 and free (default: 8866)")
    p.add_argument("--ip", default="127.0.0.1", help="address to listen on; beyond 127.0.0.1 a token is required")
    p.add_argument("--token", default=None, help="access token (generated when --ip is not local)")
    p.add_argument("--pool", type=int, default=None, metavar="N",
                   help="viewers at once: preheated kernels for the dashboard, ~200 MB each (default: 10 per "
                        "core, at most what half the free memory holds twice over; 0: none)")
    p.add_argument("--site", default=None, metavar="DIR|URL",
                   help="the published site (labkit publish) to serve at /site/ and link from the start "
                        "page, or its address elsewhere (default: ./site/ when it has an index.html)")
    p.set_defaults(func=_serve)

    p = sub.add_parser("publish", help="write the dashboard, the theme reports and the open data as a "
                                       "static site for any number of viewers")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--out", default="site", help="folder of the site, replaced whole (default: site)")
    p.add_argument("--public", action="store_true",
                   help="leave out the names of people who did not consent to be named, downloads included")
    p.set_defaults(func=_publish)

    p = sub.add_parser("import", help="read a registration or progress list (.xlsx or .csv), or a "
                                      "filled-in workbook, into the package")
    lists = p.add_subparsers(dest="list", required=True)
    a = lists.add_parser("attendance", help="a registration list for one session")
    a.add_argument("--theme", required=True, help="theme id, e.g. brede-welvaart")
    a.add_argument("--session", required=True, help="session id, e.g. bw-focus")
    a.add_argument("--add-unknown", action="append", default=[], metavar="SECTOR|NAME=SECTOR",
                   help="add organisations the package does not know, in this sector (all of them, "
                        "or one NAME=SECTOR per organisation); without it they are refused")
    a.add_argument("--alias", action="append", default=[], type=_pair, metavar="NAME=ORG_ID",
                   help="the list's NAME is the known organisation ORG_ID (recorded as an alias)")
    b = lists.add_parser("progress", help="commitment updates in bulk (id, date, status, progress, note)")
    for q in (a, b):
        q.add_argument("file", help="the list: .xlsx or .csv")
        q.add_argument("--data", default="data", help="data package folder (default: data)")
        q.add_argument("--sheet", help="sheet of a workbook (default: the first visible one)")
        q.add_argument("--encoding", help="encoding of a CSV that is not UTF-8, e.g. cp1252")
        q.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
        q.set_defaults(func=_import)
    w = lists.add_parser("workbook", help="a workbook written by 'labkit workbook' and filled in: "
                                          "rows added, changed and removed in every table")
    w.add_argument("file", help="the workbook (.xlsx)")
    w.add_argument("--data", default="data", help="data package folder (default: data)")
    w.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    w.add_argument("--allow-removals", action="store_true",
                   help="remove the package's rows that are no longer in the workbook "
                        "(without it they are listed and refused)")
    w.set_defaults(func=_import_workbook)

    p = sub.add_parser("plan-tables", help="plan who sits at which table in the next round "
                                           "(CP-SAT): new cross-sector pairs, sectors at every table")
    p.add_argument("file", help="the registration list: .xlsx or .csv (as 'import attendance' reads)")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--tables", type=int, required=True, help="how many tables")
    p.add_argument("--capacity", type=int, required=True, help="at most this many people at a table")
    p.add_argument("--min-sectors", type=int, default=None,
                   help="sectors at every table (default: 4, or as many as the registrations allow)")
    p.add_argument("--keep", action="append", default=[], type=_pair, metavar="NAME=TABLE",
                   help="seat NAME at table TABLE (numbered from 1); repeatable")
    p.add_argument("--apart", action="append", default=[], metavar="NAME A|NAME B",
                   help="never seat these two at one table; repeatable")
    p.add_argument("--seconds", type=float, default=30,
                   help="search limit in CP-SAT's deterministic time, about seconds (default: 30)")
    p.add_argument("--seed", type=int, default=0, help="CP-SAT's random seed (default: 0)")
    p.add_argument("--add-unknown", action="append", default=[], metavar="SECTOR|NAME=SECTOR",
                   help="organisations the package does not know, in this sector (as 'import attendance')")
    p.add_argument("--alias", action="append", default=[], type=_pair, metavar="NAME=ORG_ID",
                   help="the list's NAME is the known organisation ORG_ID")
    p.add_argument("--sheet", help="sheet of a workbook (default: the first visible one)")
    p.add_argument("--encoding", help="encoding of a CSV that is not UTF-8, e.g. cp1252")
    p.add_argument("--lang", default="nl", choices=["nl", "en"], help="language of the workbook")
    p.add_argument("--out", required=True, help="the plan's workbook (.xlsx), written atomically")
    p.add_argument("--record", action="append", default=[], metavar="SESSION_ID",
                   help="write the plan into the package as attendance with source 'planned', one "
                        "session per table in order (repeat it); no measure counts it, and "
                        "'labkit analyse' compares it with the real list once imported")
    p.set_defaults(func=_plan_tables)

    p = sub.add_parser("workbook", help="write the whole programme as a workbook to fill in "
                                        "(Excel, LibreOffice); read it back with 'import workbook'")
    p.add_argument("data", nargs="?", default="data", help="data package folder (default: data)")
    p.add_argument("--output", "-o", help="file to write (default: <folder name>.xlsx here)")
    p.add_argument("--lang", default="nl", choices=["nl", "en"],
                   help="language of sheet and column names (default: nl)")
    p.set_defaults(func=_workbook)

    p = sub.add_parser("reports", help="write a report per theme (.ipynb and offline .html) and an index")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--out", default="reports", help="folder for the reports (default: reports)")
    p.add_argument("--theme", action="append", metavar="ID|all",
                   help="theme id, repeatable (default: all)")
    p.add_argument("--jobs", type=int, help="kernels running at once (default: one per core)")
    p.add_argument("--as-of", default="", metavar="YYYY-MM-DD",
                   help="the date reports speak for (default: the latest date in the data)")
    p.add_argument("--lang", default="nl", help="nl (default) or en")
    p.add_argument("--facts-only", action="store_true", help="leave out illustrative and synthetic rows")
    p.add_argument("--notebook", help="report notebook (default: notebooks/theme_report.ipynb)")
    p.set_defaults(func=_reports)

    p = sub.add_parser("export", help="write the programme for Gephi, yEd, Kumu, Excel or an open-data portal")
    p.add_argument("--format", required=True, choices=["gexf", "graphml", "kumu", "xlsx", "datapackage"])
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--output", "-o", help="file to write (default: <package name><suffix> here)")
    p.add_argument("--public", action="store_true",
                   help="xlsx/datapackage: blank the names of people who may not be named "
                        "(graph formats always use pseudonyms)")
    p.set_defaults(func=_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DataPackageError as e:
        print(e, file=sys.stderr)
        return 1
    except LabkitError as e:
        print(f"labkit: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""The ``labkit`` command. Thin: each command parses arguments and calls one library function."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import DataPackageError, LabkitError


def _validate(args) -> int:
    from .io import validate_package
    problems = validate_package(args.path)
    if problems:
        for p in problems:
            print(p)
        n = len(problems)
        print(f"{args.path}: {n} problem{'s' if n != 1 else ''} — nothing was changed", file=sys.stderr)
        return 1
    from .model import load
    p = load(args.path)
    rows = sum(len(df) for df in p.tables.values())
    print(f"{args.path}: valid data package, {len(p.tables)} tables, {rows} rows")
    return 0


def _summary(args) -> int:
    from .model import load
    from .summary import format_summary, summarize
    s = summarize(load(args.data))
    print(json.dumps(s, ensure_ascii=False, indent=2, default=str) if args.json else format_summary(s))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labkit", description="labkit: the policy-lab workbench")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check a data package and list every problem")
    p.add_argument("path", nargs="?", default="data", help="folder with datapackage.json (default: data)")
    p.set_defaults(func=_validate)

    p = sub.add_parser("summary", help="print a short account of the programme")
    p.add_argument("--data", default="data", help="data package folder (default: data)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_summary)
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

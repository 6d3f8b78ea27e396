"""`make bench`: every benchmark, one table.

Each module's `run()` returns rows (label, value, unit); each runs in its own
process so that each can configure Django (or not) as it needs. A module that
is missing, or has no `run()`, is noted and skipped.

Run: .venv/bin/python bench/run.py [--events N] [--small N] [--requests N] [--seconds S]
       [--only tagger,ingest,html,pages,review] [--manifest story/manifest.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
MODULES = {
    "tagger": ("bench_tagger", "date tagger"),
    "ingest": ("bench_ingest", "ingest pipeline"),
    "html": ("bench_html", "saved web pages"),
    "pages": ("bench_pages", "timeline pages (PostgreSQL)"),
    "review": ("bench_review", "review queue"),
}
CHILD = """
import json, sys
sys.path[:0] = [{bench!r}, {root!r}]
module = __import__({module!r})
if not hasattr(module, "run"):
    print("@@SKIP@@ has no run()")
else:
    rows = module.run(**json.loads({kwargs!r}))
    print("@@ROWS@@" + json.dumps([list(row) for row in rows]))
"""


def run_module(name: str, kwargs: dict) -> tuple[list[tuple[str, str, str]], str]:
    module, _ = MODULES[name]
    if not (BENCH / f"{module}.py").exists():
        return [], f"bench/{module}.py is not there yet"
    code = CHILD.format(bench=str(BENCH), root=str(ROOT), module=module, kwargs=json.dumps(kwargs))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=1800
    )
    for line in result.stdout.splitlines():
        if line.startswith("@@ROWS@@"):
            return [tuple(cell_text(cell) for cell in row) for row in json.loads(line[8:])], ""
        if line.startswith("@@SKIP@@"):
            return [], f"bench/{module}.py {line[9:]}"
    error = (result.stderr.strip().splitlines() or ["no output"])[-1]
    return [], f"bench/{module}.py failed: {error}"


def cell_text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.3g}"
    return str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description="Dateline benchmarks, one table.")
    parser.add_argument("--events", type=int, default=100_000, help="events in the large story")
    parser.add_argument("--small", type=int, default=1_000, help="events in the small story")
    parser.add_argument("--requests", type=int, default=200, help="requests per latency figure")
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds per throughput figure")
    parser.add_argument("--only", default=",".join(MODULES), help="which: " + ",".join(MODULES))
    parser.add_argument(
        "--manifest",
        help="a real story's manifest.json for the ingest and review rows (default: the seeds)",
    )
    args = parser.parse_args()
    if args.manifest and not Path(args.manifest).is_file():
        sys.exit(f"--manifest: no such file: {args.manifest}")
    kwargs = {
        "tagger": {},
        "ingest": {"manifest": str(Path(args.manifest).resolve())} if args.manifest else {},
        "html": {},
        "pages": {
            "events": args.events,
            "small": args.small,
            "requests": args.requests,
            "seconds": args.seconds,
        },
        "review": {
            "story": str(Path(args.manifest).resolve()) if args.manifest else "",
            "requests": args.requests,
        },
    }
    table: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    began = time.perf_counter()
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        if name not in MODULES:
            sys.exit(f"Unknown benchmark {name!r}; choose from {', '.join(MODULES)}.")
        print(f"… {MODULES[name][1]}", file=sys.stderr, flush=True)
        rows, note = run_module(name, kwargs[name])
        table += [(MODULES[name][1], *row) for row in rows]
        if note:
            notes.append(note)
    widths = [max([len(h)] + [len(r[i]) for r in table]) for i, h in enumerate(HEADER)]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    for note in notes:
        print(f"note: {note}")
    print(f"(all benchmarks took {time.perf_counter() - began:.0f} s)")


HEADER = ("benchmark", "measure", "value", "unit")

if __name__ == "__main__":
    main()

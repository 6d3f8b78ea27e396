import json

import pytest
from django.core.management import CommandError, call_command

from .conftest import DATA_DIR


def _lines(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_tag_dates_prints_one_json_object_per_expression(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Last week, on Friday, Seoul protested.", encoding="utf-8")
    call_command("tag_dates", str(path), dct="2024-10-21")
    rows = _lines(capsys)
    assert [(r["text"], r["value"], r["start"], r["end"]) for r in rows] == [
        ("Last week", "2024-W42", 0, 9),
        ("Friday", "2024-10-18", 14, 20),
    ]
    assert {"type", "date_start", "date_end", "granularity", "rule", "anchor"} <= rows[0].keys()


def test_tag_dates_offsets_index_the_text_as_read(tmp_path, capsys):
    text = "Séoul’s envoy — summoned today.\r\nIt met in June."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    call_command("tag_dates", str(path), dct="2024-10-21")
    for row in _lines(capsys):
        assert text[row["start"] : row["end"]] == row["text"]


def test_tag_dates_batch_mode(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    docs = [
        {"doc_id": "a", "dct": "2024-10-21", "text": "Last week."},
        {"doc_id": "b", "dct": "2024-10-18", "text": "No dates here."},
    ]
    path.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    call_command("tag_dates", jsonl=str(path))
    rows = _lines(capsys)
    assert rows == [
        {
            "doc_id": "a",
            "timexes": [
                {"start": 0, "end": 9, "text": "Last week", "type": "DATE", "value": "2024-W42"}
            ],
        },
        {"doc_id": "b", "timexes": []},
    ]


@pytest.mark.parametrize("dct", [None, "2024-13-01", "21/10/2024", "yesterday"])
def test_tag_dates_rejects_missing_or_invalid_dct(tmp_path, dct):
    path = tmp_path / "a.txt"
    path.write_text("Today.", encoding="utf-8")
    options = {"dct": dct} if dct else {}
    with pytest.raises(CommandError, match="dct"):
        call_command("tag_dates", str(path), **options)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 in June", "UTF-8"),
    ],
)
def test_tag_dates_rejects_unusable_files(tmp_path, content, message):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("tag_dates", str(path), dct="2024-10-21")


def test_tag_dates_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("tag_dates", str(tmp_path / "nope.txt"), dct="2024-10-21")


def test_tag_dates_names_the_malformed_json_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"doc_id": "a", "dct": "2024-10-21", "text": "x"}\n{oops\n', encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("tag_dates", jsonl=str(path))


def test_tag_dates_names_the_line_with_a_bad_dct(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"doc_id": "a", "dct": "2024-02-30", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="line 1"):
        call_command("tag_dates", jsonl=str(path))


def test_evaluate_dates_prints_scores_and_errors(capsys):
    call_command("evaluate_dates", str(DATA_DIR / "regression.jsonl"), errors=True)
    out = capsys.readouterr().out
    assert "strict" in out and "relaxed" in out and "value" in out
    assert "DATE" in out


def test_evaluate_dates_lists_a_miss_with_context(tmp_path, capsys):
    gold = {
        "doc_id": "g",
        "dct": "2024-10-21",
        "text": "It happened in the Douglas era.",
        "timexes": [
            {"start": 19, "end": 30, "text": "Douglas era", "type": "DATE", "value": "PAST_REF"}
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold), encoding="utf-8")
    call_command("evaluate_dates", str(path), errors=True)
    assert "missed" in capsys.readouterr().out


def test_evaluate_dates_rejects_malformed_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "g", "dct": "2024-10-21"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="line 1"):
        call_command("evaluate_dates", str(path))

"""The fixed dev/test halves `evaluate_dates --split` scores."""

import json

import pytest
from django.core.management import CommandError, call_command

from timeline.temporal.scoring import InputError, select_split, split_of


@pytest.mark.parametrize(
    ("doc_id", "half"),
    [
        # Pinned: a hash of the id, the same on every machine and Python run.
        ("100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing", "dev"),
        ("a", "dev"),
        ("d", "dev"),
        ("e", "test"),
        ("f", "test"),
    ],
)  # fmt: skip
def test_split_of_is_a_fixed_hash(doc_id, half):
    assert split_of(doc_id) == half


def test_halves_partition_the_documents():
    documents = [{"doc_id": f"doc-{i}"} for i in range(200)]
    dev, test = select_split(documents, "dev"), select_split(documents, "test")
    assert len(dev) + len(test) == 200
    assert {d["doc_id"] for d in dev}.isdisjoint(d["doc_id"] for d in test)
    assert 70 <= len(dev) <= 130  # roughly halves
    assert select_split(documents, "all") == documents


def test_unknown_split_is_an_input_error():
    with pytest.raises(InputError, match="split"):
        select_split([], "train")


def _gold(tmp_path, ids):
    lines = [
        json.dumps(
            {
                "doc_id": doc_id,
                "dct": "2024-10-21",
                "text": "It happened last week.",
                "timexes": [
                    {
                        "start": 12,
                        "end": 21,
                        "text": "last week",
                        "type": "DATE",
                        "value": "2024-W42",
                    }
                ],
            }
        )
        for doc_id in ids
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("split", "count"), [("dev", 2), ("test", 2), ("all", 4)])
def test_evaluate_dates_scores_one_half(tmp_path, capsys, split, count):
    call_command("evaluate_dates", str(_gold(tmp_path, ["a", "b", "e", "f"])), split=split)
    out = capsys.readouterr().out
    assert f"documents: {count} " in out
    assert ("split: " in out) == (split != "all")


def test_evaluate_dates_rejects_an_empty_half(tmp_path):
    with pytest.raises(CommandError, match="no documents in the dev split"):
        call_command("evaluate_dates", str(_gold(tmp_path, ["e"])), split="dev")

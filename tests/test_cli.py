"""The command line as other tools use it: run as a subprocess, JSON checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader import __version__

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=600,
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsreader {__version__}"


def test_bad_usage_exits_2() -> None:
    result = run_cli("export", str(SEEDS))  # --out is required
    assert result.returncode == 2
    assert "--out" in result.stderr


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run_cli("entities", "--json", str(tmp_path))
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["articles"] == []
    assert [Path(e["path"]).name for e in payload["errors"]] == ["empty.txt"]
    assert "empty.txt" in result.stderr


@pytest.fixture(scope="module")
def entities_json() -> dict:
    result = run_cli("entities", "--json", "--no-cache", str(SEEDS))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_entities_json_shape(entities_json: dict) -> None:
    assert set(entities_json) >= {"model", "articles", "errors"}
    assert entities_json["model"]["name"] and entities_json["model"]["version"]
    assert entities_json["errors"] == []
    ids = [a["id"] for a in entities_json["articles"]]
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in entities_json["articles"]:
        assert set(article) >= {
            "id",
            "path",
            "title",
            "outlet",
            "date",
            "text",
            "removed",
            "entities",
        }
        assert Path(article["path"]).stem == article["id"]
        assert article["date"] is None or len(article["date"]) == 10
        assert all(isinstance(line, str) for line in article["removed"])
        text = article["text"]
        for entity in article["entities"]:
            assert set(entity) >= {"start", "end", "text", "label", "canonical"}
            assert text[entity["start"] : entity["end"]] == entity["text"]
            assert entity["label"] in {"PER", "ORG", "LOC", "EVENT", "DATE", "TIME", "QUANTITY"}
            assert entity["canonical"]


def test_entities_json_real_values(entities_json: dict) -> None:
    by_id = {a["id"]: a for a in entities_json["articles"]}
    first = by_id["000_fc9175edbb7cee1d"]
    assert first["outlet"] == "Republika"
    assert first["date"] == "2023-09-13"
    assert "Advertisement" not in first["text"]
    assert "Advertisement" in first["removed"]
    people = {e["text"] for e in first["entities"] if e["label"] == "PER"}
    assert "Dmitry Peskov" in people
    assert by_id["004_91a0ecad471e4b25"]["outlet"] is None


def test_bad_file_reported_and_others_load(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Banjir Melanda Kota\n\nJAKARTA -- Banjir melanda Jakarta pada Senin (4/3/2024). "
        "Sebanyak 14 orang tewas, kata Kepala BNPB Suharyanto.\n",
        encoding="utf-8",
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    result = run_cli("entities", "--json", "--no-cache", str(tmp_path))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == ["good"]
    assert [Path(e["path"]).name for e in payload["errors"]] == ["bin.txt"]
    assert "bin.txt" in result.stderr and "binary" in result.stderr.lower()


def test_entities_table_is_readable() -> None:
    result = run_cli("entities", "--no-cache", str(SEEDS / "002_4137063095805dd9.txt"))
    assert result.returncode == 0, result.stderr
    assert "002_4137063095805dd9" in result.stdout
    assert "Nusadaily" in result.stdout
    assert "PER" in result.stdout


def test_compare_json_shape() -> None:
    result = run_cli("compare", "--json", "--no-cache", str(SEEDS))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) >= {"stories", "errors"}
    assert payload["stories"], "the seeds form at least one story"
    story = payload["stories"][0]
    assert set(story) >= {"id", "articles", "facts", "unique", "shared_passages"}
    seen_articles = {a for s in payload["stories"] for a in s["articles"]}
    assert seen_articles == {p.stem for p in SEEDS.glob("*.txt")}
    shared = [f for s in payload["stories"] for f in s["facts"] if len(f["mentions"]) > 1]
    assert shared, "the seeds share facts"
    for fact in shared:
        assert set(fact) >= {"id", "summary", "mentions", "discrepancies"}
        for mention in fact["mentions"]:
            assert set(mention) >= {"article", "sentence"}
        for discrepancy in fact["discrepancies"]:
            assert set(discrepancy) >= {"kind", "values"}
            assert len(set(discrepancy["values"].values())) > 1
    for passage in story["shared_passages"]:
        assert len(passage["articles"]) == 2 and passage["chars"] > 0


def test_export_writes_then_keeps_without_force(tmp_path: Path) -> None:
    from newsreader.export import parse_export

    out = tmp_path / "out"
    seed = str(SEEDS / "002_4137063095805dd9.txt")
    first = run_cli("export", seed, "--out", str(out), "--no-cache")
    assert first.returncode == 0, first.stderr
    exported = out / "002_4137063095805dd9.md"
    text = exported.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    # The export carries exactly the text and entities that `entities` reports.
    listed = json.loads(run_cli("entities", "--json", "--no-cache", seed).stdout)["articles"][0]
    body, spans = parse_export(text)
    assert body == listed["text"]
    assert spans == [(e["start"], e["end"], e["label"]) for e in listed["entities"]]
    assert any(label == "PER" for _, _, label in spans)
    exported.write_text("my own notes", encoding="utf-8")
    second = run_cli("export", seed, "--out", str(out), "--no-cache")
    assert second.returncode == 0
    assert "kept existing 002_4137063095805dd9.md" in second.stderr
    assert exported.read_text(encoding="utf-8") == "my own notes"
    forced = run_cli("export", seed, "--out", str(out), "--force", "--no-cache")
    assert forced.returncode == 0
    assert exported.read_text(encoding="utf-8") == text

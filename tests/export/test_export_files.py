"""Writing the export folder: safe names, atomic writes, keep unless --force, the index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from export_samples import SEEDS, annotated, capitalised_entities, seed_article
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.corpus.article import Article
from newsreader.export import (
    ArticleComparison,
    ExportItem,
    FactDiscrepancy,
    export_articles,
    parse_export,
)
from newsreader.export.files import UniqueNames, file_stem

TUI = Path(__file__).resolve().parents[2] / "tui"

HOSTILE_IDS = [
    "../../etc/passwd",
    "a/b",
    "a\\b",
    "con",
    "CON.txt",
    "lpt1",
    "\x1b[31m",
    "\x1b[31mred\x1b[0m",
    "..",
    ".hidden",
    "-rf",
    "",
    "   ",
    "nul\x00byte",
    "x" * 400,
    "金" * 200,
    "README",
    "readme",
    "ok",
    "OK",
]


def _item(article_id: str, title: str | None = "Judul") -> ExportItem:
    article = Article(
        id=article_id, path=f"/corpus/{article_id!r}.txt", text="Kim tiba di Rusia.", title=title
    )
    return ExportItem(annotated(article))


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_hostile_ids_stay_inside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    report = export_articles([_item(i) for i in HOSTILE_IDS], out)
    assert report.errors == [] and report.kept == []
    assert len(report.written) == len(HOSTILE_IDS) + 1  # and the index
    assert {path.parent for path in report.written} == {out}
    assert _files(tmp_path) == {"deep", "deep/out", *(f"deep/out/{p.name}" for p in report.written)}
    names = [path.name for path in report.written]
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        stem = name.removesuffix(".md")
        assert name.endswith(".md") and not name.startswith((".", "-"))
        assert "/" not in name and "\\" not in name and ".." not in name
        assert name.isprintable() and len(name.encode("utf-8")) < 200
        assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "LPT1"}
    assert names.count("README.md") == 1 and report.index == out / "README.md"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_id_gives_a_plain_file_name(article_id: str) -> None:
    stem = file_stem(article_id)
    assert stem and not stem.startswith((".", "-", " ")) and not stem.endswith((".", " "))
    assert not set(stem) & set('/\\:*?"<>|\x00') and ".." not in stem
    assert stem.isprintable() and len(stem.encode("utf-8")) <= 160
    assert Path(stem + ".md").name == stem + ".md"


def test_unique_names_are_case_insensitive() -> None:
    names = UniqueNames()
    assert [names.name_for(i) for i in ["Kim", "kim", "KIM", "readme", "a/b", "a_b"]] == [
        "Kim.md",
        "kim-2.md",
        "KIM-3.md",
        "readme-2.md",
        "a_b.md",
        "a_b-2.md",
    ]


def test_existing_files_are_kept_unless_forced(tmp_path: Path) -> None:
    item = _item("001_berita")
    (tmp_path / "001_berita.md").write_text("my notes", encoding="utf-8")
    report = export_articles([item], tmp_path)
    assert report.written == [tmp_path / "README.md"]
    assert [(k.path.name, k.reason) for k in report.kept] == [
        ("001_berita.md", "use --force to overwrite")
    ]
    assert "kept existing 001_berita.md (use --force to overwrite)" in report.messages()
    assert (tmp_path / "001_berita.md").read_text(encoding="utf-8") == "my notes"
    report = export_articles([item], tmp_path, force=True)
    assert tmp_path / "001_berita.md" in report.written and report.kept == []
    assert (
        parse_export((tmp_path / "001_berita.md").read_text(encoding="utf-8"))[0]
        == "Kim tiba di Rusia."
    )


def test_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(outside)
    report = export_articles([_item("a")], out)
    assert [k.path.name for k in report.kept] == ["a.md"]
    export_articles([_item("a")], out, force=True)
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (out / "a.md").is_symlink()


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    export_articles([_item("a"), _item("b")], tmp_path)
    export_articles([_item("a"), _item("b")], tmp_path)
    export_articles([_item("a")], tmp_path, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "a.md", "b.md"]


def test_index_lists_articles_and_story_discrepancies(tmp_path: Path) -> None:
    paths = sorted(SEEDS.glob("*.txt"))[:2]
    discrepancy = FactDiscrepancy("day", (("Republika", "Selasa"), ("Kompas", "Rabu")))
    items = [
        ExportItem(
            annotated(seed_article(path), capitalised_entities(seed_article(path).text)),
            ArticleComparison(discrepancies=(discrepancy,)),
            story="kim-rusia",
        )
        for path in paths
    ]
    report = export_articles(items, tmp_path, style="html")
    index = (tmp_path / "README.md").read_text(encoding="utf-8")
    for path in paths:
        assert f"]({path.stem}.md)" in index
    assert index.count("- **day**") == 1  # shared by both articles: listed once
    assert "  - Republika: Selasa\n  - Kompas: Rabu" in index
    assert len(report.written) == 3


def test_index_not_ours_is_kept_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My own readme\n", encoding="utf-8")
    report = export_articles([_item("a")], tmp_path)
    assert [k.path.name for k in report.kept] == ["README.md"]
    assert "not written by newsreader" in report.kept[0].reason
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# My own readme\n"
    # Our own index is rewritten on every export, without --force.
    report = export_articles([_item("b")], tmp_path / "sub")
    report = export_articles([_item("c")], tmp_path / "sub")
    assert report.index == tmp_path / "sub" / "README.md"
    assert "(c.md)" in report.index.read_text(encoding="utf-8")
    report = export_articles([_item("a")], tmp_path, force=True)
    assert report.index == tmp_path / "README.md"


def test_unwritable_destinations_are_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    report = export_articles([_item("a"), _item("b")], blocker / "out")
    assert [e.article_id for e in report.errors] == ["a", "b"] and not report.written
    assert "cannot create the folder" in report.errors[0].reason
    (tmp_path / "out" / "a.md").mkdir(parents=True)
    report = export_articles([_item("a"), _item("b")], tmp_path / "out", force=True)
    assert [e.article_id for e in report.errors] == ["a"]
    assert tmp_path / "out" / "b.md" in report.written


_EXPORT_AS_USER = """
import json, sys
from pathlib import Path
from newsreader.corpus.article import Article
from newsreader.export import ExportItem, export_articles
from newsreader.nlp.annotation import AnnotatedArticle, Annotation

article = Article(id="a", path="/a.txt", text="Kim tiba di Rusia.")
report = export_articles([ExportItem(AnnotatedArticle(article, Annotation()))], Path(sys.argv[1]))
print(json.dumps([[str(p) for p in report.written], [e.reason for e in report.errors]]))
"""


def test_read_only_folder_is_reported() -> None:
    folder = Path(tempfile.mkdtemp(prefix="newsreader-export-"))
    try:
        folder.chmod(0o555)  # nobody may enter it but not write in it
        command = [sys.executable, "-c", _EXPORT_AS_USER, str(folder)]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: permissions cannot be tested")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env = {"PYTHONPATH": str(TUI), "PATH": os.environ.get("PATH", "")}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        written, errors = json.loads(done.stdout)
        assert written == [] and len(errors) == 1 and "ermission denied" in errors[0]
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_unknown_style_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_articles([_item("a")], tmp_path / "out", style="docx")
    assert not (tmp_path / "out").exists()

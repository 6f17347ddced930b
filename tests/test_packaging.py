"""The wheel carries what the app needs at run time: styles, seeds, the model."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and "No module named build" in result.stderr:
        pytest.skip("the 'build' package is not installed")
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("newsreader-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_styles_seeds_and_model(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "newsreader/cli.py" in names
    assert any(n.startswith("newsreader/styles/") and n.endswith(".tcss") for n in names)
    seeds = sorted(n for n in names if n.startswith("newsreader/seeds/"))
    assert [Path(n).name for n in seeds] == sorted(p.name for p in (REPO_ROOT / "seeds").iterdir())
    assert any(n.startswith("newsreader/nlp/models/id_newsreader/") for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_resources_and_loads_model(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel into a scratch target and use it from outside the repo."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import newsreader.resources as r, newsreader.nlp.annotator as a;"
        "print(r.styles_dir()); print(r.seeds_dir());"
        "ann = a.Annotator();"
        "doc = ann.annotate('Presiden Joko Widodo bertemu Presiden Rusia '"
        "'Vladimir Putin di Moskow.');"
        "print([(e.text, e.label) for e in doc.entities])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    styles, seeds, entities = result.stdout.splitlines()
    assert styles.startswith(str(target)) and seeds.startswith(str(target))
    assert "('Vladimir Putin', 'PER')" in entities

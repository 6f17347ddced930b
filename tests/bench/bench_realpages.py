"""Every language figure on real pages: news-dev (tuned on) and the held-out sets (not).

    PYTHONPATH=tui python3 tests/bench/bench_realpages.py [--newsreader CMD]

Runs news-dev's own scorer (`../shared/data/news-dev/score.py`, which runs
`newsreader entities` and `newsreader compare` and compares with gold.json)
on each group of story folders, and prints the figures side by side:

- `news-dev`: the 16 development pages (4 stories), tuned on;
- `held-out`: the 4 stories in tests/realpages/heldout (written by
  annotators who had not read the code), never tuned on;
- `held-out extras`: single pages of 8 further outlets (entities, cleaning
  and metadata only: they are not one story);
- `seeds`: the five bundled articles, annotated the same way.

The table is written, dated, to tests/bench/results/bench_realpages.md.
Needs ../shared/data/news-dev (for the scorer and the dev pages).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NEWS_DEV = REPO.parent / "shared" / "data" / "news-dev"
HELD_OUT = REPO / "tests" / "realpages" / "heldout"
RESULTS = Path(__file__).resolve().parent / "results"
GROUPS = {
    "news-dev (tuned on)": [NEWS_DEV / s for s in ("banjir", "politik", "dunia", "ekonomi")],
    "held-out stories": [HELD_OUT / s for s in ("subang", "plumpang", "ginjal", "garuda")],
    "held-out extras": [HELD_OUT / "extra-a", HELD_OUT / "extra-b"],
    "seeds": [HELD_OUT / "seeds"],
}
STORY_FIGURES = ("stories", "facts_found", "discrepancies_found", "discrepancies_reported",
                 "reported_matching_gold", "false_alarms_on_agreements")  # fmt: skip


def score(folders: list[Path], newsreader: str) -> dict:
    """news-dev's score.py, run over copies of ``folders`` laid out as it expects."""
    with tempfile.TemporaryDirectory(prefix="realpages-") as tmp:
        work = Path(tmp)
        shutil.copy(NEWS_DEV / "score.py", work / "score.py")
        for folder in folders:
            target = work / folder.name
            shutil.copytree(folder, target)
            gold = json.loads((target / "gold.json").read_text(encoding="utf-8"))
            for key in ("facts", "discrepancies", "agreements"):
                gold.setdefault(key, [])
            (target / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
        done = subprocess.run(
            [sys.executable, str(work / "score.py"), "--newsreader", newsreader, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)


def rows(figures: dict[str, dict]) -> list[str]:
    names = list(figures)
    lines = ["| figure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]

    def add(label: str, get) -> None:
        lines.append(f"| {label} | " + " | ".join(str(get(figures[n])) for n in names) + " |")

    add("PER/ORG/LOC F1", lambda f: f["entities_per_org_loc"])
    for label in ("PER", "ORG", "LOC", "EVENT", "DATE", "TIME", "QUANTITY"):
        add(
            f"{label} P / R / F1 (gold)",
            lambda f, key=label: (
                f"{f['entities'][key]['p']:.2f} / {f['entities'][key]['r']:.2f} / "
                f"{f['entities'][key]['f1']:.2f} ({f['entities'][key]['gold']})"
            ),
        )
    add("DATE/TIME/QUANTITY F1", lambda f: f["entities_date_time_quantity"])
    add("boilerplate lines removed", lambda f: f["boilerplate_removed"])
    add("body lines kept", lambda f: f["body_lines_kept"])
    for field in ("title", "outlet", "date"):
        add(f"{field} right", lambda f, k=field: f["metadata"][k])
    add("same-story pairs together", lambda f: f["stories"]["same_story_pairs_together"])
    add("different-story pairs mixed", lambda f: f["stories"]["pairs_of_different_stories_mixed"])
    add("stories reported", lambda f: f["stories"]["stories_reported"])
    add("gold facts found", lambda f: f["facts_found"])
    add("gold discrepancies found", lambda f: f["discrepancies_found"])
    add(
        "discrepancies reported / real",
        lambda f: f"{f['discrepancies_reported']} / {f['reported_matching_gold']}",
    )
    add("agreement traps fallen into", lambda f: f["false_alarms_on_agreements"])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--newsreader", default=f"{sys.executable} -m newsreader.cli")
    parser.add_argument("--groups", nargs="*", default=list(GROUPS), choices=list(GROUPS))
    args = parser.parse_args()
    if not (NEWS_DEV / "score.py").is_file():
        print(f"needs {NEWS_DEV} (../shared beside the repository)", file=sys.stderr)
        return 1
    figures = {name: score(GROUPS[name], args.newsreader) for name in args.groups}
    table = (
        "\n".join(
            [
                f"bench_realpages, {dt.date.today()}",
                "",
                *rows(figures),
                "",
                "Story, fact and discrepancy rows mean nothing for the extras (single pages).",
            ]
        )
        + "\n"
    )
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_realpages.md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

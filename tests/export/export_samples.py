"""Articles, entities and a CommonMark reading for the export tests."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LABELS = ("PER", "ORG", "LOC", "EVENT", "DATE", "TIME", "QUANTITY")


def seed_article(path: Path) -> Article:
    """A seed file as an Article: first line the title, each further line a paragraph."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    return Article(id=path.stem, path=str(path), text="\n\n".join(lines[1:]), title=lines[0])


def capitalised_entities(text: str) -> tuple[Entity, ...]:
    """Capitalised word runs, dates like (12/9/2023) and numbers: real spans on real text."""
    pattern = re.compile(
        r"(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)*)|(?P<date>\(\d{1,2}/\d{1,2}/\d{4}\))|(?P<num>\d+)"
    )
    entities = []
    for match in pattern.finditer(text):
        label = {"name": "PER", "date": "DATE", "num": "QUANTITY"}[match.lastgroup or "name"]
        if label == "PER" and " " not in match.group():
            label = "LOC"
        entities.append(Entity(match.start(), match.end(), match.group(), label, match.group()))
    return tuple(entities)


def annotated(article: Article, entities: tuple[Entity, ...] = ()) -> AnnotatedArticle:
    return AnnotatedArticle(article, Annotation(entities))


def body_of(markdown: str) -> str:
    """The text section of an exported document, as written."""
    start = markdown.index("<!-- newsreader:text")
    start = markdown.index("\n", start) + 2
    end = markdown.index("\n\n<!-- newsreader:end-text -->")
    return markdown[start:end]


_COMMONMARK = MarkdownIt("commonmark")
_INLINE_OK = {"text", "softbreak", "hardbreak"}


def commonmark_inline(markdown: str) -> list[tuple[str, str]]:
    """How a CommonMark parser reads ``markdown``: (token type, content) per inline token.

    Paragraph breaks come back as ("break", "\\n\\n"). Any block other than
    a paragraph raises AssertionError: escaped article text must never
    turn into a heading, list, quote, code block or HTML block.
    """
    tokens: list[tuple[str, str]] = []
    for block in _COMMONMARK.parse(markdown):
        if block.type == "inline":
            for child in block.children or []:
                content = "\n" if child.type in ("softbreak", "hardbreak") else child.content
                tokens.append((child.type, content))
        elif block.type == "paragraph_open":
            if tokens:
                tokens.append(("break", "\n\n"))
        elif block.type != "paragraph_close":
            raise AssertionError(f"article text became a {block.type}: {markdown!r}")
    return tokens


def squeeze(text: str) -> str:
    """Whitespace as a reader sees it: CommonMark drops line-edge spaces and breaks."""
    return " ".join(text.split())


_YAML_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}
_YAML_STRING = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")


def _yaml_scalar(value: str) -> object:
    if value == "null":
        return None
    if value == "{}":
        return {}
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    assert value.startswith('"') and value.endswith('"') and len(value) >= 2, value

    def decode(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] in "xuU" and len(code) > 1 else _YAML_ESCAPES[code]

    inner = value[1:-1]
    assert not re.search(r'(?<!\\)(?:\\\\)*"', inner), f"unescaped quote in {value!r}"
    return _YAML_STRING.sub(decode, inner)


def tiny_yaml(text: str) -> dict:
    """Read the front matter subset newsreader writes, when PyYAML is not installed."""
    data: dict = {}
    label = None
    for line in text.splitlines():
        if not line.startswith(" "):
            key, _, value = line.partition(": ") if ": " in line else (line[:-1], "", "")
            data[key] = _yaml_scalar(value) if value else {}
        elif line.startswith("    - name: "):
            data["entities"][label].append({"name": _yaml_scalar(line[len("    - name: ") :])})
        elif line.startswith("      count: "):
            data["entities"][label][-1]["count"] = int(line[len("      count: ") :])
        else:
            assert line.startswith("  ") and line.endswith(":"), line
            label = _yaml_scalar(line.strip()[:-1])
            data["entities"][label] = []
    return data


def front_matter(markdown: str) -> dict:
    """The YAML front matter, read with PyYAML when installed, else with :func:`tiny_yaml`."""
    assert markdown.startswith("---\n")
    block = markdown[4 : markdown.index("\n---\n", 4)]
    try:
        import yaml
    except ImportError:
        return tiny_yaml(block)
    return yaml.safe_load(block)

"""The cleaning table: which lines of a scraped article are not the article.

Each :class:`Rule` says what kind of line it finds, the pattern, and how far
the pattern reaches (its scope):

- ``"line"``: the pattern matches the whole line;
- ``"start"``: the pattern matches at the start of the line (the marker
  owns the rest of the line, e.g. "BACA JUGA: <headline>");
- ``"rest"``: the line matches, and it and everything after it go (the
  "Next Post" teaser block at the foot of a page);
- ``"tail"``: the pattern matches the end of the article's last line, and
  only that piece is split off (trailing editor initials "...bilateral.(han)").

Named groups ``byline``, ``editor`` and ``wire`` hand their text to the
metadata. Adding a new outlet's boilerplate is adding one line here. Rules
are tried in order; the first that matches decides the line's kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Scope = Literal["line", "start", "rest", "tail"]


@dataclass(frozen=True)
class Rule:
    """One kind of non-article line, as a regular expression with a scope."""

    kind: str
    pattern: re.Pattern[str]
    scope: Scope

    def matches(self, line: str) -> re.Match[str] | None:
        """Match ``line`` according to this rule's scope (``tail`` searches the end)."""
        if self.scope == "start":
            return self.pattern.match(line)
        if self.scope == "tail":
            return self.pattern.search(line)
        return self.pattern.fullmatch(line)


def _rule(kind: str, scope: Scope, pattern: str, *, ignore_case: bool = True) -> Rule:
    return Rule(kind, re.compile(pattern, re.IGNORECASE if ignore_case else 0), scope)


# Decoration outlets put around a bare marker: "- Advertisement -", "[Iklan]".
_DECOR = r"[\s*·•|\-–—\[\](){}<>«»:.]*"
# A person's name as bylines print it: capitalised words, initials, particles.
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|bin|binti|van|de|al|el))*"
_NAME_2_TO_4 = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_INITIALS = r"\([a-z]{2,5}(?:/[a-z]{2,5})*\)"

RULES: tuple[Rule, ...] = (
    # Advertising and "keep scrolling" markers.
    _rule("ad", "line", _DECOR + r"(?:advertisement|advertisment|iklan|ads|sponsored"
          r"(?: content)?|konten bersponsor|promoted|scroll (?:down )?to (?:continue|resume)"
          r"(?: (?:with|reading))?(?: content)?|gulir (?:ke bawah )?untuk (?:melanjutkan|"
          r"lanjut)(?: membaca)?|lanjutkan membaca|continue reading)" + _DECOR),
    # Teaser blocks: the marker and everything after it belong to another page.
    _rule("teaser", "rest", _DECOR + r"(?:(?:next|previous|prev|older|newer) (?:post|article|"
          r"story)|(?:artikel|berita|postingan|tulisan) (?:selanjutnya|sebelumnya|berikutnya)|"
          r"(?:read|up) next|baca selanjutnya)" + _DECOR),
    # Related-article links and lists.
    _rule("related", "start", r"(?:baca|simak|lihat|cek)\s+(?:juga|pula)\b"),
    _rule("related", "start", r"(?:read|see) (?:also|more)\b"),
    _rule("related", "start", r"(?:berita|artikel) terkait\s*:"),
    _rule("related", "line", _DECOR + r"(?:(?:berita|artikel|topik) (?:terkait|lainnya|pilihan|"
          r"populer|terpopuler|terkini)|more stories|more news|related(?: articles| stories| news"
          r")?|recommended(?: for you)?|pilihan editor|editor'?s picks?|terpopuler|trending)"
          + _DECOR),
    _rule("related", "start", r"tags?\s*:"),
    _rule("related", "start", r"(?:simak|tonton|saksikan)\s+(?:juga\s+)?video\b"),
    # Social and app promotion.
    _rule("social", "start", r"(?:ikuti|follow) (?:kami|us|berita|update|informasi)\b"),
    _rule("social", "start", r"dapatkan (?:update|berita|informasi)\b.*\b(?:whatsapp|"
          r"telegram|google news|channel)\b"),
    _rule("social", "start", r"(?:download|unduh) (?:aplikasi|app)\b"),
    _rule("social", "start", r"simak breaking news\b|pilih saluran andalanmu\b"),
    _rule("social", "line", _DECOR + r"(?:bagikan|share)(?: (?:artikel|berita|this article|"
          r"this story|ini))?|copy link|salin (?:link|tautan)" + _DECOR),
    # Wire credit: "sumber : Reuters", "Source: AP".
    _rule("wire", "line", r"(?:sumber|source|sumber berita)\s*:\s*(?P<wire>[^\s:]+(?:\s+[^\s:]+)"
          r"{0,4}?)[\s.]*"),
    # Tribun style: "Laporan Wartawan Tribunnews.com, Fersianus Waku".
    _rule("credit", "line", r"(?i:laporan (?:wartawan|reporter|koresponden|jurnalis))\s+"
          r"(?P<outlet>[^,]{2,40}),\s*(?P<byline>" + _NAME + r")[\s.]*", ignore_case=False),
    # Staff credits. Without colons only as a pair ("Penulis X | Editor Y"):
    # alone, "Penulis Buku Laris ..." could be a headline.
    _rule("credit", "line", r"(?i:rep(?:orter)?|wartawan|pewarta|penulis)\s*:?\s+(?P<byline>"
          + _NAME + r")\s*[|/,]\s*(?i:red(?:aktur)?|editor|penyunting)\s*:?\s+(?P<editor>"
          + _NAME + r")", ignore_case=False),
    _rule("credit", "line", r"(?:rep(?:orter)?|wartawan|pewarta|kontributor)\s*:\s*"
          r"(?P<byline>[^/|]{2,80}?)\s*(?:[/|,]\s*(?:red(?:aktur)?|editor|penyunting)\s*:\s*"
          r"(?P<editor>.{2,80}?))?[\s.]*"),
    _rule("credit", "line", r"(?:penulis|writer|author|ditulis oleh)\s*:\s*(?P<byline>.{2,80}?)"
          r"[\s.]*"),
    _rule("credit", "line", r"(?:red(?:aktur)?|editor|penyunting)\s*:\s*(?P<editor>.{2,80}?)"
          r"[\s.]*"),
    _rule("credit", "line", r"(?:edited|editing) by\s+(?P<editor>.{2,80}?)[\s.]*"),
    # Separators are a comma/ampersand or a spaced "dan"/"and", so the pattern
    # has one way to split a line into names (no catastrophic backtracking).
    _rule("credit", "line", r"(?i:oleh|by)\s*:?\s+(?P<byline>" + _NAME + r"(?:(?:\s*[,&]\s*|"
          r"\s+(?:dan|and)\s+)" + _NAME + r")*)", ignore_case=False),
    _rule("credit", "start", r"[—–(-]*\s*(?:dengan bantuan dari|with (?:additional )?reporting"
          r"|additional reporting|reporting by|writing by|laporan tambahan)\b"),
    _rule("credit", "line", r"\((?P<byline>" + _NAME_2_TO_4 + r")\)", ignore_case=False),
    _rule("credit", "line", _INITIALS, ignore_case=False),
    _rule("credit", "tail", r"(?<=[.!?\"”’])\s*" + _INITIALS + r"$", ignore_case=False),
    # Photo captions and credits.
    _rule("caption", "start", r"FILE\s*[-–—:]\s*\S", ignore_case=False),
    _rule("caption", "start", r"(?:foto|photo|ilustrasi|illustration|gambar|image|sumber foto|"
          r"kredit foto|photo credit|dok(?:umentasi)?\.?)\s*:\s*\S"),
    _rule("caption", "line", r".*\((?:antara(?: foto)?|ap(?: photo)?|reuters|afp|epa(?:-efe)?|"
          r"getty images|xinhua|anadolu)\s*/[^()]*\)[\s.]*"),
    # A caption ending in its credit: "(KOMPAS.com/ANDREAS LUKAS)", "(ANTARA FOTO/X/abc)".
    _rule("caption", "line", r".*\((?:[A-Za-z0-9-]+\.(?:com|co\.id|id|net|org)|[A-Z]{2,}"
          r"(?: [A-Z]+)*)\s*/\s*[^()/]{3,80}(?:/[^()/]{1,40})*\)[\s.]*", ignore_case=False),
    _rule("caption", "line", _DECOR + r"(?:lihat foto|foto|ilustrasi|galeri foto)" + _DECOR),
    _rule("caption", "line", r"(?:ap|afp|reuters|epa|getty images|antara foto)(?: photo)?\s*/"
          r"\s*[\w .'’-]{2,60}"),
    # Agency slugs: "TOPSHOT-RUSSIA-NKOREA-POLITICS-DIPLOMACY".
    _rule("caption", "line", r"[A-Z0-9]{2,}(?:-[A-Z0-9]{2,}){2,}", ignore_case=False),
    # A line that is only the outlet's host name, or only a link.
    _rule("metadata", "line", r"(?:https?://)?(?:www\.)?(?P<outlet>[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
          r"(?:com|co\.id|id|net|org|co|news|tv))/?"),
    _rule("link", "line", r"(?:https?://|www\.)\S+"),
    # Page furniture: breadcrumbs ("Home > News > Dunia"), copyright lines.
    _rule("navigation", "line", r"[^>»›]{1,40}(?:\s[>»›]\s[^>»›]{1,40}){2,}"),
    _rule("footer", "line", r"(?:copyright|hak cipta)\b.{0,150}|©.{0,150}"),
    _rule("footer", "start", r"our standards\s*:"),
)  # fmt: skip


def _prefilter(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One pattern that matches wherever any line/start/rest rule could.

    Most lines are body text that no rule matches; one combined match
    rejects them at once instead of trying every rule in turn.
    """
    branches = []
    for rule in rules:
        if rule.scope == "tail":
            continue
        body = re.sub(r"\(\?P<\w+>", "(?:", rule.pattern.pattern)
        group = "(?i:" if rule.pattern.flags & re.IGNORECASE else "(?:"
        end = r"\Z" if rule.scope in ("line", "rest") else ""
        branches.append(f"{group}{body}){end}")
    return re.compile("|".join(branches))


ANY_RULE: re.Pattern[str] = _prefilter(RULES)

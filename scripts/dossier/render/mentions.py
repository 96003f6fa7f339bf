"""Where each actor is named in the reports' text.

Rules, so that a page never claims a mention the text does not make:
- Names match as whole words, leftmost and longest first: an alias never matches inside a
  longer name of another actor ("UN" inside "UN Security Council" counts for the Council only).
- An ambiguous name ("Pyongyang" the city or the government, a bare "Kim") counts only right
  after one of its `before` words or right before one of its `after` words.
- A report can add mentions explicitly, paragraph by paragraph (`mentions:`).
One pattern of every name scans each paragraph once, so the work grows with the text. The
pattern is a trie of the names (`_trie_pattern`): an alternation of thousands of names would be
tried name by name at every position of the text.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import AmbiguousAlias, Corpus


@dataclass(frozen=True)
class _Name:
    actor: str
    rule: AmbiguousAlias | None  # None: the name always counts


def find_mentions(corpus: Corpus) -> dict[str, dict[str, list[str]]]:
    """actor id → report id → paragraph ids, in page order."""
    names: dict[str, _Name] = {}
    for actor in corpus.actors:
        for name in (actor.name, *actor.aliases):
            names.setdefault(name, _Name(actor.id, None))
        for rule in actor.ambiguous:
            names.setdefault(rule.alias, _Name(actor.id, rule))
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    if names:
        scanned = _scanned(names)
        pattern = _pattern(tuple(sorted(names)))
        for report in corpus.reports:
            for para in report.paragraphs:
                named = scanned.get(para.text)
                if named is None:
                    scanned[para.text] = named = _scan(pattern, names, para.text)
                for actor_id in named:
                    found[actor_id][report.id].add(para.id)
    for report in corpus.reports:
        for mention in report.mentions:
            found[mention.actor][report.id].update(mention.paragraphs)
    return {
        actor: {
            report_id: [p.id for p in corpus.report(report_id).paragraphs if p.id in pids]
            for report_id, pids in sorted(reports.items())
        }
        for actor, reports in sorted(found.items())
    }


# The actors each paragraph's text names, for the latest set of names: a process that
# generates again (`mkdocs serve`) scans only the paragraphs whose text changed.
_SCANS: dict[tuple[tuple[str, str, AmbiguousAlias | None], ...], dict[str, tuple[str, ...]]] = {}
SCANS_KEPT = 500_000


def _scanned(names: dict[str, _Name]) -> dict[str, tuple[str, ...]]:
    key = tuple(sorted((name, n.actor, n.rule) for name, n in names.items()))
    scanned = _SCANS.get(key)
    if scanned is None or len(scanned) > SCANS_KEPT:
        _SCANS.clear()
        _SCANS[key] = scanned = {}
    return scanned


def _scan(pattern: re.Pattern[str], names: dict[str, _Name], text: str) -> tuple[str, ...]:
    found = []
    for match in pattern.finditer(text):
        owner = names[match.group(0)]
        if owner.rule is None or _qualified(text, match, owner.rule):
            found.append(owner.actor)
    return tuple(found)


@functools.lru_cache(maxsize=4)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(names) + r")(?!\w)")


def _trie_pattern(names: Iterable[str]) -> str:
    """One regular expression for all `names`, as a trie: at each character the longer names
    are tried before a name ends, so the leftmost match is also the longest, as in an
    alternation sorted longest first."""
    trie: dict[str, Any] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _qualified(text: str, match: re.Match[str], rule: AmbiguousAlias) -> bool:
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    return any(_ends_with_word(before, w) for w in rule.before) or any(
        _starts_with_word(after, w) for w in rule.after
    )


def _ends_with_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}$", text, re.IGNORECASE) is not None


def _starts_with_word(text: str, word: str) -> bool:
    return re.match(rf"{re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None

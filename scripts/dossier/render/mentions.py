"""Where each actor is named in the reports' text.

Rules, so that a page never claims a mention the text does not make:
- Names match as whole words, leftmost and longest first: an alias never matches inside a
  longer name of another actor ("UN" inside "UN Security Council" counts for the Council only).
- An ambiguous name ("Pyongyang" the city or the government, a bare "Kim") counts only right
  after one of its `before` words or right before one of its `after` words.
- A report can add mentions explicitly, paragraph by paragraph (`mentions:`).
One pattern of every name scans each paragraph once, so the work grows with the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

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
        ordered = sorted(names, key=lambda n: (-len(n), n))
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
        for report in corpus.reports:
            for para in report.paragraphs:
                for match in pattern.finditer(para.text):
                    owner = names[match.group(0)]
                    if owner.rule is None or _qualified(para.text, match, owner.rule):
                        found[owner.actor][report.id].add(para.id)
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

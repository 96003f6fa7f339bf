"""Candidate talking points: the same run of words in statements made on different occasions.

The generator only proposes; editors confirm a formulation in data/talking_points.yml, and
only confirmed ones reach the site. `dossier check` lists the candidates not yet confirmed.
Statements are indexed by their runs of MIN_WORDS words, so the work grows with the text,
not with the number of statement pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from .model import Corpus, Statement
from .text import normalise

MIN_WORDS = 8
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Candidate:
    words: str  # the shared run, normalised (lowercase, punctuation dropped)
    statements: tuple[Statement, ...]


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(normalise(text))]


def candidates(corpus: Corpus) -> list[Candidate]:
    """Runs of at least MIN_WORDS words shared by statements of different dates or reports,
    minus those the editors have confirmed."""
    tokens = {s.id: words(s.text) for s in corpus.statements}
    runs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for sid, ws in tokens.items():
        for i in range(len(ws) - MIN_WORDS + 1):
            runs[tuple(ws[i : i + MIN_WORDS])].add(sid)
    pairs = {
        tuple(sorted(ids)[:2]) for ids in runs.values() if len(ids) > 1
    }  # one pair per shared run is enough to find the longest common run
    by_id = corpus.statements_by_id
    found: dict[str, set[str]] = defaultdict(set)
    for a, b in sorted(pairs):
        if _same_occasion(by_id[a], by_id[b]):
            continue
        match = SequenceMatcher(None, tokens[a], tokens[b], autojunk=False).find_longest_match()
        if match.size >= MIN_WORDS:
            found[" ".join(tokens[a][match.a : match.a + match.size])] |= {a, b}
    confirmed = [(" ".join(words(p.text)), set(p.statements)) for p in corpus.talking_points]
    return [
        Candidate(run, tuple(sorted((by_id[s] for s in ids), key=lambda s: s.date.sort_key())))
        for run, ids in sorted(found.items())
        if not any(text in run and ids <= listed for text, listed in confirmed)
    ]


def _same_occasion(a: Statement, b: Statement) -> bool:
    # Two statements of one report on one date are parts of one answer, not a repetition.
    return a.report == b.report and a.date.value == b.date.value

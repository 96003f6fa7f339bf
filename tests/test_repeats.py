"""Candidate talking points: repeated runs of words across occasions, minus confirmed ones."""

from __future__ import annotations

from dossier.dates import Date
from dossier.model import Corpus, Paragraph, Pos, Report, Statement, TalkingPoint
from dossier.repeats import MIN_WORDS, candidates

POS = Pos("x")
LINE = "is a trend that should be of great concern to anyone interested in preserving peace"


def statement(sid: str, report: str, date: str, text: str) -> Statement:
    return Statement(
        sid, text, "direct", "a", "A", (), Date(date, "stated", "n"), "briefing", report, "p1",
        None, (), POS,
    )  # fmt: skip


def corpus(statements: list[Statement], points: tuple[TalkingPoint, ...] = ()) -> Corpus:
    reports = []
    for rid in sorted({s.report for s in statements}):
        mine = tuple(s for s in statements if s.report == rid)
        reports.append(
            Report(
                rid,
                "ready",
                "t",
                "report",
                None,
                None,
                None,
                Date("2024", "stated", "n"),
                None,
                "r.txt",
                (Paragraph("p1", 1, "x", POS),),
                (),
                (),
                (),
                (),
                mine,
                (),
                POS,
            )
        )
    return Corpus(tuple(reports), (), (), (), (), points)


def test_a_run_repeated_months_apart_is_a_candidate() -> None:
    found = candidates(
        corpus(
            [
                statement("a", "r1", "2024-03-18", f"Cooperation {LINE} and stability."),
                statement("b", "r2", "2024-06-20", f"This {LINE}, they said."),
                statement("c", "r2", "2024-06-20", "Something else entirely, said twice."),
            ]
        )
    )
    assert [(c.words, [s.id for s in c.statements]) for c in found] == [(LINE, ["a", "b"])]


def test_short_runs_and_one_occasion_are_not_candidates() -> None:
    short = " ".join(LINE.split()[: MIN_WORDS - 1])
    found = candidates(
        corpus(
            [
                statement("a", "r1", "2024-03-18", f"First {short} here."),
                statement("b", "r2", "2024-06-20", f"Then {short} there."),
                statement("c", "r3", "2024-05-01", LINE),
                statement("d", "r3", "2024-05-01", f"Again: {LINE}"),
            ]
        )
    )
    assert found == []


def test_confirmed_talking_points_are_not_proposed_again() -> None:
    statements = [
        statement("a", "r1", "2024-03-18", f"Cooperation {LINE}."),
        statement("b", "r2", "2024-06-20", f"This {LINE}."),
    ]
    point = TalkingPoint("trend", "a trend that should be of great concern", ("a", "b"), POS)
    assert candidates(corpus(statements, (point,))) == []

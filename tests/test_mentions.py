"""Where actors are named: longest names win, ambiguous names need their qualifying words,
and a report can add mentions explicitly."""

from __future__ import annotations

from dossier.dates import Date
from dossier.model import Actor, AmbiguousAlias, Corpus, Mention, Paragraph, Pos, Report
from dossier.render.mentions import find_mentions

POS = Pos("x")


def actor(
    actor_id: str,
    name: str,
    aliases: tuple[str, ...] = (),
    ambiguous: tuple[AmbiguousAlias, ...] = (),
) -> Actor:
    return Actor(actor_id, name, "organization", aliases, "d", None, POS, ambiguous)


def corpus(texts: list[str], actors: list[Actor], mentions: tuple[Mention, ...] = ()) -> Corpus:
    paragraphs = tuple(Paragraph(f"p{i}", i, t, POS) for i, t in enumerate(texts, 1))
    report = Report(
        "r", "ready", "t", "report", None, None, None, Date("2024", "stated", "n"), None,
        "r.txt", paragraphs, (), (), (), (), (), (), POS, (), mentions,
    )  # fmt: skip
    return Corpus((report,), tuple(actors), (), ())


UN = actor("united-nations", "United Nations", ("UN",))
COUNCIL = actor("un-security-council", "UN Security Council", ("Security Council",))
DPRK = actor(
    "north-korea",
    "North Korea",
    ("DPRK",),
    (AmbiguousAlias("Pyongyang", before=(), after=("said", "denied", "has")),),
)
KIM = actor(
    "kim-jong-un", "Kim Jong Un", (), (AmbiguousAlias("Kim", before=("leader",), after=()),)
)


def test_an_alias_never_matches_inside_a_longer_name_of_another_actor() -> None:
    found = find_mentions(corpus(["It violates UN Security Council resolutions."], [UN, COUNCIL]))
    assert found == {"un-security-council": {"r": ["p1"]}}


def test_the_shorter_name_still_counts_where_it_stands_alone() -> None:
    found = find_mentions(
        corpus(["The UN said so.", "The UN Security Council met."], [UN, COUNCIL])
    )
    assert found == {"united-nations": {"r": ["p1"]}, "un-security-council": {"r": ["p2"]}}


def test_an_ambiguous_name_needs_its_qualifying_word() -> None:
    texts = ["The summit in Pyongyang ended.", "Pyongyang denied the claim.", "Pyongyangsaid"]
    assert find_mentions(corpus(texts, [DPRK])) == {"north-korea": {"r": ["p2"]}}


def test_qualifiers_before_the_name_and_case() -> None:
    texts = ["North Korean Leader Kim spoke.", "Kim Yo Jong spoke.", "leader Kimchi"]
    assert find_mentions(corpus(texts, [KIM])) == {"kim-jong-un": {"r": ["p1"]}}


def test_whole_words_only() -> None:
    assert find_mentions(corpus(["UNESCO and DPRKs"], [UN, DPRK])) == {}


def test_a_report_can_add_mentions_explicitly() -> None:
    texts = ["The summit in Pyongyang ended.", "Nothing here."]
    found = find_mentions(corpus(texts, [DPRK], (Mention("north-korea", ("p2", "p1")),)))
    assert found == {"north-korea": {"r": ["p1", "p2"]}}

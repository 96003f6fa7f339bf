"""A statement's words in their sentence (dossier.text.in_context), as statement cards show them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.text import contains, in_context, locate, normalise, sentence_ends


def test_the_sentence_around_a_partial_quote():
    para = (
        "Kim reaffirmed closer ties with Russia last week, saying the two countries should work "
        "on containing “American hegemony” at a meeting with Russian Foreign Minister Sergei "
        "Lavrov in Pyongyang. He left on Friday."
    )
    found = in_context(para, "American hegemony")
    assert found is not None
    assert found.before.startswith("Kim reaffirmed") and found.before.endswith("containing “")
    assert found.words == "American hegemony"
    assert found.after == "” at a meeting with Russian Foreign Minister Sergei Lavrov in Pyongyang."


def test_a_quote_that_ends_its_sentence_keeps_its_closing_marks():
    para = (
        "“We’ve seen the reports,” the official said. “We have nothing further to offer right now.”"
    )
    found = in_context(para, "We have nothing further to offer right now")
    assert found is not None
    assert (found.before, found.after) == ("“", ".”")


def test_words_across_sentences_show_every_sentence_they_touch():
    para = "First one. Second “starts here. And ends” there. Third."
    found = in_context(para, "starts here. And ends")
    assert found is not None
    assert found.before + found.words + found.after == "Second “starts here. And ends” there."


def test_initials_titles_and_lower_case_do_not_end_a_sentence():
    para = (
        "The U.N. Security Council met Mr. Putin and N. Korea’s envoy, approx. five "
        "times. Then it ended."
    )
    ends = [para[:e] for e in sentence_ends(para)]
    assert ends == [para[: para.index(" Then")]]


def test_quote_marks_and_spaces_may_differ_from_the_paragraph():
    para = "He said “We’re  here” today."
    found = in_context(para, "We're here")
    assert found is not None
    assert found.words == "We’re  here"  # as the paragraph writes it
    assert locate(para, "We are here") is None
    assert in_context(para, "We are here") is None


_TEXT = st.text(alphabet="ab .!?“”\"'’A\n", min_size=1, max_size=60)


@given(para=_TEXT, data=st.data())
def test_the_statement_is_always_inside_the_context_shown(para: str, data: st.DataObject):
    start = data.draw(st.integers(0, len(para) - 1))
    end = data.draw(st.integers(start + 1, len(para)))
    words = para[start:end]
    # As an editor might type it: curly marks straight, spaces doubled.
    typed = words.replace("“", '"').replace("”", '"').replace("’", "'").replace(" ", "  ")
    if not normalise(typed):
        return
    assert contains(para, typed)
    found = in_context(para, typed)
    assert found is not None
    shown = found.before + found.words + found.after
    assert shown in para  # a stretch of the paragraph, as written
    assert normalise(found.words) == normalise(typed)
    assert normalise(typed) in normalise(shown)


@given(para=_TEXT, words=_TEXT)
def test_found_exactly_when_contained(para: str, words: str):
    if not normalise(words):
        return
    assert (in_context(para, words) is not None) == contains(para, words)

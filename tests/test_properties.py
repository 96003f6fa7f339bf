"""Property tests: the date model (parse, display, sort), text normalisation and quote matching.

(Escaping's properties are in test_escape.py, against the real renderer.)
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from dossier.dates import MONTHS, Date, check_value
from dossier.text import CLOSERS, OPENERS, contains, normalise, quotations

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
precisions = st.sampled_from([4, 7, 10])


@st.composite
def dates(draw: st.DrawFn) -> Date:
    day, length = draw(days), draw(precisions)
    return Date(day.isoformat()[:length], draw(st.sampled_from(["stated", "inferred"])), "n")


@given(days, precisions)
def test_every_real_date_parses_at_every_precision(day: dt.date, length: int) -> None:
    assert check_value(day.isoformat()[:length]) is None


@given(st.text(max_size=12))
def test_anything_else_is_refused_with_a_message(value: str) -> None:
    shaped = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)
    message = check_value(value)
    if not shaped:
        assert message is not None and "YYYY" in message
    elif message is None:
        bits = [int(b) for b in value.split("-")] + [1, 1]
        dt.date(bits[0], bits[1], bits[2])  # would raise if the value were impossible


@given(dates())
def test_display_shows_exactly_the_precision(date: Date) -> None:
    shown = date.display()
    year, month, day = date.parts
    assert str(year) in shown
    has_month = any(m in shown for m in MONTHS)
    assert has_month == (date.precision != "year")
    assert (re.match(r"^\d{1,2} ", shown) is not None) == (date.precision == "day")
    if date.precision == "day":
        assert shown == f"{day} {MONTHS[month - 1]} {year}"


@given(days)
def test_less_precise_sorts_before_more_precise_in_its_period(day: dt.date) -> None:
    iso = day.isoformat()
    year, month, full = (Date(iso[:n], "stated", "n") for n in (4, 7, 10))
    assert year.sort_key() <= month.sort_key() <= full.sort_key()


@given(days, days)
def test_sorting_is_chronological_at_equal_precision(a: dt.date, b: dt.date) -> None:
    da, db = Date(a.isoformat(), "stated", "n"), Date(b.isoformat(), "stated", "n")
    assert (da.sort_key() < db.sort_key()) == (a < b)


@given(days, days)
def test_a_period_sorts_before_every_later_day_and_after_earlier_years(
    a: dt.date, b: dt.date
) -> None:
    period, other = Date(a.isoformat()[:7], "stated", "n"), Date(b.isoformat(), "stated", "n")
    if (b.year, b.month) > (a.year, a.month):
        assert period.sort_key() < other.sort_key()
    if (b.year, b.month) < (a.year, a.month):
        assert period.sort_key() > other.sort_key()


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
CURLY = str.maketrans({'"': "“", "'": "’"})


@given(text)
def test_normalise_is_idempotent_and_collapses_whitespace(value: str) -> None:
    once = normalise(value)
    assert normalise(once) == once
    assert "  " not in once and once == once.strip()


@given(text, st.data())
def test_any_span_of_a_paragraph_is_found_in_it(paragraph: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(paragraph)))
    end = data.draw(st.integers(start, len(paragraph)))
    assert contains(paragraph, paragraph[start:end])


@given(text, text)
def test_quote_style_and_spacing_never_change_a_match(paragraph: str, needle: str) -> None:
    curly = needle.translate(CURLY)
    spaced = re.sub(r" ", "  \n", needle)
    assert contains(paragraph, needle) == contains(paragraph, curly) == contains(paragraph, spaced)


@given(text)
def test_quotations_are_spans_between_an_opening_and_a_closing_mark(paragraph: str) -> None:
    for quote in quotations(paragraph):
        assert paragraph[quote.start] in OPENERS
        end = quote.start + 1 + len(quote.text)
        assert paragraph[quote.start + 1 : end] == quote.text
        assert paragraph[end] in CLOSERS
        assert not any(c in CLOSERS for c in quote.text)


# What the exports' JSON may hold: every JSON value but numbers with a fraction (none exported).
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(st.lists(st.dictionaries(st.text(max_size=8), _JSON, max_size=5), max_size=4))
def test_the_exports_json_is_the_standard_encoders_byte_for_byte(records: list) -> None:
    # to_json is made by orjson for speed; what readers download must not change with it.
    import json

    from dossier.render.exports import to_json

    expected = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert to_json(records) == expected

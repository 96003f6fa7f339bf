"""The timeline overview: an SVG drawn at build time, with a text equivalent.

No JavaScript and no fonts of its own: it is an image that any browser shows.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from itertools import groupby

from ..dates import MONTHS, Date
from ..escape import md_inline, xml_text
from ..model import Event
from .fmt import plural
from .index import Index

LANES: tuple[tuple[str, frozenset[str], str], ...] = (
    ("Diplomacy", frozenset({"summit", "meeting", "call"}), "#0072B2"),
    ("Statements", frozenset({"statement"}), "#B84A00"),
    ("Military action", frozenset({"launch", "strike"}), "#007A5A"),
    ("UN and sanctions", frozenset({"veto", "report", "sanctions"}), "#A3487F"),
    ("Other", frozenset({"election", "other"}), "#6B6B6B"),
)
WIDTH, LEFT, RIGHT, TOP, ROW, LANE_PAD = 760, 142, 16, 64, 16, 14


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _span(date: Date) -> tuple[float, float]:
    """The date as a fractional month interval [start, end)."""
    year, month, day = date.parts
    if date.precision == "year":
        return _month_index(year, 1), _month_index(year, 12) + 1
    base = _month_index(year, month)
    if date.precision == "month":
        return base, base + 1
    days = calendar.monthrange(year, month)[1]
    point = base + (day - 0.5) / days
    return point, point


def overview_svg(ix: Index) -> str:
    events = list(ix.corpus.events)
    if not events:
        return _wrap(200, "No events yet.", "<text x='20' y='40'>No events yet.</text>")
    spans = {e.id: _span(e.date) for e in events}
    first = int(min(s[0] for s in spans.values())) - 1
    last = int(max(s[1] for s in spans.values())) + 1
    scale = (WIDTH - LEFT - RIGHT) / max(last - first, 1)

    def x(month: float) -> float:
        return LEFT + (month - first) * scale

    body: list[str] = []
    y: float = TOP
    lanes_used: list[str] = []
    for name, kinds, colour in LANES:
        lane_events = [e for e in events if e.kind in kinds]
        if lane_events:
            lanes_used.append(name)
            y = _lane(body, name, len(lanes_used), colour, lane_events, spans, x, y)
    body.extend(_axis(first, last, x, scale, y))
    legend_y = y + 46
    body.append(_legend(legend_y))
    span = f"{events[0].date.display()} to {events[-1].date.display()}"
    desc = (
        f"{plural(len(events), 'event')} from {span}, in lanes by kind: "
        f"{', '.join(lanes_used)}. A dot is an event dated to the day, a bar one dated to "
        "the month, a pale band one dated only to the year."
    )
    return _wrap(legend_y + 20, desc, "\n".join(body))


Spans = dict[str, tuple[float, float]]


def _rows(
    events: list[Event], spans: Spans, x: Callable[[float], float]
) -> list[tuple[Event, int]]:
    """Each event's row in its lane: the first row where it does not overlap the last mark."""
    rows: list[float] = []  # right edge (px) of the last mark in each row
    placed: list[tuple[Event, int]] = []
    for event in sorted(events, key=lambda e: (spans[e.id][0], e.id)):
        start = x(spans[event.id][0]) - 7
        end = max(x(spans[event.id][1]), x(spans[event.id][0]) + 7)
        row = next((i for i, edge in enumerate(rows) if edge + 3 <= start), None)
        if row is None:
            rows.append(end)
            row = len(rows) - 1
        else:
            rows[row] = end
        placed.append((event, row))
    return placed


def _lane(
    body: list[str],
    name: str,
    number: int,
    colour: str,
    events: list[Event],
    spans: Spans,
    x: Callable[[float], float],
    y: float,
) -> float:
    """Draw one lane of events from height `y`; return the height below it."""
    placed = _rows(events, spans, x)
    height = max((row for _, row in placed), default=0) * ROW + ROW + 2 * LANE_PAD
    body.append(
        f'<rect x="{LEFT}" y="{y}" width="{WIDTH - LEFT - RIGHT}" height="{height}" '
        f'fill="{"#F4F6F8" if number % 2 else "#FFFFFF"}"/>'
    )
    body.append(
        f'<text x="{LEFT - 10}" y="{y + height / 2 + 5:.1f}" text-anchor="end" '
        f'font-size="14" fill="#222">{xml_text(name)}</text>'
    )
    for event, row in placed:
        cy = y + LANE_PAD + row * ROW + ROW / 2
        body.append(_mark(event, spans[event.id], cy, colour, x))
    return y + height


def _axis(
    first: int, last: int, x: Callable[[float], float], month_px: float, axis_y: float
) -> list[str]:
    out = [
        f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" '
        'stroke="#444" stroke-width="1"/>'
    ]
    for m in range(first, last + 1):
        year, month = divmod(m, 12)
        tick_x = x(m)
        if month == 0:
            out.append(
                f'<line x1="{tick_x:.1f}" y1="{TOP - 6}" x2="{tick_x:.1f}" y2="{axis_y + 8}" '
                'stroke="#999" stroke-width="1" stroke-dasharray="3 3"/>'
            )
            if tick_x + 40 <= WIDTH - RIGHT:  # no year label that would run off the edge
                out.append(
                    f'<text x="{tick_x + 4:.1f}" y="{TOP - 10}" font-size="14" '
                    f'font-weight="bold" fill="#222">{year}</text>'
                )
        else:
            out.append(
                f'<line x1="{tick_x:.1f}" y1="{axis_y}" x2="{tick_x:.1f}" '
                f'y2="{axis_y + 5}" stroke="#444"/>'
            )
        if month_px >= 30 and m < last:
            out.append(
                f'<text x="{tick_x + month_px / 2:.1f}" y="{axis_y + 20}" font-size="12" '
                f'text-anchor="middle" fill="#333">{MONTHS[month][:3]}</text>'
            )
    return out


def _mark(
    event: Event, span: tuple[float, float], cy: float, colour: str, x: Callable[[float], float]
) -> str:
    label = f"<title>{xml_text(event.date.display())}: {xml_text(event.title)}</title>"
    if event.date.precision == "day":
        return (
            f'<circle cx="{x(span[0]):.1f}" cy="{cy:.1f}" r="6" fill="{colour}" '
            f'stroke="#fff" stroke-width="1.5">{label}</circle>'
        )
    x0, x1 = x(span[0]) + 1, x(span[1]) - 1
    if event.date.precision == "month":
        return (
            f'<rect x="{x0:.1f}" y="{cy - 5:.1f}" width="{x1 - x0:.1f}" height="10" rx="5" '
            f'fill="{colour}">{label}</rect>'
        )
    return (
        f'<rect x="{x0:.1f}" y="{cy - 5:.1f}" width="{x1 - x0:.1f}" height="10" rx="5" '
        f'fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-dasharray="4 3">'
        f"{label}</rect>"
    )


def _legend(y: float) -> str:
    parts = [
        f'<text x="{LEFT}" y="{y + 4}" font-size="13" fill="#222">Date known to the:</text>',
        f'<circle cx="{LEFT + 140}" cy="{y}" r="6" fill="#555"/>',
        f'<text x="{LEFT + 152}" y="{y + 4}" font-size="13" fill="#222">day</text>',
        f'<rect x="{LEFT + 200}" y="{y - 5}" width="34" height="10" rx="5" fill="#555"/>',
        f'<text x="{LEFT + 242}" y="{y + 4}" font-size="13" fill="#222">month</text>',
        f'<rect x="{LEFT + 302}" y="{y - 5}" width="60" height="10" rx="5" fill="#555" '
        'fill-opacity="0.25" stroke="#555" stroke-dasharray="4 3"/>',
        f'<text x="{LEFT + 370}" y="{y + 4}" font-size="13" fill="#222">year only</text>',
    ]
    return "\n".join(parts)


def _wrap(height: float, desc: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img" aria-labelledby="title desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">\n'
        '<title id="title">Timeline overview of the DPRK–Russia Dossier</title>\n'
        f'<desc id="desc">{xml_text(desc)}</desc>\n'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#fff" rx="8"/>\n'
        f"{body}\n</svg>\n"
    )


def text_equivalent(ix: Index) -> list[str]:
    """The overview's content as a Markdown list: events counted by month (or year)."""
    lines = []
    for period, group in groupby(ix.corpus.events, key=lambda e: e.date.value[:7]):
        events = list(group)
        label = (
            Date(period, "stated", "").display()
            if len(period) == 7
            else (f"{period}, month not known")
        )
        kinds = sorted({e.kind for e in events})
        titles = "; ".join(e.title for e in events)
        count = plural(len(events), "event")
        lines.append(f"- **{label}**: {count} ({', '.join(kinds)}): {md_inline(titles)}")
    return lines

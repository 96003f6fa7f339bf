"""Charts drawn at build time as SVG, and the timeline overview built from them.

The first half holds small drawing pieces any chart can use: elements with escaped
attributes, wrapped text, a time scale whose empty stretches are cut out (and the cut shown),
month ticks, a legend and the hover/focus labels. The second half draws the timeline
overview with them: one mark per event, a link to the event's entry, with its date precision
shown by the mark's shape and the date's basis by its fill.

The overview is inlined in the timeline and home pages as two drawings, a horizontal one for
wide columns and a vertical one for phones (docs/assets/chart.css shows one of them and gives
both their colours in the light and the dark scheme), and written once more as a file for
reuse. No script draws it, and every text goes through escape.xml_text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from .. import urls
from ..dates import MONTHS, Date
from ..escape import html_attr, md_inline, xml_text
from ..model import Event
from .fmt import plural
from .index import Index

# --------------------------------------------------------------------------- drawing pieces

Attr = str | int | float
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FONT = 14  # every text of a chart: at least 12 px once drawn (the wide chart shrinks ≤ 6 %)
LINE = 18  # line height of that text


def num(value: float) -> str:
    """A coordinate as short text: one decimal at most, none when it is whole."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def el(tag: str, attrs: Mapping[str, Attr], body: str | None = None) -> str:
    """One element; every attribute value is escaped. `body` is markup already escaped."""
    parts = [tag]
    for key, value in attrs.items():
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{key}="{xml_text(shown)}"')
    opening = " ".join(parts)
    return f"<{opening}/>" if body is None else f"<{opening}>{body}</{tag}>"


_NARROW_CHARS = frozenset(" .,;:'’|!ijlIft()[]-")
_WIDE_CHARS = frozenset("mwMW@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An estimate of the drawn width, on the generous side (the reader's font is not known):
    narrow letters count less, capitals and wide letters more, East Asian ones a full em."""
    em = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            em += 1.0
        elif c in _NARROW_CHARS:
            em += 0.32
        elif c in _WIDE_CHARS:
            em += 0.86
        else:
            em += 0.68 if c.isupper() else 0.56
    return em * size * (1.08 if bold else 1.0)


def wrap(text: str, size: float, width: float, max_lines: int, bold: bool = False) -> list[str]:
    """`text` broken into lines that fit `width`; a word too long for a line is cut; past
    `max_lines`, the last line ends with an ellipsis."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold) > width:  # a word wider than a line
            cut = max(1, int(len(line) * width / text_width(line, size, bold)))
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, len(lines[-1]) - 1)] + "…"
    return lines


def text_lines(x: float, y: float, lines: Sequence[str], cls: str, **attrs: Attr) -> str:
    """Lines of text from a first baseline at `y`, one tspan each."""
    spans = "".join(
        el("tspan", {"x": x, "dy": 0 if i == 0 else LINE}, xml_text(line))
        for i, line in enumerate(lines)
    )
    return el("text", {"x": x, "y": y, "class": cls, "font-size": FONT, **attrs}, spans)


def hatch(pattern_id: str, colour: str, background: str) -> str:
    """A pattern of diagonal lines (the fill of marks that stand for outside sources)."""
    return el(
        "pattern",
        {
            "id": pattern_id,
            "patternUnits": "userSpaceOnUse",
            "width": 5,
            "height": 5,
            "patternTransform": "rotate(45)",
        },
        el("rect", {"class": "chart-hatch-bg", "width": 5, "height": 5, "fill": background})
        + el(
            "line",
            {
                "class": "chart-hatch",
                "x1": 1,
                "y1": 0,
                "x2": 1,
                "y2": 5,
                "stroke": colour,
                "stroke-width": 2.2,
            },
        ),
    )


def svg_root(width: float, height: float, label: str, cls: str, body: str) -> str:
    """An SVG that HTML can hold inline: named by `label`, a group of the links inside."""
    return el(
        "svg",
        {
            "xmlns": SVG_NS,
            "xmlns:xlink": XLINK_NS,
            "class": cls,
            "role": "group",
            "aria-label": label,
            "viewBox": f"0 0 {num(width)} {num(height)}",
            "width": width,
            "height": height,
        },
        f"\n{body}\n",
    )


# A legend: groups of swatches, each a heading followed by (symbol, label) pairs that flow
# onto as many lines as the width needs.


@dataclass(frozen=True)
class Swatch:
    symbol: Callable[[float, float], str]  # draws the symbol with its left middle at (x, y)
    width: float
    label: str


def legend(
    groups: Sequence[tuple[str, Sequence[Swatch]]], x: float, y: float, width: float
) -> tuple[str, float]:
    """The legend drawn from (x, y) within `width`; returns it and its height."""
    out: list[str] = []
    line_y = y + LINE / 2
    for heading, swatches in groups:
        out.append(
            text_lines(x, line_y + 5, [heading], "chart-text chart-strong", **{"font-weight": 600})
        )
        cursor = x + text_width(heading, FONT, bold=True) + 10
        for swatch in swatches:
            needed = swatch.width + 6 + text_width(swatch.label, FONT)
            if cursor + needed > x + width and cursor > x + 20:
                cursor, line_y = x + 12, line_y + LINE + 8
            label_x = cursor + swatch.width + 6
            lines = wrap(swatch.label, FONT, x + width - label_x, 4)  # one line unless too long
            out.append(swatch.symbol(cursor, line_y))
            out.append(text_lines(label_x, line_y + 5, lines, "chart-text"))
            cursor += needed + 14
            line_y += LINE * (len(lines) - 1)
        line_y += LINE + 12
    return el("g", {"class": "chart-legend", "aria-hidden": "true"}, "".join(out)), line_y - y - 4


# --------------------------------------------------------------------------- time scale


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_name(index: int) -> str:
    return MONTHS[index % 12][:3]


@dataclass(frozen=True)
class Stretch:
    start: int  # first month (month_index)
    end: int  # the month after the last
    cut: bool  # left out: drawn as a break of fixed length


@dataclass(frozen=True)
class TimeScale:
    """Months along one axis, from `origin`; a cut stretch takes `gap` whatever its length."""

    stretches: tuple[Stretch, ...]
    origin: float
    month: float
    gap: float

    def at(self, month: float) -> float:
        pos = self.origin
        for stretch in self.stretches:
            if month <= stretch.end or stretch is self.stretches[-1]:
                if stretch.cut:
                    return pos + self.gap * (month - stretch.start) / (stretch.end - stretch.start)
                return pos + (month - stretch.start) * self.month
            pos += self._length(stretch)
        return pos

    def _length(self, stretch: Stretch) -> float:
        return self.gap if stretch.cut else (stretch.end - stretch.start) * self.month

    @property
    def end(self) -> float:
        return self.origin + sum(self._length(s) for s in self.stretches)

    @property
    def cuts(self) -> tuple[Stretch, ...]:
        return tuple(s for s in self.stretches if s.cut)

    def months(self) -> Iterable[tuple[int, bool]]:
        """Every month drawn at full length, and whether it opens its stretch."""
        for stretch in self.stretches:
            if not stretch.cut:
                for m in range(stretch.start, stretch.end):
                    yield m, m == stretch.start


def stretches(first: int, last: int, busy: set[int], min_cut: int = 3) -> tuple[Stretch, ...]:
    """Months `first` to `last` (exclusive) as stretches: a run of at least `min_cut` months
    outside `busy` is cut out. With no busy month at all, nothing is cut."""
    runs = [
        (is_busy, [m for m in group])
        for is_busy, group in groupby(range(first, last), key=lambda m: m in busy or not busy)
    ]
    out: list[Stretch] = []
    for is_busy, months in runs:
        cut = not is_busy and len(months) >= min_cut
        if out and not cut and not out[-1].cut:
            out[-1] = Stretch(out[-1].start, months[-1] + 1, False)
        else:
            out.append(Stretch(months[0], months[-1] + 1, cut))
    return tuple(out)


def month_step(month_length: float, room: float) -> int:
    """Label every month, or every 2, 3, 6 or 12 when months are too short for a label."""
    return next((s for s in (1, 2, 3, 6) if s * month_length >= room), 12)


def cut_label(stretch: Stretch) -> str:
    """What a break leaves out, e.g. "Apr–Dec 2024" or "Nov 2023–Jan 2024"."""
    first, last = divmod(stretch.start, 12), divmod(stretch.end - 1, 12)
    if first[0] == last[0]:
        return f"{MONTHS[first[1]][:3]}–{MONTHS[last[1]][:3]} {first[0]}"
    return f"{MONTHS[first[1]][:3]} {first[0]}–{MONTHS[last[1]][:3]} {last[0]}"


@dataclass(frozen=True)
class Frame:
    """Where time runs: along x (a wide chart) or down y (a narrow one). `t` is the time
    coordinate and `c` the other one."""

    vertical: bool

    def point(self, t: float, c: float) -> tuple[float, float]:
        return (c, t) if self.vertical else (t, c)

    def box(self, t0: float, t1: float, c0: float, c1: float) -> dict[str, Attr]:
        (x0, y0), (x1, y1) = self.point(t0, c0), self.point(t1, c1)
        return {"x": min(x0, x1), "y": min(y0, y1), "width": abs(x1 - x0), "height": abs(y1 - y0)}

    def line(self, t0: float, t1: float, c0: float, c1: float, cls: str, **attrs: Attr) -> str:
        (x1, y1), (x2, y2) = self.point(t0, c0), self.point(t1, c1)
        return el("line", {"class": cls, "x1": x1, "y1": y1, "x2": x2, "y2": y2, **attrs})


def time_axis(scale: TimeScale, frame: Frame, c: float, room: float) -> str:
    """The time axis at cross position `c`: a tick at each month and labels beside it (below
    a wide chart, left of a narrow one); a label names its month, and its year where a year
    or a stretch begins. Labels leave out months when a month is shorter than `room`."""
    out = [frame.line(scale.origin, scale.end, c, c, "chart-axis", stroke=MUTED)]
    step = month_step(scale.month, room)
    need_year = True
    for m, opens in scale.months():
        t0, t1 = scale.at(m), scale.at(m + 1)
        need_year = need_year or opens
        out.append(frame.line(t0, t0, c, c + 6, "chart-axis", stroke=MUTED))
        if (m % 12) % step:
            continue
        lines = [month_name(m)] + ([str(m // 12)] if need_year or m % 12 == 0 else [])
        need_year = False
        if frame.vertical:
            y = t0 + 17 if len(lines) == 2 else (t0 + t1) / 2 + 5
            out.append(text_lines(c - 8, y, lines, "chart-text", **{"text-anchor": "end"}))
        else:
            out.append(
                text_lines((t0 + t1) / 2, c + 22, lines, "chart-text", **{"text-anchor": "middle"})
            )
    for stretch in scale.stretches:  # the end of each drawn stretch gets its tick too
        if not stretch.cut:
            out.append(
                frame.line(
                    scale.at(stretch.end),
                    scale.at(stretch.end),
                    c,
                    c + 6,
                    "chart-axis",
                    stroke=MUTED,
                )
            )
    return el("g", {"class": "chart-time", "aria-hidden": "true"}, "\n".join(out))


def month_grid(scale: TimeScale, frame: Frame, c0: float, c1: float) -> str:
    """Faint lines across the plot where months begin; dashed, darker ones where years do."""
    out = []
    for stretch in scale.stretches:
        if stretch.cut:
            continue
        for m in range(stretch.start, stretch.end + 1):
            t = scale.at(m)
            year = m % 12 == 0
            out.append(
                frame.line(
                    t,
                    t,
                    c0,
                    c1,
                    "chart-grid chart-year" if year else "chart-grid",
                    stroke=MUTED if year else GRID,
                    **{"stroke-dasharray": "3 3" if year else "none"},
                )
            )
    return el("g", {"class": "chart-grids", "aria-hidden": "true"}, "\n".join(out))


def cut_marks(
    scale: TimeScale, frame: Frame, lanes: tuple[float, float], axis: float, fill: str
) -> str:
    """Each cut stretch as a band across the lanes (painted with `fill`) and a double slash
    on the axis; the legend names the months it leaves out."""
    out = []
    for stretch in scale.cuts:
        t0, t1 = scale.at(stretch.start), scale.at(stretch.end)
        band = frame.box(t0 + 3, t1 - 3, *lanes)
        out.append(el("rect", {"class": "chart-cut", **band, "fill": fill, "stroke": "none"}))
        out.append(cut_symbol(frame, (t0 + t1) / 2, axis))
    return el("g", {"class": "chart-cuts", "aria-hidden": "true"}, "\n".join(out))


def cut_symbol(frame: Frame, t: float, c: float) -> str:
    """Two slanted strokes across the axis at `t`: the axis is broken here."""
    strokes = "".join(
        frame.line(
            t + dt - 4, t + dt + 4, c + 8, c - 8, "chart-axis", stroke=MUTED, **{"stroke-width": 2}
        )
        for dt in (-4, 4)
    )
    (x, y), (w, h) = frame.point(t - 10, c - 7), frame.point(20, 14)
    gap = el(
        "rect", {"class": "chart-gap", "x": x, "y": y, "width": w, "height": h, "fill": BACKGROUND}
    )
    return gap + strokes


# --------------------------------------------------------------------------- the overview

# Colours of the file; on the site docs/assets/chart.css sets them for each colour scheme.
INK, MUTED, MARK, LANE, BACKGROUND = "#1f2328", "#5b6470", "#1a5e9a", "#eef1f5", "#ffffff"
GRID = "#d3d9e0"

LANES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Diplomacy", frozenset({"summit", "meeting", "call"})),
    ("Statements", frozenset({"statement"})),
    ("Military action", frozenset({"launch", "strike"})),
    ("UN and sanctions", frozenset({"veto", "report", "sanctions"})),
    ("Other", frozenset({"election", "other"})),
)
DOT, BAR, HIT, TRACK, PAD = 7.0, 14.0, 26.0, 28.0, 5.0  # a mark's link is HIT × HIT or more
BASIS_SHORT = {
    "stated": "stated in the text",
    "inferred": "inferred from the text",
    "external": "from an outside source",
}
PRECISION_SHORT = {"day": "day", "month": "month", "year": "year only"}


@dataclass(frozen=True)
class Placed:
    """An event's mark: its lane, its track in the lane, and where it runs in time."""

    event: Event
    lane: int
    track: int
    t0: float
    t1: float  # equal to t0 for a date known to the day

    @property
    def middle(self) -> float:
        return (self.t0 + self.t1) / 2


def date_span(date: Date) -> tuple[float, float]:
    """The date as months from month_index 0: a point for a day, an interval otherwise."""
    year, month, day = date.parts
    if date.precision == "year":
        return month_index(year, 1), month_index(year + 1, 1)
    if date.precision == "month":
        return month_index(year, month), month_index(year, month) + 1
    days = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    point = month_index(year, month) + (day - 0.5) / days
    return point, point


def event_scale(events: Sequence[Event], origin: float) -> TimeScale:
    """The months the events span, with a run of three or more months that holds no date
    known to the day or month cut out. The length of a month is set afterwards."""
    spans = [date_span(e.date) for e in events]
    first, last = int(min(s[0] for s in spans)), int(max(s[1] for s in spans) - 1e-9) + 1
    busy = {int(s[0]) for e, s in zip(events, spans, strict=True) if e.date.precision != "year"}
    return TimeScale(stretches(first, last, busy), origin, 1.0, 30.0)


def fit(scale: TimeScale, length: float) -> TimeScale:
    """The scale with its months sized so the axis takes `length`."""
    months = sum(s.end - s.start for s in scale.stretches if not s.cut)
    room = length - scale.gap * len(scale.cuts)
    return TimeScale(scale.stretches, scale.origin, room / max(months, 1), scale.gap)


def place(
    events: Sequence[Event], lanes: Sequence[frozenset[str]], scale: TimeScale
) -> list[Placed]:
    """Each event in its lane, on the first track where its link does not touch another's."""
    placed: list[Placed] = []
    for lane, kinds in enumerate(lanes):
        edges: list[float] = []  # the far edge of the last link on each track
        marks = [
            (scale.at(date_span(e.date)[0]), scale.at(date_span(e.date)[1]), e)
            for e in events
            if e.kind in kinds
        ]
        for t0, t1, event in sorted(marks, key=lambda m: (m[0], m[1], m[2].id)):
            middle = (t0 + t1) / 2
            start, end = min(t0, middle - HIT / 2), max(t1, middle + HIT / 2)
            track = next((i for i, edge in enumerate(edges) if edge <= start), len(edges))
            edges[track : track + 1] = [end]
            placed.append(Placed(event, lane, track, t0, t1))
    return sorted(placed, key=lambda p: (p.t0, p.lane, p.track))


@dataclass(frozen=True)
class Drawing:
    """What one drawing of the overview needs besides the events."""

    frame: Frame
    prefix: str  # ids inside the drawing start with it (a page holds two drawings)
    href: Callable[[str], str]  # a site address → the link to it from where the drawing is
    width: float

    @property
    def hatch(self) -> str:
        return f"url(#{self.prefix}-hatch)"


def mark_style(basis: str, precision: str, d: Drawing) -> dict[str, Attr]:
    """Fill by basis (solid: stated; hollow: inferred; hatched: outside source); a dashed
    outline for a date known only to the year."""
    fill = {"stated": MARK, "inferred": BACKGROUND}.get(basis, d.hatch)
    return {
        "class": f"chart-mark chart-{basis}",
        "fill": fill,
        "stroke": MARK,
        "stroke-width": 2,
        "stroke-dasharray": "4 3" if precision == "year" else "none",
    }


def mark_shape(precision: str, basis: str, t0: float, t1: float, c: float, d: Drawing) -> str:
    """A dot for a day, a bar for a month, a thinner band for a year."""
    style = mark_style(basis, precision, d)
    if precision == "day":
        x, y = d.frame.point(t0, c)
        return el("circle", {"cx": x, "cy": y, "r": DOT, **style})
    half = BAR / 2 if precision == "month" else BAR / 2 - 2
    return el("rect", {**d.frame.box(t0 + 2, t1 - 2, c - half, c + half), "rx": half, **style})


def event_name(event: Event) -> str:
    return f"{event.date.display()}: {event.title}"


def event_detail(event: Event) -> str:
    return f"{event.date.display()} · {event.kind} · date {BASIS_SHORT[event.date.basis]}"


def tip_lines(event: Event, width: float) -> tuple[list[str], list[str]]:
    return (wrap(event.title, FONT, width, 5, bold=True), wrap(event_detail(event), FONT, width, 2))


def tip(event: Event, at: tuple[float, float], strip: float, d: Drawing) -> str:
    """The label shown in the strip at the top while the mark is pointed at or focused, with
    a guide line down to the mark."""
    title, detail = tip_lines(event, d.width - 24)
    wide = max(text_width(line, FONT, bold=True) for line in [*title, *detail])
    x = min(max(at[0] - wide / 2, 10), d.width - 10 - wide)
    body = (
        el(
            "line",
            {
                "class": "chart-guide",
                "x1": at[0],
                "y1": strip,
                "x2": at[0],
                "y2": at[1] - HIT / 2,
                "stroke": INK,
                "stroke-dasharray": "2 3",
            },
        )
        + text_lines(x, 8 + FONT, title, "chart-text chart-strong", **{"font-weight": 600})
        + text_lines(x, 8 + FONT + LINE * len(title), detail, "chart-text chart-muted")
    )
    return el("g", {"class": "chart-tip", "visibility": "hidden", "aria-hidden": "true"}, body)


def event_link(p: Placed, c: float, strip: float, d: Drawing) -> str:
    """An event's mark as a link to its entry, named by its date and title."""
    e = p.event
    t_half = max((p.t1 - p.t0) / 2, HIT / 2)
    hit = d.frame.box(p.middle - t_half, p.middle + t_half, c - HIT / 2, c + HIT / 2)
    body = (
        el("rect", {"class": "chart-hit", **hit, "fill": INK, "fill-opacity": 0})
        + mark_shape(e.date.precision, e.date.basis, p.t0, p.t1, c, d)
        + el(
            "rect",
            {
                "class": "chart-ring",
                **hit,
                "rx": 6,
                "fill": "none",
                "stroke": INK,
                "stroke-width": 2,
                "visibility": "hidden",
            },
        )
        + tip(e, d.frame.point(p.middle, c), strip, d)
    )
    name = f"{event_name(e)} ({e.kind}; date {BASIS_SHORT[e.date.basis]})"
    # The address is in xlink:href, not href: the theme's instant navigation rewrites every
    # element's `href` property when it loads a page, and an SVG link's is read-only (the
    # script would stop there). Browsers follow xlink:href alike; accessibility tools take
    # only a plain href for a link, so the role is said outright.
    attrs = {"xlink:href": d.href(urls.url_event(e.id)), "role": "link", "class": "chart-event"}
    return el("a", {**attrs, "aria-label": name}, body)


HINT = "Point at a mark or tab to it to read its event here; select it to open the event."


def strip_height(events: Sequence[Event], width: float) -> float:
    """Room at the top for the longest label (or the hint)."""
    lines = [sum(map(len, tip_lines(e, width - 24))) for e in events]
    return 14 + LINE * max([*lines, len(wrap(HINT, FONT, width - 24, 4))])


def strip(height: float, d: Drawing) -> str:
    return el(
        "rect",
        {
            "class": "chart-strip",
            "x": 0,
            "y": 0,
            "width": d.width,
            "height": height - 4,
            "rx": 6,
            "fill": LANE,
        },
    ) + text_lines(12, 8 + FONT, wrap(HINT, FONT, d.width - 24, 4), "chart-text chart-hint")


def defs(d: Drawing) -> str:
    return el(
        "defs",
        {},
        hatch(f"{d.prefix}-hatch", MARK, BACKGROUND) + hatch(f"{d.prefix}-cut", LANE, BACKGROUND),
    )


def legend_groups(d: Drawing, scale: TimeScale) -> list[tuple[str, list[Swatch]]]:
    """The legend: what the shapes say of the date's precision, the fills of its basis,
    and the break in the axis when there is one."""
    flat = Frame(vertical=False)
    swatch = Drawing(flat, d.prefix, d.href, d.width)

    def shape(precision: str, basis: str, length: float, shift: float) -> Callable[..., str]:
        return lambda x, y: mark_shape(precision, basis, x + shift, x + shift + length, y, swatch)

    # Shapes drawn hollow, the plainest fill, so that the dashes of the year show.
    precision = [
        Swatch(shape("day", "inferred", 0, DOT), 2 * DOT, "day"),
        Swatch(shape("month", "inferred", 36, -2), 32, "month"),
        Swatch(shape("year", "inferred", 60, -2), 56, "year only"),
    ]
    basis = [
        Swatch(shape("day", b, 0, DOT), 2 * DOT, BASIS_SHORT[b])
        for b in ("stated", "inferred", "external")
    ]
    groups: list[tuple[str, list[Swatch]]] = [("Date known to the:", precision), ("Date:", basis)]
    if scale.cuts:

        def broken(x: float, y: float) -> str:
            return cut_symbol(flat, x + 10, y)

        label = "{} left out (no event dated in them)"
        groups.append(
            ("Axis:", [Swatch(broken, 20, label.format(cut_label(s))) for s in scale.cuts])
        )
    return groups


def lanes_of(events: Sequence[Event]) -> list[tuple[str, frozenset[str]]]:
    return [(name, kinds) for name, kinds in LANES if any(e.kind in kinds for e in events)]


def lane_sizes(placed: Sequence[Placed], count: int, least: float) -> list[float]:
    """Each lane's breadth across time: its tracks, and at least `least`."""
    tracks = [1 + max((p.track for p in placed if p.lane == i), default=0) for i in range(count)]
    return [max(n * TRACK + 2 * PAD, least) for n in tracks]


def starts(sizes: Sequence[float], origin: float) -> list[float]:
    out = [origin]
    for size in sizes:
        out.append(out[-1] + size)
    return out


def lane_bands(d: Drawing, bounds: Sequence[float], t0: float, t1: float) -> str:
    """Alternate lanes shaded, across the whole plot."""
    return "\n".join(
        el(
            "rect",
            {"class": "chart-lane", **d.frame.box(t0, t1, bounds[i], bounds[i + 1]), "fill": LANE},
        )
        for i in range(0, len(bounds) - 1, 2)
    )


def marks(
    placed: Sequence[Placed],
    bounds: Sequence[float],
    sizes: Sequence[float],
    top: float,
    d: Drawing,
) -> str:
    """Every event's link, its tracks centred in its lane."""
    out = []
    for p in placed:
        used = 1 + max(q.track for q in placed if q.lane == p.lane)
        spare = sizes[p.lane] - used * TRACK - 2 * PAD
        c = bounds[p.lane] + PAD + spare / 2 + p.track * TRACK + TRACK / 2
        out.append(event_link(p, c, top, d))
    return el("g", {"class": "chart-events"}, "\n".join(out))


def wide_drawing(events: Sequence[Event], d: Drawing) -> str:
    """Time along x, a lane per kind of event below a label strip; the legend under it."""
    label_w = max(text_width(name, FONT) for name, _ in lanes_of(events)) + 22
    top = strip_height(events, d.width)
    scale = fit(event_scale(events, label_w), d.width - label_w - 22)
    lanes = lanes_of(events)
    placed = place(events, [k for _, k in lanes], scale)
    sizes = lane_sizes(placed, len(lanes), TRACK + 2 * PAD)
    bounds = starts(sizes, top + 10)
    names = "\n".join(
        text_lines(
            label_w - 10,
            (bounds[i] + bounds[i + 1]) / 2 + 5,
            [name],
            "chart-text",
            **{"text-anchor": "end"},
        )
        for i, (name, _) in enumerate(lanes)
    )
    axis_c = bounds[-1]
    key, key_h = legend(legend_groups(d, scale), 0, axis_c + 62, d.width)
    body = [
        defs(d),
        strip(top, d),
        lane_bands(d, bounds, 0, d.width),
        month_grid(scale, d.frame, bounds[0], bounds[-1]),
        el("g", {"class": "chart-lanes", "aria-hidden": "true"}, names),
        cut_marks(scale, d.frame, (bounds[0], bounds[-1]), axis_c, f"url(#{d.prefix}-cut)"),
        time_axis(scale, d.frame, axis_c, 34),
        key,
        marks(placed, bounds, sizes, top, d),
    ]
    height = axis_c + 62 + key_h
    return svg_root(d.width, height, overview_label(events), f"chart {d.prefix}", "\n".join(body))


def narrow_drawing(events: Sequence[Event], d: Drawing) -> str:
    """Time running down, a column per kind of event under its name (turned upright), a
    label strip on top; the legend under it."""
    lanes = lanes_of(events)
    kinds = [k for _, k in lanes]
    month, time_w = 40.0, 58.0
    probe = event_scale(events, 0)
    probe = TimeScale(probe.stretches, 0, month, probe.gap)
    sizes = lane_sizes(place(events, kinds, probe), len(lanes), 0)
    spare = max(0.0, d.width - time_w - 8 - sum(sizes))
    sizes = [size + spare / len(sizes) for size in sizes]  # lanes share what is left
    width = time_w + sum(sizes) + 8
    d = Drawing(d.frame, d.prefix, d.href, width)
    top = strip_height(events, width)
    head = max(text_width(name, FONT) for name, _ in lanes) + 16
    scale = TimeScale(probe.stretches, top + head + 8, month, probe.gap)
    placed = place(events, kinds, scale)
    bounds = starts(sizes, time_w)
    names = []
    for i, (name, _) in enumerate(lanes):
        x, y = (bounds[i] + bounds[i + 1]) / 2 + 5, top + head
        names.append(
            text_lines(x, y, [name], "chart-text", transform=f"rotate(-90 {num(x)} {num(y)})")
        )
    key, key_h = legend(legend_groups(d, scale), 0, scale.end + 20, width)
    body = [
        defs(d),
        strip(top, d),
        lane_bands(d, bounds, top + 2, scale.end),
        month_grid(scale, d.frame, bounds[0], bounds[-1]),
        el("g", {"class": "chart-lanes", "aria-hidden": "true"}, "\n".join(names)),
        cut_marks(scale, d.frame, (bounds[0], bounds[-1]), time_w, f"url(#{d.prefix}-cut)"),
        time_axis(scale, d.frame, time_w, 30),
        key,
        marks(placed, bounds, sizes, top, d),
    ]
    height = scale.end + 20 + key_h
    return svg_root(width, height, overview_label(events), f"chart {d.prefix}", "\n".join(body))


def overview_label(events: Sequence[Event]) -> str:
    span = f"{events[0].date.display()} to {events[-1].date.display()}"
    return (
        f"Timeline overview: {plural(len(events), 'event')}, {span}; each mark links to its event"
    )


# Hover and focus in the file (on the site, docs/assets/chart.css does this and the colours).
FILE_STYLE = (
    "a:hover .chart-tip, a:focus .chart-tip, a:hover .chart-ring, a:focus .chart-ring "
    "{ visibility: visible } svg:has(a:hover, a:focus) .chart-hint { visibility: hidden } "
    "a { outline: none } text { font-family: system-ui, sans-serif }"
)
WIDE = 680.0  # the wide drawing's width: shown where the column has at least 640 px
NARROW = 340.0  # the narrow one's least width: a 390 px phone's column has 358 px


def overview_svg(ix: Index) -> str:
    """The overview as a file (assets/generated/timeline-overview.svg), for reuse."""
    events = ix.corpus.events
    if not events:
        return (
            svg_root(
                WIDE,
                40,
                "Timeline overview: no events yet",
                "chart",
                text_lines(12, 26, ["No events yet."], "chart-text"),
            )
            + "\n"
        )
    here = urls.TIMELINE_SVG
    drawing = wide_drawing(
        events, Drawing(Frame(False), "chart", lambda a: urls.raw_link(here, a), WIDE)
    )
    style = el("style", {}, FILE_STYLE)
    title = el("title", {}, xml_text(overview_label(events)))
    return drawing.replace("\n", f"\n{title}\n{style}\n", 1) + "\n"


def overview_figure(ix: Index, page: str) -> str:
    """The overview for the page `page` (a docs path): a wide and a narrow drawing, of which
    CSS shows the one that fits, and a caption. HTML for a raw block (no blank line)."""
    events = ix.corpus.events
    if not events:
        return '<p class="dossier-chart-empty">No events yet.</p>'

    def href(address: str) -> str:
        return urls.raw_link(page, address)

    wide = wide_drawing(events, Drawing(Frame(False), "chart-wide", href, WIDE))
    narrow = narrow_drawing(events, Drawing(Frame(True), "chart-narrow", href, NARROW))
    svg_file = html_attr(urls.raw_link(page, urls.TIMELINE_SVG))
    caption = (
        "<figcaption>Each mark is an event and links to its entry. Its shape gives the "
        "date’s precision (a dot: the day; a bar: the month; a dashed band: the year only), "
        "its fill how the date is known (filled: stated in the text; hollow: inferred from "
        "the text; hatched: from an outside source)."
        + (" Where the axis is broken, months with no event are left out." if _cut(events) else "")
        + f' <a href="{svg_file}" download>The chart as an SVG file</a>.</figcaption>'
    )
    return "\n".join(
        ['<figure class="dossier-chart" data-search-exclude>', wide, narrow, caption, "</figure>"]
    )


def _cut(events: Sequence[Event]) -> bool:
    return bool(event_scale(events, 0).cuts)


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

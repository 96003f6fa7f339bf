"""The timeline overview: a chart drawn at build time, one mark per event.

Each mark is a link to the event's entry, named by its date and title; its shape gives the
date's precision (a dot: the day; a bar: the month; a dashed band: the year only) and its
fill the date's basis (solid: stated in the text; hollow: inferred from it; hatched: from an
outside source), both explained in the legend. Pointing at a mark or focusing it shows its
title and date in a strip at the top of the chart (docs/assets/chart.css).

The overview is inlined in the timeline and home pages as two drawings, a horizontal one for
wide columns and a vertical one for phones (chart.css shows the one that fits), and written
once more as a file for reuse. The drawing pieces are in chart.py.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from .. import urls
from ..dates import Date
from ..escape import html_attr, md_inline, xml_text
from ..model import Event
from .chart import (
    BACKGROUND,
    FONT,
    INK,
    LANE,
    LINE,
    MARK,
    Attr,
    Frame,
    Swatch,
    TimeScale,
    cut_label,
    cut_marks,
    cut_symbol,
    el,
    hatch,
    legend,
    month_grid,
    month_index,
    num,
    stretches,
    svg_root,
    text_lines,
    text_width,
    time_axis,
    wrap,
)
from .fmt import BASIS_LABELS, plural
from .index import Index

# --------------------------------------------------------------------------- the overview


LANES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Diplomacy", frozenset({"summit", "meeting", "call"})),
    ("Statements", frozenset({"statement"})),
    ("Military action", frozenset({"launch", "strike"})),
    ("UN and sanctions", frozenset({"veto", "report", "sanctions"})),
    ("Other", frozenset({"election", "other"})),
)
DOT, BAR, HIT, TRACK, PAD = 7.0, 14.0, 26.0, 28.0, 5.0  # a mark's link is HIT × HIT or more
# A lane whose marks would need more tracks than this gathers each month's events into one
# counted mark (a corpus of hundreds of reports stays one readable, light chart).
MAX_TRACKS = 4


@dataclass(frozen=True)
class Placed:
    """A mark: one event, or the events of one month gathered in a crowded lane; its lane,
    its track in the lane, and where it runs in time."""

    events: tuple[Event, ...]
    lane: int
    track: int
    t0: float
    t1: float  # equal to t0 for a date known to the day

    @property
    def middle(self) -> float:
        return (self.t0 + self.t1) / 2

    @property
    def gathered(self) -> bool:
        return len(self.events) > 1


def date_span(date: Date) -> tuple[float, float]:
    """The date as months from month_index 0: a point for a day, an interval otherwise."""
    year, month, day = date.parts
    if date.precision == "year":
        return month_index(year, 1), month_index(year + 1, 1)
    if date.precision == "month":
        return month_index(year, month), month_index(year, month) + 1
    point = month_index(year, month) + (day - 0.5) / calendar.monthrange(year, month)[1]
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


Item = tuple[float, float, tuple[Event, ...]]  # a mark before it has a track: t0, t1, events


def tracks(items: Sequence[Item]) -> list[tuple[Item, int]]:
    """Each item on the first track where its link does not touch the one before it."""
    edges: list[float] = []  # the far edge of the last link on each track
    out = []
    for item in sorted(items, key=lambda i: (i[0], i[1], i[2][0].id)):
        t0, t1, _ = item
        middle = (t0 + t1) / 2
        start, end = min(t0, middle - HIT / 2), max(t1, middle + HIT / 2)
        track = next((n for n, edge in enumerate(edges) if edge <= start), len(edges))
        edges[track : track + 1] = [end]
        out.append((item, track))
    return out


def by_month(events: Sequence[Event], scale: TimeScale) -> list[Item]:
    """A crowded lane's events gathered by month (by year when only the year is known);
    a month with a single event keeps its own mark."""
    items: list[Item] = []
    for _, group in groupby(events, key=lambda e: e.date.value[:7]):
        gathered = tuple(group)
        if len(gathered) == 1:
            (event,) = gathered
            span = date_span(event.date)
        else:
            period = gathered[0].date.value[:7]
            span = date_span(Date(period, "stated", ""))
        items.append((scale.at(span[0]), scale.at(span[1]), gathered))
    return items


def item(event: Event, scale: TimeScale) -> Item:
    start, end = date_span(event.date)
    return scale.at(start), scale.at(end), (event,)


def place(
    events: Sequence[Event], lanes: Sequence[frozenset[str]], scale: TimeScale
) -> list[Placed]:
    """Every event's mark, in date order (the order of the Tab key)."""
    placed: list[Placed] = []
    for lane, kinds in enumerate(lanes):
        mine = [e for e in events if e.kind in kinds]
        laid = tracks([item(e, scale) for e in mine])
        if max(track for _, track in laid) >= MAX_TRACKS:
            laid = tracks(by_month(mine, scale))
        placed += [Placed(evs, lane, track, t0, t1) for (t0, t1, evs), track in laid]
    return sorted(placed, key=lambda p: (p.t0, p.lane, p.track))


@dataclass(frozen=True)
class Drawing:
    """What one drawing of the overview needs besides the events."""

    frame: Frame
    prefix: str  # ids inside the drawing start with it (a page holds two drawings)
    href: Callable[[str], str]  # a site address → the link to it from where the drawing is
    width: float
    address: Callable[[str], str] = urls.url_event  # an event's address (Index.url_event)

    @property
    def hatch(self) -> str:
        return f"url(#{self.prefix}-hatch)"


def mark_style(basis: str, precision: str, d: Drawing) -> dict[str, Attr]:
    """Fill by basis (solid: stated; hollow: inferred, and a month's events gathered;
    hatched: outside source); a dashed outline for a date known only to the year."""
    fill = {"stated": MARK, "external": d.hatch}.get(basis, BACKGROUND)
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
    t0, t1 = stretched(t0 + 2, t1 - 2, 2 * DOT + 6)
    return el("rect", {**d.frame.box(t0, t1, c - half, c + half), "rx": half, **style})


def stretched(t0: float, t1: float, least: float) -> tuple[float, float]:
    """An interval at least `least` long, about the same middle: a bar over a short month
    must not pass for a dot."""
    grow = max(0.0, least - (t1 - t0)) / 2
    return t0 - grow, t1 + grow


def gathered_shape(p: Placed, c: float, d: Drawing) -> str:
    """A month's events in a crowded lane: a wide bar over the month with their count."""
    half = BAR / 2 + 3
    box = d.frame.box(*stretched(p.t0 + 2, p.t1 - 2, HIT), c - half, c + half)
    bar = el("rect", {**box, "rx": 5, **mark_style("gathered", "month", d)})
    x, y = d.frame.point(p.middle, c)
    centred: dict[str, Attr] = {"text-anchor": "middle", "font-weight": 600}
    count = text_lines(x, y + 5, [str(len(p.events))], "chart-text chart-strong", **centred)
    return bar + count


@dataclass(frozen=True)
class Label:
    """What a mark says: its accessible name, the title and detail lines of its label, and
    the address it links to."""

    name: str
    title: str
    detail: str
    address: str


def label(p: Placed, lane: str, address: Callable[[str], str] = urls.url_event) -> Label:
    """`address` gives an event's address (Index.url_event: the page that holds it)."""
    first = p.events[0]
    if not p.gathered:
        basis = f"date {BASIS_LABELS[first.date.basis]}"
        date = first.date.display()
        return Label(f"{date}: {first.title} ({first.kind}; {basis})", first.title,
                     f"{date} · {first.kind} · {basis}", address(first.id))  # fmt: skip
    year, month, _ = first.date.parts
    period = first.date.display() if month else f"{year}, month not known"
    if month and first.date.precision == "day":
        period = Date(first.date.value[:7], "stated", "").display()
    titles = "; ".join(e.title for e in p.events[:3])
    more = f"; and {len(p.events) - 3} more" if len(p.events) > 3 else ""
    events = f"{len(p.events)} events: {titles}{more}"
    page = urls.address_page(address(first.id))
    return Label(f"{period}, {lane}: {events}", events, f"{period} · {lane} · listed below",
                 urls.with_anchor(page, urls.month_anchor(year, month)))  # fmt: skip


def tip_lines(text: Label, width: float) -> tuple[list[str], list[str]]:
    return wrap(text.title, FONT, width, 5, bold=True), wrap(text.detail, FONT, width, 2)


def tip(text: Label, at: tuple[float, float], strip: float, d: Drawing) -> str:
    """The label shown in the strip at the top while the mark is pointed at or focused, with
    a guide line down to the mark."""
    title, detail = tip_lines(text, d.width - 24)
    wide = max(text_width(line, FONT, bold=True) for line in [*title, *detail])
    x = min(max(at[0] - wide / 2, 10), d.width - 10 - wide)
    guide = {"x1": at[0], "y1": strip, "x2": at[0], "y2": at[1] - HIT / 2}
    body = (
        el("line", {"class": "chart-guide", **guide, "stroke": INK, "stroke-dasharray": "2 3"})
        + text_lines(x, 8 + FONT, title, "chart-text chart-strong", **{"font-weight": 600})
        + text_lines(x, 8 + FONT + LINE * len(title), detail, "chart-text chart-muted")
    )
    return el("g", {"class": "chart-tip", "visibility": "hidden", "aria-hidden": "true"}, body)


def event_link(p: Placed, text: Label, c: float, strip: float, d: Drawing) -> str:
    """A mark as a link to its event's entry (or its month's), named by date and title."""
    t_half = max((p.t1 - p.t0) / 2, HIT / 2)
    hit = d.frame.box(p.middle - t_half, p.middle + t_half, c - HIT / 2, c + HIT / 2)
    date = p.events[0].date
    ring: dict[str, Attr] = {
        "rx": 6, "fill": "none", "stroke": INK, "stroke-width": 2, "visibility": "hidden"
    }  # fmt: skip
    body = (
        el("rect", {"class": "chart-hit", **hit, "fill": INK, "fill-opacity": 0})
        + (gathered_shape(p, c, d) if p.gathered
           else mark_shape(date.precision, date.basis, p.t0, p.t1, c, d))
        + el("rect", {"class": "chart-ring", **hit, **ring})
        + tip(text, d.frame.point(p.middle, c), strip, d)
    )  # fmt: skip
    # The address is in xlink:href, not href: the theme's instant navigation rewrites every
    # element's `href` property when it loads a page, and an SVG link's is read-only (the
    # script would stop there). Browsers follow xlink:href alike; accessibility tools take
    # only a plain href for a link, so the role is said outright.
    attrs = {"xlink:href": d.href(text.address), "role": "link", "class": "chart-event"}
    return el("a", {**attrs, "aria-label": text.name}, body)


HINT = "Point at a mark or tab to it to read its event here; select it to open the event."


def strip_height(labels: Sequence[Label], width: float) -> float:
    """Room at the top for the longest label (or the hint)."""
    lines = [sum(map(len, tip_lines(text, width - 24))) for text in labels]
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


def legend_groups(d: Drawing, scale: TimeScale, laid: Laid) -> list[tuple[str, list[Swatch]]]:
    """The legend: what the shapes say of the date's precision, the fills of its basis, and
    where there are any, gathered marks and breaks in the axis."""
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
        Swatch(shape("day", b, 0, DOT), 2 * DOT, BASIS_LABELS[b])
        for b in ("stated", "inferred", "external")
    ]
    groups: list[tuple[str, list[Swatch]]] = [("Date known to the:", precision), ("Date:", basis)]
    if any(p.gathered for p in laid.placed):

        def gathered(x: float, y: float) -> str:
            sample = Placed(tuple(p for q in laid.placed for p in q.events)[:3], 0, 0, x, x + 40)
            return gathered_shape(sample, y, swatch)

        groups.append(("Crowded lanes:", [Swatch(gathered, 40, "a month’s events, counted")]))
    if scale.cuts:

        def broken(x: float, y: float) -> str:
            return cut_symbol(flat, x + 10, y)

        left_out = "; ".join(cut_label(s) for s in scale.cuts)
        label = f"months left out (no event dated in them): {left_out}"
        groups.append(("Axis:", [Swatch(broken, 20, label)]))
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


def marks(placed: Sequence[Placed], labels: Sequence[Label], bounds: Sequence[float],
          sizes: Sequence[float], top: float, d: Drawing) -> str:  # fmt: skip
    """Every mark's link, its tracks centred in its lane."""
    used: dict[int, int] = {}
    for p in placed:
        used[p.lane] = max(used.get(p.lane, 0), p.track + 1)
    out = []
    for p, text in zip(placed, labels, strict=True):
        spare = sizes[p.lane] - used[p.lane] * TRACK - 2 * PAD
        c = bounds[p.lane] + PAD + spare / 2 + p.track * TRACK + TRACK / 2
        out.append(event_link(p, text, c, top, d))
    return el("g", {"class": "chart-events"}, "\n".join(out))


@dataclass(frozen=True)
class Laid:
    """The overview's content laid out on a scale: lanes, marks and what they say."""

    names: list[str]
    placed: list[Placed]
    labels: list[Label]


def lay_out(
    events: Sequence[Event], scale: TimeScale, address: Callable[[str], str] = urls.url_event
) -> Laid:
    lanes = lanes_of(events)
    names = [name for name, _ in lanes]
    placed = place(events, [kinds for _, kinds in lanes], scale)
    return Laid(names, placed, [label(p, names[p.lane], address) for p in placed])


LAYERS = ("strip", "lanes", "grid", "names", "cuts", "axis", "legend", "marks")


def layers(d: Drawing, parts: dict[str, str]) -> str:
    """A drawing's layers, back to front: the marks last, over everything else."""
    return "\n".join([defs(d), *(parts[name] for name in LAYERS)])


def wide_drawing(events: Sequence[Event], d: Drawing) -> str:
    """Time along x, a lane per kind of event below a label strip; the legend under it."""
    label_w = max(text_width(name, FONT) for name, _ in lanes_of(events)) + 22
    scale = fit(event_scale(events, label_w), d.width - label_w - 22)
    laid = lay_out(events, scale, d.address)
    top = strip_height(laid.labels, d.width)
    sizes = lane_sizes(laid.placed, len(laid.names), TRACK + 2 * PAD)
    bounds = starts(sizes, top + 10)
    names = "\n".join(
        text_lines(label_w - 10, (bounds[i] + bounds[i + 1]) / 2 + 5, [name], "chart-text",
                   **{"text-anchor": "end"})
        for i, name in enumerate(laid.names)
    )  # fmt: skip
    axis = bounds[-1]
    key, key_h = legend(legend_groups(d, scale, laid), 0, axis + 62, d.width)
    parts = {
        "strip": strip(top, d), "lanes": lane_bands(d, bounds, 0, d.width),
        "grid": month_grid(scale, d.frame, bounds[0], bounds[-1]),
        "names": el("g", {"class": "chart-lanes", "aria-hidden": "true"}, names),
        "cuts": cut_marks(scale, d.frame, (bounds[0], bounds[-1]), axis, f"url(#{d.prefix}-cut)"),
        "axis": time_axis(scale, d.frame, axis, 34), "legend": key,
        "marks": marks(laid.placed, laid.labels, bounds, sizes, top, d),
    }  # fmt: skip
    drawn = layers(d, parts)
    return svg_root(d.width, axis + 62 + key_h, overview_label(events), f"chart {d.prefix}", drawn)


def narrow_drawing(events: Sequence[Event], d: Drawing) -> str:
    """Time running down, a column per kind of event under its name (turned upright), a
    label strip on top; the legend under it."""
    probe = event_scale(events, 0)
    shown = sum(s.end - s.start for s in probe.stretches if not s.cut)
    month = max(16.0, min(40.0, 960 / shown))  # a long span is drawn shorter
    time_w = 58.0 if month >= 2 * LINE else 84.0  # room for "Nov 2017" on one line
    laid = lay_out(events, TimeScale(probe.stretches, 0, month, probe.gap), d.address)
    sizes = lane_sizes(laid.placed, len(laid.names), 0)
    spare = max(0.0, d.width - time_w - 8 - sum(sizes))
    sizes = [size + spare / len(sizes) for size in sizes]  # lanes share what is left
    d = Drawing(d.frame, d.prefix, d.href, time_w + sum(sizes) + 8, d.address)
    top = strip_height(laid.labels, d.width)
    head = max(text_width(name, FONT) for name in laid.names) + 16
    scale = TimeScale(probe.stretches, top + head + 8, month, probe.gap)
    laid = lay_out(events, scale, d.address)  # the same tracks, further down
    bounds = starts(sizes, time_w)
    names = []
    for i, name in enumerate(laid.names):
        x, y = (bounds[i] + bounds[i + 1]) / 2 + 5, top + head
        turn = f"rotate(-90 {num(x)} {num(y)})"
        names.append(text_lines(x, y, [name], "chart-text", transform=turn))
    key, key_h = legend(legend_groups(d, scale, laid), 0, scale.end + 20, d.width)
    parts = {
        "strip": strip(top, d), "lanes": lane_bands(d, bounds, top + 2, scale.end),
        "grid": month_grid(scale, d.frame, bounds[0], bounds[-1]),
        "names": el("g", {"class": "chart-lanes", "aria-hidden": "true"}, "\n".join(names)),
        "cuts": cut_marks(scale, d.frame, (bounds[0], bounds[-1]), time_w,
                          f"url(#{d.prefix}-cut)"),
        "axis": time_axis(scale, d.frame, time_w, 30), "legend": key,
        "marks": marks(laid.placed, laid.labels, bounds, sizes, top, d),
    }  # fmt: skip
    drawn = layers(d, parts)
    height = scale.end + 20 + key_h
    return svg_root(d.width, height, overview_label(events), f"chart {d.prefix}", drawn)


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
        events,
        Drawing(Frame(False), "chart", lambda a: urls.raw_link(here, a), WIDE, ix.url_event),
    )
    style = el("style", {}, FILE_STYLE)
    title = el("title", {}, xml_text(overview_label(events)))
    return drawing.replace("\n", f"\n{title}\n{style}\n", 1) + "\n"


def overview_figure(ix: Index, page: str, events: Sequence[Event] | None = None) -> str:
    """The overview for the page `page` (a docs path): a wide and a narrow drawing, of which
    CSS shows the one that fits, and a caption. HTML for a raw block (no blank line).
    `events`: those of one page of a split timeline (all of them by default)."""
    events = ix.corpus.events if events is None else events
    if not events:
        return '<p class="dossier-chart-empty">No events yet.</p>'

    def href(address: str) -> str:
        return urls.raw_link(page, address)

    wide = wide_drawing(events, Drawing(Frame(False), "chart-wide", href, WIDE, ix.url_event))
    narrow = narrow_drawing(
        events, Drawing(Frame(True), "chart-narrow", href, NARROW, ix.url_event)
    )
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


def text_equivalent(ix: Index, events: Sequence[Event] | None = None) -> list[str]:
    """The overview's content as a Markdown list: events counted by month (or year)."""
    lines = []
    events = ix.corpus.events if events is None else events
    for period, group in groupby(events, key=lambda e: e.date.value[:7]):
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

"""Pieces for drawing charts as SVG at build time (no script draws them).

Elements with escaped attributes, text estimated and wrapped to a width, a legend that flows
onto lines, and a time scale of months whose long empty stretches are cut out, with its axis,
month grid and the marks of a cut. Any chart can use them in either orientation (`Frame`):
time along x, or time running down. Every text goes through escape.xml_text.

The colours here are those of a chart as a file; on the site, docs/assets/chart.css gives
each class its colours in the light and the dark scheme.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from ..dates import MONTHS
from ..escape import xml_text

Attr = str | int | float
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FONT = 14  # every text of a chart: at least 12 px once drawn (the wide chart shrinks ≤ 6 %)
LINE = 18  # line height of that text
# Colours of the file; on the site docs/assets/chart.css sets them for each colour scheme.
INK, MUTED, MARK, LANE, BACKGROUND = "#1f2328", "#5b6470", "#1a5e9a", "#eef1f5", "#ffffff"
GRID = "#d3d9e0"


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
    return _ems(text) * size * (1.08 if bold else 1.0)


@functools.lru_cache(maxsize=65536)  # wrapping measures the same words again and again
def _ems(text: str) -> float:
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
    return em


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
            lines = wrap(swatch.label, FONT, x + width - label_x, 8)  # one line unless too long
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
            if scale.month < 2 * LINE:  # no room for two lines: "Nov 2017" on one
                lines = [" ".join(lines)]
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

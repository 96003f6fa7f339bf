"""The timeline overview chart (scripts/dossier/render/svg.py, docs/assets/chart.css).

Static checks read the built pages: the chart is inline SVG on the timeline and home pages,
every event has one mark per drawing, a link to its entry named by its date and title, drawn
by its date's precision (shape) and basis (fill); the axis starts and ends at the events'
months, and a break in it is shown and named; the event list names each date's basis in a
badge. Unit checks cover the time scale, the cuts and the text wrapping.

Browser checks (Chromium, 1280 and 390 px, light and dark): one drawing shows, its marks
are links that reach their events by pointer and by keyboard, the label of a mark shows on
hover and on focus inside the viewport, no chart text is drawn under 12 px, colours keep
their contrast in both schemes, and axe-core finds nothing on the timeline page.
Screenshots go to tests/artifacts/chart-*.png.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import test_browser
from conftest import Project
from dossier.dates import MONTHS, Date
from dossier.model import Event, Pos
from dossier.render import chart, svg
from dossier.render.fmt import BASIS_LABELS
from test_browser import ARTIFACTS, DESKTOP, IN_VIEW_JS, PHONE, Site, axe_summary, goto

site = test_browser.site
browser = test_browser.browser
new_page = test_browser.new_page

FIGURE = "figure.dossier-chart"


# --------------------------------------------------------------------------- reading the chart


@dataclass
class Mark:
    href: str
    name: str
    shape: str = ""  # tag of the mark: circle (day) or rect (month, year)
    classes: str = ""
    dash: str = ""


@dataclass
class Drawing:
    classes: str
    marks: list[Mark] = field(default_factory=list)
    font_sizes: list[float] = field(default_factory=list)
    axis_text: list[str] = field(default_factory=list)
    legend_text: list[str] = field(default_factory=list)


class ChartParser(html.parser.HTMLParser):
    """The drawings of a page's chart figure, with their marks and texts."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.drawings: list[Drawing] = []
        self.stack: list[str] = []  # classes of the open <g> and <a> elements
        self.figures = 0
        self.in_svg = False
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "figure" and "dossier-chart" in a.get("class", ""):
            self.figures += 1
        if tag == "svg" and "chart" in a.get("class", "").split():
            self.drawings.append(Drawing(a["class"]))
            self.in_svg = True
            return
        if not self.in_svg:
            return
        drawing = self.drawings[-1]
        if tag in ("g", "a"):
            self.stack.append(a.get("class", ""))
        if tag == "a":
            drawing.marks.append(Mark(a["xlink:href"], a["aria-label"]))
        if tag in ("circle", "rect") and "chart-mark" in a.get("class", "") and self._in_link:
            drawing.marks[-1].shape = tag
            drawing.marks[-1].classes = a["class"]
            drawing.marks[-1].dash = a["stroke-dasharray"]
        if tag == "text":
            drawing.font_sizes.append(float(a["font-size"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("g", "a") and self.stack:
            self.stack.pop()
        if tag == "svg":
            self.stack = []
            self.in_svg = False

    def handle_data(self, data: str) -> None:
        if not self.in_svg or not data.strip():
            return
        if "chart-time" in self.stack:
            self.drawings[-1].axis_text.append(data.strip())
        if "chart-legend" in self.stack:
            self.drawings[-1].legend_text.append(data.strip())

    @property
    def _in_link(self) -> bool:
        return "chart-event" in self.stack


def read(project: Project, page: str) -> str:
    return (project.site / page).read_text(encoding="utf-8")


def events(project: Project) -> list[dict]:
    return json.loads(read(project, "data/events.json"))


def display(date: dict) -> str:
    year, month, day = [*(int(b) for b in date["value"].split("-")), 0, 0][:3]
    if date["precision"] == "year":
        return str(year)
    if date["precision"] == "month":
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def parse_chart(project: Project, page: str) -> ChartParser:
    parsed = ChartParser(read(project, page))
    assert parsed.figures == 1, f"{page}: {parsed.figures} chart figures"
    assert [d.classes.split()[-1] for d in parsed.drawings] == ["chart-wide", "chart-narrow"]
    return parsed


# --------------------------------------------------------------------------- static checks


@pytest.mark.parametrize("page", ["timeline/index.html", "index.html"])
def test_the_chart_is_inline_svg_not_an_image(real_project: Project, page: str):
    source = read(real_project, page)
    assert "timeline-overview.svg" not in " ".join(re.findall(r"<img[^>]*>", source))
    parse_chart(real_project, page)


def test_each_event_is_a_named_link_to_its_entry(real_project: Project):
    timeline = read(real_project, "timeline/index.html")
    ids = set(re.findall(r'\bid="([^"]+)"', timeline))
    expected = [
        (f"#{e['id']}", f"{display(e['date'])}: {e['title']}") for e in events(real_project)
    ]
    for drawing in parse_chart(real_project, "timeline/index.html").drawings:
        assert len(drawing.marks) == len(expected), drawing.classes
        found = {(m.href, m.name.split(" (")[0]) for m in drawing.marks}
        assert found == set(expected), drawing.classes
        for mark in drawing.marks:
            assert mark.href[1:] in ids, f"{mark.href}: no such anchor on the timeline"
    # The marks come in date order, so the Tab key walks the chart through time.
    date_of = {e["id"]: e["date"]["value"] for e in events(real_project)}
    for drawing in parse_chart(real_project, "timeline/index.html").drawings:
        dates = [date_of[m.href[1:]] for m in drawing.marks]
        assert dates == sorted(dates), drawing.classes


def test_home_marks_link_to_the_timeline(real_project: Project):
    timeline = read(real_project, "timeline/index.html")
    for drawing in parse_chart(real_project, "index.html").drawings:
        assert drawing.marks
        for mark in drawing.marks:
            page, _, anchor = mark.href.partition("#")
            assert page == "timeline/", mark.href
            assert f'id="{anchor}"' in timeline, mark.href


def test_marks_show_precision_and_basis(real_project: Project, fixture_project: Project):
    for project in (real_project, fixture_project):
        by_href = {f"#{e['id']}": e["date"] for e in events(project)}
        for drawing in parse_chart(project, "timeline/index.html").drawings:
            for mark in drawing.marks:
                date = by_href[mark.href]
                assert mark.shape == ("circle" if date["precision"] == "day" else "rect"), mark
                assert f"chart-{date['basis']}" in mark.classes.split(), mark
                assert (mark.dash != "none") == (date["precision"] == "year"), mark
                assert f"date {BASIS_LABELS[date['basis']]}" in mark.name, mark
            legend = " ".join(drawing.legend_text)
            for words in ("day", "month", "year only", *BASIS_LABELS.values()):
                assert words in legend, f"{drawing.classes}: legend lacks {words!r}"


def test_the_axis_runs_from_the_first_events_month_to_the_last(real_project: Project):
    dates = [e["date"]["value"] for e in events(real_project)]
    first, last = min(dates), max(dates)
    for drawing in parse_chart(real_project, "timeline/index.html").drawings:
        words = drawing.axis_text
        assert words[:2] == [MONTHS[int(first[5:7]) - 1][:3], first[:4]], words
        assert words[-1] == MONTHS[int(last[5:7]) - 1][:3], words
        assert "Jan" in words and words[words.index("Jan") + 1] == "2024", "years not named"


def test_a_break_in_the_axis_is_drawn_and_named(fixture_project: Project):
    """The fixture's events fall in January to March 2024 but one is dated only to 2024:
    April to December hold no event, so the axis leaves them out and says so."""
    source = read(fixture_project, "timeline/index.html")
    for drawing in parse_chart(fixture_project, "timeline/index.html").drawings:
        assert "months left out (no event dated in them): Apr–Dec 2024" in " ".join(
            drawing.legend_text
        )
    assert source.count('class="chart-cut"') == 2  # one per drawing
    assert "Where the axis is broken" in source


def test_no_text_is_drawn_under_12px_before_scaling(real_project: Project):
    for drawing in parse_chart(real_project, "timeline/index.html").drawings:
        assert drawing.font_sizes and min(drawing.font_sizes) >= 13, drawing.classes


def test_the_event_list_names_each_basis_in_a_badge(real_project: Project):
    source = read(real_project, "timeline/index.html")
    for event in events(real_project):
        basis = event["date"]["basis"]
        heading = source.index(f'id="{event["id"]}"')
        badge = re.compile(
            rf'<span class="dossier-basis dossier-basis--{basis}"[^>]*>([^<]+)</span>'
        ).search(source, heading)
        following = source.find("<h4", heading + 1)
        assert badge and badge.start() < (following if following > 0 else len(source)), event
        assert badge[1] == f"date {BASIS_LABELS[basis]}", badge[1]


def test_the_text_overview_stays(real_project: Project):
    source = read(real_project, "timeline/index.html")
    assert "The overview as text" in source
    for event in events(real_project):
        assert html.escape(event["title"], quote=False) in source


def test_the_svg_file_is_kept_for_reuse(real_project: Project):
    path = real_project.site / "assets/generated/timeline-overview.svg"
    root = ET.parse(path).getroot()
    ns = {"s": chart.SVG_NS}
    links = root.findall(".//s:a", ns)
    assert len(links) == len(events(real_project))
    timeline = read(real_project, "timeline/index.html")
    for link in links:
        href = link.get(f"{{{chart.XLINK_NS}}}href") or ""
        page, _, anchor = href.partition("#")
        assert page == "../../timeline/", href
        assert (path.parent / page / "index.html").resolve().is_file()
        assert f'id="{anchor}"' in timeline, href
    assert root.find("s:style", ns) is not None  # hover and focus work in the file too
    assert 'href="../assets/generated/timeline-overview.svg" download' in timeline


# --------------------------------------------------------------------------- drawing pieces


def test_stretches_cut_runs_of_three_empty_months_or_more():
    stretches = chart.stretches(0, 12, busy={0, 1, 5, 9})
    assert [(s.start, s.end, s.cut) for s in stretches] == [
        (0, 2, False), (2, 5, True), (5, 6, False), (6, 9, True), (9, 12, False)
    ]  # fmt: skip
    assert [s.cut for s in chart.stretches(0, 4, busy={0, 3})] == [False]  # two empty: kept
    assert [s.cut for s in chart.stretches(0, 24, busy=set())] == [False]  # years only


def test_the_scale_is_monotonic_and_gives_a_cut_its_gap():
    scale = chart.TimeScale(chart.stretches(0, 12, busy={0, 1, 5, 9}), 100.0, 20.0, 30.0)
    positions = [scale.at(m / 4) for m in range(0, 49)]
    assert positions == sorted(positions) and positions[0] == 100
    assert scale.at(5) - scale.at(2) == 30  # three months cut to one gap
    assert scale.at(2) - scale.at(0) == 40
    assert scale.end == 100 + 2 * 20 + 30 + 20 + 30 + 3 * 20


def test_cut_labels_and_wrapping():
    assert chart.cut_label(chart.Stretch(2024 * 12 + 3, 2024 * 12 + 12, True)) == "Apr–Dec 2024"
    assert chart.cut_label(chart.Stretch(2023 * 12 + 10, 2024 * 12 + 1, True)) == (
        "Nov 2023–Jan 2024"
    )
    text = "Putin and Kim sign a comprehensive strategic partnership treaty in Pyongyang"
    lines = chart.wrap(text, 14, 200, 10)
    assert " ".join(lines) == text
    assert all(chart.text_width(line, 14) <= 200 for line in lines)
    long = chart.wrap("x" * 300, 14, 200, 3)
    assert len(long) == 3 and long[-1].endswith("…")


def _event(n: int, value: str, kind: str = "statement") -> Event:
    return Event(f"e{n}", f"Event {n}", kind, "", Date(value, "inferred", ""), (), Pos("x"))


def test_a_crowded_lane_gathers_each_months_events():
    """Ten statements on one day need more tracks than a lane may take: the lane's events are
    counted by month instead, each group linking to its month; other lanes keep their marks."""
    events = [_event(n, "2024-03-18") for n in range(10)]
    events += [_event(10, "2024-04-02"), _event(11, "2024-03-05", "meeting")]
    events.sort(key=lambda e: e.date.sort_key())
    scale = svg.fit(svg.event_scale(events, 0), 500)
    laid = svg.lay_out(events, scale)
    assert [len(p.events) for p in laid.placed] == [10, 1, 1]  # the month starts first
    gathered = next(label for p, label in zip(laid.placed, laid.labels, strict=True) if p.gathered)
    assert gathered.address == "timeline/#month-2024-03"
    assert gathered.name.startswith("March 2024, Statements: 10 events: Event 0; Event 1;")
    assert gathered.name.endswith("and 7 more")
    few = svg.lay_out(events[:4], scale)
    assert not any(p.gathered for p in few.placed)


def test_hostile_titles_stay_text_in_the_chart(hostile_project: Project):
    source = read(hostile_project, "timeline/index.html")
    figure = source[source.index('<figure class="dossier-chart"') : source.index("</figure>")]
    assert "<script" not in figure.lower()
    assert "&lt;script&gt;" in figure
    for drawing in parse_chart(hostile_project, "timeline/index.html").drawings:
        assert len(drawing.marks) == len(events(hostile_project))


# --------------------------------------------------------------------------- in the browser

VISIBLE_DRAWING = f"{FIGURE} svg.chart:visible"

CHART_STATE_JS = """() => {
  const shown = [...document.querySelectorAll('figure.dossier-chart svg.chart')]
    .filter(s => getComputedStyle(s).display !== 'none');
  const svg = shown[0];
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    size: parseFloat(getComputedStyle(t).fontSize)
      * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b),  // turned text too
    text: t.textContent.slice(0, 40)}));
  return {shown: shown.map(s => s.getAttribute('class')), texts,
          width: svg.getBoundingClientRect().width,
          scroll: document.documentElement.scrollWidth, inner: innerWidth};
}"""

# Where the focused (or hovered) mark's label is, and whether it shows.
TIP_JS = """a => {
  const tip = a.querySelector('.chart-tip');
  const r = tip.querySelector('text').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return {visible: getComputedStyle(tip).visibility === 'visible',
          ring: getComputedStyle(a.querySelector('.chart-ring')).visibility === 'visible',
          text: tip.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          header, height: innerHeight, width: innerWidth};
}"""


def tip_in_view(tip: dict) -> bool:
    return (
        tip["visible"] and tip["top"] >= tip["header"] - 1 and tip["bottom"] <= tip["height"]
        and tip["left"] >= 0 and tip["right"] <= tip["width"]
    )  # fmt: skip


def _page(new_page, site: Site, viewport: dict, scheme: str = "light", path: str = "timeline/"):
    page = new_page(viewport=viewport, color_scheme=scheme)
    goto(page, site, path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    return page


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_one_drawing_shows_and_its_text_is_12px_or_more(new_page, site: Site, viewport):
    page = _page(new_page, site, viewport)
    state = page.evaluate(CHART_STATE_JS)
    expected = "chart-wide" if viewport is DESKTOP else "chart-narrow"
    assert [c.split()[-1] for c in state["shown"]] == [expected], state["shown"]
    small = [t for t in state["texts"] if t["size"] < 12]
    assert not small, f"chart text under 12 px at {viewport['width']} px: {small[:5]}"
    assert state["scroll"] <= state["inner"] + 1, f"the page scrolls sideways: {state}"
    # The hidden drawing is out of the accessibility tree: one link per event, not two.
    count = len(site.json("events.json"))
    assert page.locator(f"{FIGURE} a.chart-event").count() == 2 * count
    assert page.locator(FIGURE).get_by_role("link").count() == count + 1  # and the SVG file
    for text in page.locator(f"{FIGURE} figcaption").all():
        assert float(text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_clicking_a_mark_reaches_its_event(new_page, site: Site, viewport):
    page = _page(new_page, site, viewport)
    event = site.json("events.json")[len(site.json("events.json")) // 2]
    name = f"{display(event['date'])}: {event['title']}"
    link = page.get_by_role("link", name=re.compile("^" + re.escape(name)))
    assert link.count() == 1
    link.locator(".chart-hit").click()
    page.wait_for_function(f"location.hash === '#{event['id']}'")
    page.wait_for_timeout(300)
    target = page.locator(f'[id="{event["id"]}"]')
    assert target.evaluate("e => e.tagName") == "H4"
    assert target.evaluate(IN_VIEW_JS)["visible"], "the event's entry is not in view"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_labels_show_on_hover_and_on_focus_and_enter_follows(new_page, site: Site, viewport):
    page = _page(new_page, site, viewport)
    events_ = sorted(site.json("events.json"), key=lambda e: e["date"]["value"])
    marks = page.locator(f"{VISIBLE_DRAWING} a.chart-event")
    # Hover: the mark's label shows in the chart's strip, with a ring round the mark.
    mark = marks.nth(len(events_) // 3)
    mark.locator(".chart-hit").hover()
    tip = mark.evaluate(TIP_JS)
    assert tip_in_view(tip) and tip["ring"], tip
    assert tip["text"].strip(), tip
    page.mouse.move(0, 0)
    assert not mark.evaluate(TIP_JS)["visible"]
    # Keyboard: Tab walks the marks in date order; each label shows, clear of the header.
    page.evaluate("""() => { const p = document.querySelector('figure.dossier-chart')
        .previousElementSibling; p.tabIndex = -1; p.focus(); }""")
    by_name = {f"{display(e['date'])}: {e['title']}": e for e in events_}
    seen = []
    for i in range(marks.count()):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.evaluate("e => e.matches('a.chart-event')"), f"Tab {i + 1} left the chart"
        tip = focused.evaluate(TIP_JS)
        assert tip_in_view(tip) and tip["ring"], f"mark {i + 1}: label not in view {tip}"
        name = focused.get_attribute("aria-label") or ""
        event = next(e for n, e in by_name.items() if name.startswith(n + " ("))
        assert tip["text"].startswith(event["title"][:12]), (tip["text"], event["title"])
        seen.append(event)
    assert sorted(e["id"] for e in seen) == sorted(e["id"] for e in events_)
    assert [e["date"]["value"] for e in seen] == sorted(e["date"]["value"] for e in seen)
    page.keyboard.press("Shift+Tab")
    target = page.locator(":focus").evaluate("e => e.getAttribute('xlink:href')")
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === {json.dumps(target)}")


@pytest.mark.browser
def test_home_chart_marks_open_the_timeline(new_page, site: Site):
    page = _page(new_page, site, DESKTOP, path="")
    event = site.json("events.json")[0]
    page.locator(f'{VISIBLE_DRAWING} a.chart-event[*|href$="#{event["id"]}"] .chart-hit').click()
    page.wait_for_url(re.compile(rf"/timeline/#{re.escape(event['id'])}$"))
    assert page.locator(f'[id="{event["id"]}"]').count() == 1


# Contrast of what the chart draws against what it is drawn on, in the page's scheme.
CONTRAST_JS = """() => {
  const rgb = c => { const m = c.match(/[\\d.]+/g).map(Number);
                     return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); };
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const svg = [...document.querySelectorAll('figure.dossier-chart svg.chart')]
    .find(s => getComputedStyle(s).display !== 'none');
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  const lane = rgb(getComputedStyle(svg.querySelector('.chart-lane')).fill);
  const paint = (sel, prop) => rgb(getComputedStyle(svg.querySelector(sel))[prop]);
  const out = {};
  for (const [name, sel, prop] of [['text', '.chart-text', 'fill'],
      ['hint', '.chart-hint', 'fill'], ['axis', '.chart-axis', 'stroke'],
      ['mark', '.chart-mark', 'stroke'], ['ring', '.chart-ring', 'stroke']]) {
    const c = paint(sel, prop);
    out[name] = Math.min(ratio(c, bg), ratio(c, lane));
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_contrast_axe_and_screenshots(new_page, site: Site, scheme: str, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = _page(new_page, site, viewport, scheme)
    ratios = page.evaluate(CONTRAST_JS)
    assert ratios["text"] >= 4.5 and ratios["hint"] >= 4.5, ratios  # text: AA
    assert min(ratios["axis"], ratios["mark"], ratios["ring"]) >= 3, ratios  # graphics: AA
    result = Axe().run(page)
    assert not result.violations_count, (
        f"axe-core, timeline, {scheme}, {viewport['width']} px:\n"
        + axe_summary(result.response["violations"])
    )
    ARTIFACTS.mkdir(exist_ok=True)
    figure = page.locator(FIGURE)
    page.evaluate("""() => { const r = document.querySelector('figure.dossier-chart')
        .getBoundingClientRect(); scrollTo(0, r.top + scrollY - 70); }""")
    out = ARTIFACTS / f"chart-{scheme}-{viewport['width']}.png"
    figure.screenshot(path=str(out))
    assert Path(out).stat().st_size > 5_000


@pytest.mark.browser
def test_hostile_titles_show_as_text_on_hover(browser, hostile_site_url: str, hostile_project):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(hostile_site_url + "timeline/", wait_until="load")
    marks = page.locator(f"{VISIBLE_DRAWING} a.chart-event")
    titles = {e["title"] for e in events(hostile_project)}
    shown = set()
    for i in range(marks.count()):
        marks.nth(i).locator(".chart-hit").hover()
        tip = marks.nth(i).evaluate(TIP_JS)
        assert tip["visible"], tip
        shown |= {t for t in titles if t[:20] in tip["text"]}
        assert page.locator("[id*=PWNED], [class*=PWNED]").count() == 0
    context.close()
    assert shown == titles and not problems, (shown, problems)

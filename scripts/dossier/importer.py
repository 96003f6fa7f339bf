"""`dossier import`: convert one original text file into a report page for editors to annotate.

The conversion is lossless: every non-blank line of the original becomes a
paragraph, or metadata (headline, byline), or a removed line with its reason.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import markdown, text, urls, yamlio
from .dates import MONTHS

# Boilerplate that news sites wrap around a report, with the reason we record.
BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^advertisement$", re.I), "advertising"),
    (re.compile(r"^(read also|also read|read more|must read)\b", re.I), "promo"),
    (re.compile(r"\bjoin now\b", re.I), "social-prompt"),
    (
        re.compile(
            r"\b(whatsapp|telegram|facebook|instagram|twitter)\b.*\b(subscribe|follow)\b", re.I
        ),
        "social-prompt",
    ),
    (re.compile(r"^(leave a (comment|reply)|post a comment|comments?)$", re.I), "comment-prompt"),
)
REASONS = {
    "advertising": "advertising label",
    "promo": "link to another article",
    "social-prompt": "prompt to follow the outlet on social media",
    "comment-prompt": "prompt to leave a comment",
    "duplicate": "paragraph printed twice",
    "caption": "image caption or label repeating the headline",
    "other": "other",
}
BYLINE = re.compile(r"^By\s+(?P<byline>.+?)\s*(?:Published\s*:\s*(?P<date>.+))?$", re.I)
DATELINE = re.compile(r"^Published\s*:\s*(?P<date>.+)$", re.I)
_MONTH_ABBR = {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
_DATE_TEXT = re.compile(r"(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})")


class ImportError_(Exception):
    """A conversion that cannot go ahead; the message names the file."""


@dataclass
class Conversion:
    report_id: str
    front_matter: dict
    paragraphs: list[str] = field(default_factory=list)

    def page(self) -> str:
        return render_page(self.report_id, self.front_matter, self.paragraphs)


def render_page(report_id: str, front_matter: dict, paragraphs: list[str]) -> str:
    header = (
        "# Report page of the DPRK–Russia Dossier, written once by `dossier import`.\n"
        "# Annotate it in this front matter (see README, 'Annotating a report').\n"
        "# Keep each paragraph as in the original: record defects under `notes`.\n"
        "# The --8<-- lines include generated annotations: leave them in place.\n"
    )
    out = ["---\n", header, yamlio.dump(front_matter), "---\n", "\n"]
    out.append(markdown.include(urls.include_section(report_id, "header")) + "\n\n")
    for number, para in enumerate(paragraphs, 1):
        pid = f"p{number}"
        out.append(f"{markdown.escape(para)}\n{markdown.para_attr(pid)}\n\n")
        out.append(markdown.include(urls.include_section(report_id, pid)) + "\n\n")
    out.append(markdown.include(urls.include_section(report_id, "footer")) + "\n")
    return "".join(out)


def parse_dateline(value: str) -> str | None:
    match = _DATE_TEXT.search(value)
    if not match or match["mon"].lower() not in _MONTH_ABBR:
        return None
    month = _MONTH_ABBR[match["mon"].lower()]
    return f"{int(match['year']):04d}-{month:02d}-{int(match['day']):02d}"


def looks_like_headline(line: str) -> bool:
    return len(line.split()) <= 20 and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))


def convert(source: Path, report_id: str | None, known_aliases: dict[str, str]) -> Conversion:
    raw = source.read_text(encoding="utf-8")
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    removed: list[dict] = []
    metadata_lines: list[dict] = []
    paragraphs: list[str] = []
    first_seen: dict[str, int] = {}
    headline: str | None = None
    byline: str | None = None
    published: str | None = None
    dateline_text: str | None = None

    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        reason = next((r for pattern, r in BOILERPLATE if pattern.search(stripped)), None)
        if reason:
            removed.append({"line": number, "text": stripped, "reason": reason})
            continue
        if stripped in first_seen:
            removed.append(
                {
                    "line": number,
                    "text": stripped,
                    "reason": "duplicate",
                    "note": f"repeats line {first_seen[stripped]}",
                }
            )
            continue
        first_seen[stripped] = number
        if headline is None and not paragraphs and looks_like_headline(stripped):
            headline = stripped
            metadata_lines.append({"line": number, "text": stripped, "field": "title"})
            continue
        byline_match = BYLINE.match(stripped) if len(stripped.split()) <= 14 else None
        dateline_match = DATELINE.match(stripped)
        if not paragraphs and (byline_match or dateline_match):
            match = byline_match or dateline_match
            assert match is not None
            if byline_match:
                byline = byline_match["byline"].strip()
            if match["date"]:
                dateline_text = match["date"].strip()
                published = parse_dateline(dateline_text)
            field_ = "byline" if byline_match else "published"
            metadata_lines.append({"line": number, "text": stripped, "field": field_})
            continue
        if (
            headline
            and not paragraphs
            and len(stripped.split()) <= 8
            and headline.lower().startswith(stripped.lower())
        ):
            removed.append({"line": number, "text": stripped, "reason": "caption"})
            continue
        paragraphs.append(stripped)

    if not paragraphs:
        raise ImportError_(f"{source}: no paragraphs found (is the file empty?)")

    title_basis = headline or paragraphs[0]
    if report_id is None:
        slug = text.slugify(title_basis, 7)
        report_id = f"{published}-{slug}" if published else slug
    date_note = (
        f"The dateline reads '{dateline_text}'."
        if published
        else "TODO: say how the publication date is known (the text gives no dateline)."
    )
    front: dict = {
        "id": report_id,
        "status": "draft",
        "title": headline,
        "title_source": "report" if headline else "editor",
        "outlet": None,
        "byline": byline,
        "published": {
            "value": published,
            "basis": "stated" if published else None,
            "note": date_note,
        },
        "url": None,
        "source_file": source.name,
        "metadata_lines": metadata_lines,
        "removed": removed,
        "notes": [],
        "events": [],
        "statements": [],
        "not_statements": [],
        "candidates": candidates(paragraphs, known_aliases),
    }
    return Conversion(report_id, front, paragraphs)


def candidates(paragraphs: list[str], known_aliases: dict[str, str]) -> list[dict]:
    """Quotations found in the text, with a guessed kind and speaker, for the editor to confirm."""
    found = []
    for number, para in enumerate(paragraphs, 1):
        speaker = guess_speaker(para, known_aliases)
        for quote in text.quotations(para):
            words = quote.text.split()
            whole = quote.text.rstrip().endswith((".", ",", "?", "!")) and quote.text[:1].isupper()
            found.append(
                {
                    "paragraph": f"p{number}",
                    "text": quote.text.strip(),
                    "kind": "direct" if whole and len(words) > 5 else "partial",
                    "speaker": speaker,
                }
            )
    return found


def guess_speaker(paragraph: str, known_aliases: dict[str, str]) -> str | None:
    """The actor named earliest in the paragraph, if any (aliases longest first)."""
    best: tuple[int, str] | None = None
    for alias in sorted(known_aliases, key=len, reverse=True):
        match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", paragraph)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), known_aliases[alias])
    return best[1] if best else None


def run_import(root: Path, source: Path, report_id: str | None, aliases: dict[str, str]) -> Path:
    """Convert `source`, copy it into sources/ and write the report page; never overwrite."""
    if not source.is_file():
        raise ImportError_(f"{source}: no such file")
    try:
        source.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if report_id is not None and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", report_id):
        raise ImportError_(f"--id {report_id!r}: use lowercase letters, digits and hyphens")
    conversion = convert(source, report_id, aliases)
    page = root / "docs" / urls.doc_report(conversion.report_id)
    if page.exists():
        raise ImportError_(
            f"{page.relative_to(root)}: already exists; not overwritten "
            "(choose another id with --id, or delete the page first)"
        )
    kept = root / "sources" / source.name
    if kept.exists() and kept.read_bytes() != source.read_bytes():
        raise ImportError_(
            f"{kept.relative_to(root)}: a different original already has this name; "
            "not overwritten (rename the new file)"
        )
    from .write import atomic_write

    if not kept.exists():
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, kept)
    atomic_write(page, conversion.page().encode("utf-8"))
    return page

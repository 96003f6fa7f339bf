"""`dossier import`: convert one original text file into a report page for editors to annotate.

The conversion is lossless: every non-blank line of the original becomes a
paragraph, or metadata (headline, byline), or a removed line with its reason.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import html
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import load, markdown, text, urls, yamlio
from .dates import MONTHS
from .escape import md_inline

# Boilerplate that news sites wrap around a report, with the reason we record
# (one of model.REASONS, which says what each means).
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
BYLINE = re.compile(r"^By\s+(?P<byline>.+?)\s*(?:Published\s*:\s*(?P<date>.+))?$", re.I)
DATELINE = re.compile(r"^Published\s*:\s*(?P<date>.+)$", re.I)
_MONTH_ABBR = {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
_DATE_TEXT = re.compile(r"(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})")


RESERVED_IDS = {"index": "the reports index page"}
MAX_ID_LENGTH = 80
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# C0 and C1 controls (but tab; CR and LF are line ends by then) and the Unicode line and
# paragraph separators: each would split or corrupt a paragraph line of the page.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_MAX_CONTROL_MESSAGES = 10
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


class ImportError_(Exception):
    """A conversion that cannot go ahead; each message names the file and says what to do."""

    def __init__(self, *messages: str):
        super().__init__("\n".join(messages))
        self.messages = list(messages)


@dataclass
class Conversion:
    report_id: str
    front_matter: dict[str, Any]
    paragraphs: list[str] = field(default_factory=list)

    def page(self) -> str:
        return render_page(self.report_id, self.front_matter, self.paragraphs)


def render_page(report_id: str, front_matter: dict[str, Any], paragraphs: list[str]) -> str:
    header = (
        "# Report page of the DPRK–Russia Dossier, written once by `dossier import`.\n"
        "# Annotate it in this front matter (see README, 'Annotating a report').\n"
        "# Keep each paragraph as in the original: record defects under `notes`.\n"
        "# The --8<-- lines include generated annotations: leave them in place.\n"
    )
    out = ["---\n", header, yamlio.dump(front_matter), "---\n", "\n"]
    out.append(markdown.include(urls.include_section(report_id, "header")) + "\n\n")
    for number, para in enumerate(paragraphs, 1):
        # The include after a paragraph names its id (see markdown.py).
        out.append(f"{md_inline(para)}\n\n")
        out.append(markdown.include(urls.include_section(report_id, f"p{number}")) + "\n\n")
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


@dataclass
class _Lines:
    """What the walk over the original's lines found."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    metadata_lines: list[dict[str, Any]] = field(default_factory=list)
    headline: str | None = None
    byline: str | None = None
    published: str | None = None
    dateline_text: str | None = None


def convert(source: Path, report_id: str | None, known_aliases: dict[str, str]) -> Conversion:
    """Read and convert one original (nothing is written)."""
    return convert_text(source, read_original(source), report_id, known_aliases)


def convert_text(
    source: Path, raw: str, report_id: str | None, known_aliases: dict[str, str]
) -> Conversion:
    """Convert the text of an original, already read by `read_original`."""
    found = _walk_lines(raw.split("\n"))
    if not found.paragraphs:
        raise ImportError_(
            f"{source}: no paragraphs found: every line is a headline, byline or boilerplate; "
            "check that the file holds the report's text"
        )
    if report_id is None:
        report_id = _id_from(source, found)
    front_matter = _front_matter(source, report_id, found, known_aliases)
    return Conversion(report_id, front_matter, found.paragraphs)


def _walk_lines(lines: list[str]) -> _Lines:
    found = _Lines()
    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        reason = next((r for pattern, r in BOILERPLATE if pattern.search(stripped)), None)
        if reason:
            found.removed.append({"line": number, "text": stripped, "reason": reason})
        elif stripped in first_seen:
            found.removed.append(
                {
                    "line": number,
                    "text": stripped,
                    "reason": "duplicate",
                    "note": f"repeats line {first_seen[stripped]}",
                }
            )
        else:
            first_seen[stripped] = number
            _classify(found, number, stripped)
    return found


def _classify(found: _Lines, number: int, stripped: str) -> None:
    """Headline, byline or dateline (before the first paragraph), caption, or paragraph."""
    if found.headline is None and not found.paragraphs and looks_like_headline(stripped):
        found.headline = stripped
        found.metadata_lines.append({"line": number, "text": stripped, "field": "title"})
        return
    byline_match = BYLINE.match(stripped) if len(stripped.split()) <= 14 else None
    match = byline_match or DATELINE.match(stripped)
    if not found.paragraphs and match:
        if byline_match:
            found.byline = byline_match["byline"].strip()
        if match["date"]:
            found.dateline_text = match["date"].strip()
            found.published = parse_dateline(found.dateline_text)
        field_ = "byline" if byline_match else "published"
        found.metadata_lines.append({"line": number, "text": stripped, "field": field_})
    elif (
        found.headline
        and not found.paragraphs
        and len(stripped.split()) <= 8
        and found.headline.lower().startswith(stripped.lower())
    ):
        found.removed.append({"line": number, "text": stripped, "reason": "caption"})
    else:
        found.paragraphs.append(stripped)


def _id_from(source: Path, found: _Lines) -> str:
    """An id from the dateline and the headline's first words (at most MAX_ID_LENGTH)."""
    words = text.slugify(found.headline or found.paragraphs[0], 7).split("-")
    words = [w for w in words if w]
    prefix = [found.published] if found.published else []
    while words and len("-".join(prefix + words)) > MAX_ID_LENGTH:
        words.pop()
    if not words:
        raise ImportError_(
            f"{source}: cannot make a report id from the headline (it has no ASCII letters or "
            "digits); give one with --id, e.g. --id 2024-07-example-report"
        )
    report_id = "-".join(prefix + words)
    if report_id in RESERVED_IDS:
        raise ImportError_(
            f"{source}: the id made from the headline, {report_id!r}, is reserved for "
            f"{RESERVED_IDS[report_id]}; give another with --id"
        )
    return report_id


def _front_matter(
    source: Path, report_id: str, found: _Lines, known_aliases: dict[str, str]
) -> dict[str, Any]:
    date_note = (
        f"The dateline reads '{found.dateline_text}'."
        if found.published
        else "TODO: say how the publication date is known (the text gives no dateline)."
    )
    return {
        "id": report_id,
        "status": "draft",
        # MkDocs themes put the title into <title> and the header as HTML: escape it here,
        # and validation reads it back with html.unescape.
        "title": html.escape(found.headline, quote=False) if found.headline else None,
        "title_source": "report" if found.headline else "editor",
        "outlet": None,
        "byline": found.byline,
        "published": {
            "value": found.published,
            "basis": "stated" if found.published else None,
            "note": date_note,
        },
        "url": None,
        "source_file": source.name,
        "metadata_lines": found.metadata_lines,
        "removed": found.removed,
        "notes": [],
        "events": [],
        "statements": [],
        "not_statements": [],
        "candidates": candidates(found.paragraphs, known_aliases),
    }


def candidates(paragraphs: list[str], known_aliases: dict[str, str]) -> list[dict[str, Any]]:
    """Quotations found in the text, with a guessed kind and speaker, for the editor to confirm."""
    found = []
    speakers = _speaker_pattern(known_aliases)
    for number, para in enumerate(paragraphs, 1):
        quotes = text.quotations(para)
        if not quotes:
            continue
        match = speakers.search(para) if speakers else None
        speaker = known_aliases[match[0]] if match else None
        for quote in quotes:
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


def _speaker_pattern(known_aliases: dict[str, str]) -> re.Pattern[str] | None:
    """One pattern for every alias, longest first: its leftmost match is the actor named
    earliest in a paragraph (the longest alias where several start at the same place)."""
    if not known_aliases:
        return None
    ordered = sorted(known_aliases, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(a) for a in ordered)})(?!\w)")


def guess_speaker(paragraph: str, known_aliases: dict[str, str]) -> str | None:
    """The actor named earliest in the paragraph, if any (aliases longest first)."""
    pattern = _speaker_pattern(known_aliases)
    match = pattern.search(paragraph) if pattern else None
    return known_aliases[match[0]] if match else None


# --- reading the original -----------------------------------------------------------------


def read_original(source: Path) -> str:
    """The original's text, LF line ends and no byte order mark; ImportError_ if it is not a
    readable UTF-8 text file with something in it and no control characters."""
    if source.is_dir():
        raise ImportError_(f"{source}: is a folder; give the path of one original text file")
    try:
        data = load.read_bytes(source)
    except load.TextFileError as exc:
        raise ImportError_(f"{source}: {exc.message}") from None
    if not data:
        raise ImportError_(f"{source}: the file is empty; there is nothing to import")
    if b"\x00" in data:
        raise ImportError_(
            f"{source}: holds NUL bytes, so it is not a text file; "
            "save the report's text as UTF-8 plain text and import that"
        )
    try:
        raw = load.decode(data)
    except load.TextFileError as exc:
        raise ImportError_(f"{source}: {exc.message}") from None
    _check_controls(source, raw)
    if not raw.strip():
        raise ImportError_(f"{source}: the file holds only white space; there is nothing to import")
    return raw


def _check_controls(source: Path, raw: str) -> None:
    messages: list[str] = []
    line, position, last_line = 1, 0, 0
    for match in _CONTROL.finditer(raw):
        line += raw.count("\n", position, match.start())
        position = match.start()
        if line == last_line:
            continue  # one message per line
        last_line = line
        messages.append(
            f"{source}:{line}: line {line} holds a control character "
            f"U+{ord(match[0]):04X}; remove it from the original"
        )
    if len(messages) > _MAX_CONTROL_MESSAGES:
        more = len(messages) - _MAX_CONTROL_MESSAGES
        messages = [*messages[:_MAX_CONTROL_MESSAGES], f"{source}: … and {more} more such lines"]
    if messages:
        raise ImportError_(*messages)


# --- writing --------------------------------------------------------------------------------


def check_id(report_id: str) -> None:
    shown = report_id if len(report_id) <= 40 else report_id[:39] + "…"
    if report_id in RESERVED_IDS:
        raise ImportError_(
            f"--id {shown!r}: reserved for {RESERVED_IDS[report_id]}; choose another id"
        )
    if not _ID.fullmatch(report_id):
        raise ImportError_(
            f"--id {shown!r}: use lowercase letters, digits and single hyphens, "
            "e.g. --id 2024-07-example-report"
        )
    if len(report_id) > MAX_ID_LENGTH:
        raise ImportError_(
            f"--id {shown!r}: {len(report_id)} characters long; use at most {MAX_ID_LENGTH}"
        )


def run_import(root: Path, source: Path, report_id: str | None, aliases: dict[str, str]) -> Path:
    """Convert `source`, copy it into sources/ and write the report page; never overwrite.

    Every check runs before anything is written; then the page and the copy are written
    together or not at all.
    """
    if report_id is not None:
        check_id(report_id)
    raw = read_original(source)
    with _without_cyclic_gc():
        conversion = convert_text(source, raw, report_id, aliases)
        page_text = conversion.page().encode("utf-8")
    page = root / "docs" / urls.doc_report(conversion.report_id)
    if page.exists() or page.is_symlink():
        raise ImportError_(
            f"{_rel(page, root)}: already exists; not overwritten "
            "(choose another id with --id, or delete the page first)"
        )
    kept = root / "sources" / source.name
    copy = raw.encode("utf-8")
    if _same_original(kept, copy, root):
        _write_all(root, [(page, page_text)])
    else:
        _write_all(root, [(kept, copy), (page, page_text)])
    return page


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a page is made.

    A long original yields millions of small objects that live until the page is written;
    each full collection re-scans all of them, which made a 50 MB import superlinear. The
    conversion creates no reference cycles, so reference counting frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _same_original(kept: Path, copy: bytes, root: Path) -> bool:
    """True if sources/ already holds this original; ImportError_ if a different file has
    its name. The copy is the text as read (UTF-8, LF line ends), so an original saved
    with CRLF line ends or a byte order mark counts as the same text."""
    if not kept.exists() and not kept.is_symlink():
        return False
    try:
        if load.decode(load.read_bytes(kept)).encode("utf-8") == copy:
            return True
    except load.TextFileError:
        pass
    raise ImportError_(
        f"{_rel(kept, root)}: a different original already has this name; "
        "not overwritten (rename the new file)"
    )


def _write_all(root: Path, files: list[tuple[Path, bytes]]) -> None:
    """Create every file, or none: on any failure (or Ctrl-C) remove what was created."""
    created: list[Path] = []
    target = root
    try:
        for target, data in files:
            _create(target, data, created)
    except BaseException as exc:
        for path in reversed(created):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):
            raise ImportError_(f"{_rel(target, root)}: already exists; not overwritten") from None
        if isinstance(exc, OSError):
            raise ImportError_(
                f"{_rel(target, root)}: cannot be written ({exc.strerror}); nothing was imported"
            ) from None
        raise


def _create(path: Path, data: bytes, created: list[Path]) -> None:
    """Write a new file whole under its final name, or fail if the name is taken."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir()
        created.append(folder)
    # Written under a temporary name, then linked to the final one: the file appears
    # complete or not at all, and os.link refuses to replace a file that exists.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        try:
            os.link(temp, path)
            created.append(path)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            # A file system without hard links: create the name exclusively, then fill it.
            with path.open("xb") as out:
                created.append(path)
                out.write(data)
    finally:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)

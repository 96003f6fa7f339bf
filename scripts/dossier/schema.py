"""The input schema: what an editor may write in a report's front matter and in data/*.yml.

Declarative, with pydantic v2: each entry is a model whose fields say their type, their
vocabulary (`Literal`s from `model.py`) and their rules; unknown keys are rejected
(`extra="forbid"`) and nothing is coerced (`strict=True`: YAML's `5` is not the text "5").
Pydantic was chosen over a hand-written reader because it reports *every* problem of an entry
in one pass, each with its key path, which is what the editors' error list needs; the
translation below turns its messages into the dossier's "file:line: field: message" form.

Only shapes and single-field rules live here. Rules that need other fields or other files
(a paragraph that exists, an actor that is registered) are checks on the model
(`validate/`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from . import escape
from .dates import PRECISIONS, Date, check_value, normalise_value
from .model import (
    ActorKind,
    EventKind,
    MetadataField,
    RemovalReason,
    StatementKind,
    Status,
    TitleSource,
)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANCHOR_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_ID = 80
OUTSIDE = re.compile(r"\boutside\b", re.IGNORECASE)
Relation = Literal["denies", "condemns", "confirms", "repeats"]


def _one_line(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    bad = escape.control_characters(value)
    if bad:
        raise ValueError(
            f"holds a line break or control character ({', '.join(bad)}); "
            "write it on one line without them"
        )
    return value


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not a valid id (lowercase letters, digits, hyphens)")
    if len(value) > MAX_ID:
        raise ValueError(f"{value[:20]!r}… is longer than {MAX_ID} characters")
    return value


def _anchor(value: str) -> str:
    if not ANCHOR_ID.match(value):
        raise ValueError(f"{value!r} is not a valid paragraph id (e.g. p12)")
    return value


def _html_title(value: str) -> str:
    # MkDocs themes print a page's front-matter `title` as HTML: a raw "<" could open a tag.
    if "<" in value:
        raise ValueError(
            "holds '<', which the page title would read as HTML: write it as &lt; "
            "(the title is HTML text)"
        )
    return value


def _url(value: str) -> str:
    if escape.safe_url(value) is None:
        raise ValueError(f"{value!r} is not an http(s) address (no spaces or line breaks)")
    return value


def _source_name(value: str) -> str:
    if not SOURCE_NAME.match(value) or ".." in value:
        raise ValueError(f"{value!r} must be the name of a file in sources/ (no folders, no '..')")
    return value


def _cited_if_outside(text: object, references: list[str]) -> None:
    """A note that speaks of an outside fact names its source."""
    if isinstance(text, str) and OUTSIDE.search(text) and not references:
        raise ValueError(
            "the note speaks of an outside source: cite it (reference ids from "
            "data/references.yml) under `references`"
        )


Text = Annotated[str, AfterValidator(_one_line)]
Slug = Annotated[str, AfterValidator(_slug)]
AnchorId = Annotated[str, AfterValidator(_anchor)]
HtmlTitle = Annotated[str, AfterValidator(_one_line), AfterValidator(_html_title)]
Url = Annotated[str, AfterValidator(_url)]
SourceName = Annotated[str, AfterValidator(_source_name)]
Basis = Literal["stated", "inferred", "external"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class DateIn(Entry):
    # YAML reads an unquoted 2024 as a number and 2024-03-18 as a date: both are accepted;
    # anything else gets the one message of `check_value` (not one per type tried).
    value: Any
    precision: Literal["year", "month", "day"] | None = None
    basis: Basis
    note: Text
    # Outside sources (ids in data/references.yml): required when the basis is external.
    references: list[Slug] = Field(default_factory=list, validate_default=True)

    @field_validator("value")
    @classmethod
    def _value(cls, value: Any) -> str:
        message = check_value(value)
        if message:
            raise ValueError(message)
        return normalise_value(value)

    @field_validator("precision")
    @classmethod
    def _precision(cls, precision: str | None, info: ValidationInfo) -> str | None:
        value = info.data.get("value")
        if precision is not None and isinstance(value, str):
            actual = PRECISIONS[len(value)]
            if precision != actual:
                raise ValueError(
                    f"{precision!r} contradicts value {value!r} "
                    f"(precision is {actual}; it can be left out)"
                )
        return precision

    def as_date(self) -> Date:
        return Date(str(self.value), self.basis, self.note, tuple(self.references))

    @field_validator("note")
    @classmethod
    def _note(cls, note: str) -> str:
        if note.lstrip().upper().startswith("TODO"):
            raise ValueError("still a TODO: give the evidence for this date in one sentence")
        return note

    @field_validator("references")
    @classmethod
    def _references(cls, references: list[str], info: ValidationInfo) -> list[str]:
        if not references and info.data.get("basis") == "external":
            raise ValueError(
                "an external date cites its source: list the reference id(s) from "
                "data/references.yml"
            )
        _cited_if_outside(info.data.get("note"), references)
        return references


class AmbiguousAliasIn(Entry):
    """A name that also means something else ("Pyongyang" the city, "Kim" the next Kim): it
    counts as a mention only right after one of `before` or right before one of `after`."""

    alias: Text
    before: list[Text] = Field(default_factory=list)
    after: list[Text] = Field(default_factory=list)


class ActorIn(Entry):
    id: Slug
    name: Text
    kind: ActorKind
    aliases: list[Text] = Field(default_factory=list)
    ambiguous: list[AmbiguousAliasIn] = Field(default_factory=list)
    description: Text
    affiliation: Slug | None = None
    # A group: the members the texts name, and how many there are in all, with its source
    # when some are not named.
    members: list[Slug] = Field(default_factory=list)
    member_count: Annotated[int, Field(ge=1)] | None = None
    members_reference: Slug | None = None
    sort_name: Text | None = None  # how a person sorts, family name first ("Park Jin")


class EventIn(Entry):
    id: Slug
    title: Text
    kind: EventKind
    summary: Text
    date: DateIn
    actors: list[Slug] = Field(default_factory=list)


class GlossaryIn(Entry):
    term: Text
    expansion: Text | None = None
    definition: Text

    @field_validator("term")
    @classmethod
    def _term(cls, term: str) -> str:
        # The abbreviations file writes `*[term]: …`: a "]" or "\" would end or escape it.
        if "]" in term or "\\" in term:
            raise ValueError("must not contain ']' or '\\'")
        return term


class IssuedIn(Entry):
    """The statement as its speaker issued it: the reference holding the issued text, whether
    the report's words differ, and (when they do) only the differing words, in a note."""

    reference: Slug
    differs: bool
    note: Text | None = Field(default=None, validate_default=True)

    @field_validator("note")
    @classmethod
    def _note(cls, note: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("differs") and not note:
            raise ValueError("say how the report's words differ (quote only the differing words)")
        return note


class RespondsIn(Entry):
    statement: Slug
    relation: Relation


class StatementIn(Entry):
    id: Slug
    text: Text
    kind: StatementKind
    speaker: Slug
    speaker_label: Text
    on_behalf_of: list[Slug] = Field(default_factory=list)
    date: DateIn
    venue: Text
    paragraph: AnchorId
    event: Slug | None = None
    topics: list[Slug] = Field(default_factory=list)
    note: Text | None = None  # the editors' gloss (never in `text` or `speaker_label`)
    references: list[Slug] = Field(default_factory=list, validate_default=True)
    issued: IssuedIn | None = None
    responds_to: list[RespondsIn] = Field(default_factory=list)

    @field_validator("references")
    @classmethod
    def _references(cls, references: list[str], info: ValidationInfo) -> list[str]:
        _cited_if_outside(info.data.get("note"), references)
        return references


class NotStatementIn(Entry):
    text: Text
    paragraph: AnchorId
    reason: Text


class NoteIn(Entry):
    paragraph: AnchorId | None = None
    text: Text
    references: list[Slug] = Field(default_factory=list, validate_default=True)

    @field_validator("references")
    @classmethod
    def _references(cls, references: list[str], info: ValidationInfo) -> list[str]:
        _cited_if_outside(info.data.get("text"), references)
        return references


class MentionIn(Entry):
    """An explicit mention, for a name the registry's rules cannot tell apart."""

    actor: Slug
    paragraphs: Annotated[list[AnchorId], Field(min_length=1)]


class ReferenceIn(Entry):
    """An outside document the editors consulted (data/references.yml)."""

    id: Slug
    title: Text
    publisher: Text
    date: Any = None
    url: Url
    supports: Text

    @field_validator("date")
    @classmethod
    def _date(cls, value: Any) -> str | None:
        if value is None:
            return None
        message = check_value(value)
        if message:
            raise ValueError(message)
        return normalise_value(value)


class TalkingPointIn(Entry):
    """A formulation that recurs across statements, confirmed by the editors."""

    id: Slug
    text: Text
    statements: Annotated[list[Slug], Field(min_length=2)]


class EventRefIn(Entry):
    id: Slug
    paragraphs: Annotated[list[AnchorId], Field(min_length=1)]


class RemovedLineIn(Entry):
    line: Annotated[int, Field(ge=1)]
    text: Text
    reason: RemovalReason
    note: Text | None = None


class MetadataLineIn(Entry):
    line: Annotated[int, Field(ge=1)]
    text: Text
    field: MetadataField
    note: Text | None = None


class ReportIn(Entry):
    """A report page's front matter; its lists are read entry by entry (see `LISTS`), so that
    one bad statement does not hide the others."""

    id: Slug
    status: Status
    title: HtmlTitle
    title_source: TitleSource
    outlet: Text | None = None
    outlet_note: Text | None = None
    byline: Text | None = None
    published: DateIn
    url: Url | None = None
    source_file: SourceName
    references: list[Slug] = Field(default_factory=list)  # sources for outlet, date, address
    mentions: list[MentionIn] = Field(default_factory=list)
    metadata_lines: list[Any] = Field(default_factory=list)
    removed: list[Any] = Field(default_factory=list)
    notes: list[Any] = Field(default_factory=list)
    events: list[Any] = Field(default_factory=list)
    statements: list[Any] = Field(default_factory=list)
    not_statements: list[Any] = Field(default_factory=list)
    candidates: list[Any] | None = None

    @property
    def plain_title(self) -> str:
        return html.unescape(self.title)


LISTS: dict[str, type[Entry]] = {
    "metadata_lines": MetadataLineIn,
    "removed": RemovedLineIn,
    "notes": NoteIn,
    "events": EventRefIn,
    "statements": StatementIn,
    "not_statements": NotStatementIn,
}

E = TypeVar("E", bound=Entry)
Loc = tuple[str | int, ...]


def parse(cls: type[E], data: Any) -> tuple[E | None, list[tuple[Loc, str]]]:
    """Validate one entry: the model, or None and every problem as (key path, message)."""
    try:
        return cls.model_validate(data), []
    except ValidationError as exc:
        return None, [_message(cls, error) for error in exc.errors()]


def parse_list(
    cls: type[E], items: list[Any]
) -> Iterator[tuple[int, E | None, list[tuple[Loc, str]]]]:
    for index, item in enumerate(items):
        entry, problems = parse(cls, item)
        yield index, entry, [((index, *loc), message) for loc, message in problems]


def _message(cls: type[Entry], error: Any) -> tuple[Loc, str]:
    """Pydantic's error → (key path, a message in the dossier's words)."""
    kind, value = error["type"], error.get("input")
    loc = _clean_loc(cls, tuple(error["loc"]))
    if kind == "extra_forbidden" and error["loc"] and loc[-1:] != error["loc"][-1:]:
        loc = (*loc, error["loc"][-1])  # the unknown key itself
    if kind == "missing":
        return loc, "missing"
    if kind == "extra_forbidden":
        return loc, f"unknown field (allowed: {', '.join(_fields(cls, loc[:-1]))})"
    if kind == "literal_error" and value is None:
        return loc, f"missing: fill it in (one of: {error['ctx']['expected']})"
    if kind == "literal_error":
        return loc, f"{value!r} is not one of: {error['ctx']['expected']}"
    if kind == "string_type" and value is None:
        return loc, "missing: fill it in"
    if kind == "string_type":
        return loc, f"must be text, got {_type(value)} {value!r}"
    if kind in ("list_type",):
        return loc, f"must be a list, got {_type(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, f"must be a mapping, got {_type(value)}"
    if kind in ("int_type", "greater_than_equal"):
        return loc, f"must be a positive whole number, got {value!r}"
    if kind == "too_short":
        least = error.get("ctx", {}).get("min_length", 1)
        return loc, f"must list at least {'one entry' if least == 1 else f'{least} entries'}"
    if kind == "value_error":
        return loc, str(error["ctx"]["error"])
    if kind in ("string_sub_type", "date_type", "int_from_float"):
        return loc, f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
    return loc, f"{error['msg']} (got {value!r})"


def _clean_loc(cls: type[Entry], loc: Loc) -> Loc:
    """Drop the parts of pydantic's error path that name a branch of a union ("str",
    "function-after[...]") rather than a key the editor wrote."""
    out: list[str | int] = []
    model: Any = cls
    for part in loc:
        if isinstance(part, int):
            out.append(part)
        elif model is not None and part in model.model_fields:
            out.append(part)
            annotation = model.model_fields[part].annotation
            model = _entry_in(annotation)
    return tuple(out)


def _entry_in(annotation: Any) -> type[Entry] | None:
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if _is_entry(candidate):
            return candidate  # type: ignore[no-any-return]
        for inner in getattr(candidate, "__args__", ()):
            if _is_entry(inner):
                return inner  # type: ignore[no-any-return]
    return None


_TYPE_NAMES = {
    str: "text", int: "number", float: "number", bool: "true/false", list: "list",
    dict: "mapping", type(None): "nothing",
}  # fmt: skip


def _type(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _fields(cls: type[Entry], path: Loc) -> list[str]:
    """The keys allowed at `path` inside `cls` (for the "unknown field" message)."""
    model: type[Entry] | None = cls
    for part in path:
        if isinstance(part, str) and model is not None:
            field = model.model_fields.get(part)
            model = _entry_in(field.annotation) if field else None
    return list(model.model_fields) if model else []


def _is_entry(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, Entry)

"""YAML reading with line numbers, so that every problem can point at its line.

The editors' YAML is read from the parser's event stream in one pass, with an explicit
stack instead of recursion, so work stays linear in the input and no nesting depth can
exhaust Python's stack. Reading from events (rather than from PyYAML's composed nodes)
also lets us refuse what an editor's file never needs and what makes YAML dangerous or
lossy: anchors and aliases (the "billion laughs" bomb), deep nesting, duplicate keys
(where the second silently wins), merge keys and custom tags.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

Path_ = tuple[Any, ...]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MAX_DEPTH = 20

_T = "tag:yaml.org,2002:"
# Scalar types an editor's file may hold: what `yaml.safe_load` builds, less binary data.
_SCALAR_TAGS = {f"{_T}{name}" for name in ("null", "bool", "int", "float", "str", "timestamp")}
_COLLECTION_TAGS = {None, "!", f"{_T}map", f"{_T}seq"}
_TYPE_NAMES = {"int": "an integer", "float": "a number", "bool": "true or false", "null": "null"}
ANCHOR_MESSAGE = "YAML anchors and aliases are not allowed; write the value out"


@dataclass(frozen=True)
class YamlProblem:
    line: int | None
    message: str
    path: Path_ = ()

    @property
    def field(self) -> str:
        """The key path in the editors' notation, e.g. `statements[2].date.value`."""
        return dotted(self.path)


class YamlSyntaxError(Exception):
    """Everything wrong with one YAML text, in line order."""

    def __init__(self, problems: list[YamlProblem]):
        self.problems = sorted(problems, key=lambda p: p.line or 0)
        super().__init__("; ".join(p.message for p in self.problems))


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_NO_KEY = object()


@dataclass
class _Frame:
    """An open mapping or sequence, while its events are being read."""

    container: dict[Any, Any] | list[Any]
    path: Path_
    key: Any = _NO_KEY  # the mapping key whose value comes next
    skip: bool = False  # the next value belongs to a duplicate key: keep the first
    first_line: dict[Any, int] = field(default_factory=dict)


class _Stop(Exception):
    """Reading cannot usefully go on (too deep, a second document, a complex key)."""


class _Reader:
    def __init__(self, loader: Any, line_offset: int):
        self.loader = loader
        self.offset = line_offset
        self.stack: list[_Frame] = []
        self.data: Any = None
        self.lines: dict[Path_, int] = {}
        self.problems: list[YamlProblem] = []
        self.documents = 0
        self.anchor_reported = False

    def run(self) -> None:
        handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }
        get_event = self.loader.get_event
        while (event := get_event()) is not None:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def line(self, event: yaml.Event) -> int:
        mark = event.start_mark  # every parser event has one
        return (int(mark.line) if mark is not None else 0) + 1 + self.offset

    def problem(self, event: yaml.Event, message: str, path: Path_ = ()) -> None:
        self.problems.append(YamlProblem(self.line(event), message, path))

    def document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            self.problem(event, "a second YAML document ('---') is not allowed here")
            raise _Stop

    def check_anchor(self, event: yaml.Event) -> None:
        if getattr(event, "anchor", None) is not None and not self.anchor_reported:
            # One message is enough: an alias bomb would otherwise print hundreds.
            self.anchor_reported = True
            self.problem(event, ANCHOR_MESSAGE, self.next_path())

    def alias(self, event: yaml.Event) -> None:
        self.check_anchor(event)
        self.add(None, event)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        self.check_anchor(event)
        self.add(self.construct(event), event)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        self.check_anchor(event)
        if event.tag not in _COLLECTION_TAGS:
            self.problem(
                event, f"the YAML tag {_short(event.tag)} is not allowed", self.next_path()
            )
        if len(self.stack) >= MAX_DEPTH:
            self.problem(
                event,
                f"nested more than {MAX_DEPTH} levels deep; no field needs that: flatten it",
                self.next_path(),
            )
            raise _Stop
        container: dict[Any, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        path = self.next_path()
        self.add(container, event)
        self.stack.append(_Frame(container, path))

    def end(self, event: yaml.Event) -> None:
        self.stack.pop()

    def next_path(self) -> Path_:
        """The key path of the value about to be read."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        return frame.path if frame.key is _NO_KEY else (*frame.path, frame.key)

    def add(self, value: Any, event: yaml.Event) -> None:
        line = self.line(event)
        if not self.stack:
            self.data = value
            self.lines[()] = line
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            self.lines[(*frame.path, len(frame.container))] = line
            frame.container.append(value)
        elif frame.key is _NO_KEY:
            self.key(frame, value, event)
        else:
            if not frame.skip:
                frame.container[frame.key] = value
            frame.key, frame.skip = _NO_KEY, False

    def key(self, frame: _Frame, key: Any, event: yaml.Event) -> None:
        if isinstance(key, (dict, list)):
            self.problem(event, "a key must be plain text, not a list or mapping", frame.path)
            raise _Stop
        line = self.line(event)
        if key in frame.first_line:
            first = frame.first_line[key]
            self.problem(
                event,
                f"key {key!r} appears twice (first on line {first}); merge them",
                (*frame.path, key),
            )
            frame.skip = True
        else:
            frame.first_line[key] = line
            self.lines[(*frame.path, key)] = line
        frame.key = key

    def construct(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == f"{_T}str":
            return event.value
        if tag == f"{_T}merge":
            self.problem(
                event,
                "YAML merge keys ('<<') are not allowed; write the keys out",
                self.next_path(),
            )
            return event.value
        if tag not in _SCALAR_TAGS:
            self.problem(event, f"the YAML tag {_short(tag)} is not allowed", self.next_path())
            return event.value
        start: Any = event.start_mark  # libyaml's marks serve as well as PyYAML's
        end: Any = event.end_mark
        node = yaml.ScalarNode(tag, event.value, start, end, event.style)
        try:
            return SafeConstructor.yaml_constructors[tag](self.loader, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            self.problem(event, _unreadable(event.value, tag, exc), self.next_path())
            return event.value


def _short(tag: str | None) -> str:
    return f"!!{tag[len(_T) :]}" if tag and tag.startswith(_T) else str(tag)


def _unreadable(value: str, tag: str, exc: Exception) -> str:
    name = tag.removeprefix(_T)
    if name == "timestamp":
        return f"{value!r} is not a calendar date ({exc}); correct it, or quote it if it is text"
    return f"{value!r} cannot be read as {_TYPE_NAMES.get(name, name)}; quote it if it is text"


def load(text: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int]]:
    """Parse safely and map every key path to its 1-based line number.

    Returns the data as `yaml.safe_load` would build it. Raises YamlSyntaxError listing
    every problem found (syntax, anchors and aliases, deep nesting, duplicate keys, values
    that are not what they look like). `line_offset` shifts the numbers, for YAML that
    starts further down a file (a report page's front matter starts on line 2).
    """
    cached = _PARSED.get((text, line_offset))
    if cached is not None:
        _PARSED.move_to_end((text, line_offset))
        data, lines = pickle.loads(cached)  # fresh objects: a caller may change what it gets
        return data, lines
    loader = SAFE_LOADER(text)
    reader = _Reader(loader, line_offset)
    try:
        reader.run()
    except _Stop:
        pass
    except yaml.YAMLError as exc:
        reader.problems.append(_syntax_problem(exc, text, line_offset))
    finally:
        loader.dispose()
    if reader.problems:
        raise YamlSyntaxError(reader.problems)
    _PARSED[(text, line_offset)] = pickle.dumps((reader.data, reader.lines), PICKLE_PROTOCOL)
    if len(_PARSED) > PARSED_KEPT:
        _PARSED.popitem(last=False)
    return reader.data, reader.lines


# Texts already read in this process, as pickles of what `load` returned: a long-running
# process (`mkdocs serve`) rereads every file on each rebuild, and unpickling is about ten
# times faster than reading the YAML again. Only texts that read without a problem are kept.
PARSED_KEPT = 20_000
PICKLE_PROTOCOL = 5
_PARSED: OrderedDict[tuple[str, int], bytes] = OrderedDict()


def _syntax_problem(exc: yaml.YAMLError, text: str, offset: int) -> YamlProblem:
    mark = getattr(exc, "problem_mark", None)
    line: int | None = None
    if mark is not None:
        line = mark.line + 1 + offset
    elif isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts the position in UTF-8 bytes, PyYAML's reader in characters.
        before = text.encode()[: exc.position] if SAFE_LOADER is not yaml.SafeLoader else None
        count = before.count(b"\n") if before is not None else text[: exc.position].count("\n")
        line = count + 1 + offset
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    return YamlProblem(line, f"invalid YAML: {problem}")


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def dump(data: Any) -> str:
    """Readable YAML for files an editor will go on to edit."""
    return yaml.dump(data, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100)

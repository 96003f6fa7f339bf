"""YAML reading with line numbers, so that every problem can point at its line."""

from __future__ import annotations

from typing import Any

import yaml

Path_ = tuple[Any, ...]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load(text: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int]]:
    """Parse safely (as `yaml.safe_load` does) and map every key path to its 1-based line number.

    `line_offset` shifts the numbers, for YAML that starts further down a file
    (a report page's front matter starts on line 2).
    """
    # One parse gives both the data and the node tree with line marks. The safe loader
    # (its C version where PyYAML has libyaml) builds plain Python objects only.
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlSyntaxError(line, f"invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines, line_offset)
    return data, lines


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], offset: int) -> None:
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = key_node.start_mark.line + 1 + offset
            _walk(value_node, (*path, key), lines, offset)
            lines[(*path, key)] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, offset)


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def dump(data: Any) -> str:
    """Readable YAML for files an editor will go on to edit."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

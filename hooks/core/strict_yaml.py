"""YAML read strictly, for every file a contributor writes (front matter, diagram sources).

PyYAML reads YAML 1.1, which silently turns text into something else: `010` is 8, `12:30`
is 750, `no`/`off` are false, a repeated key keeps the last, and anchors and aliases can
expand without bound (a nine-line "alias bomb"). `load` refuses all of these before they
can change what was written or make a build run for minutes: anchors and aliases, tags
(`!!python/object`, `!!str`), repeated keys, keys that are not text, nesting deeper than
anyone writes by hand, and plain values YAML 1.1 would read as a surprising number or
yes/no. What is left reads the same in every YAML loader, MkDocs' own included.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

# libyaml's loader when PyYAML has it (the wheels do): the same results, several times faster.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Deeper than any hand-written front matter or diagram; deep enough nesting would
# otherwise exhaust Python's recursion limit while the values are built.
MAX_DEPTH = 12
QUOTE_IT = "If it is text, put it in double quotes"

# The only plain numbers read as numbers: 8, -3, 0.5, 1.5e3. Anything else that YAML 1.1
# calls a number (010 octal, 0x1F, 1_000, 12:30 base 60, .inf) is refused.
_PLAIN_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


class Refused(Exception):
    """A strict rule the text breaks: `line` (1-based, in the text given) and what to do."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """SafeLoader whose constructors refuse what YAML 1.1 would silently change."""


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise Refused(_line(key_node), (
                f"the name '{key_node.value}' before a colon is read as {_kind(key)}, not as a "
                "field name. Field names are words, like 'title:'; put it in double quotes "
                "if it really is a name."))
        if key in seen:
            raise Refused(_line(key_node), (
                f"'{key}' is written twice (lines {seen[key]} and {_line(key_node)}); only one "
                "would be kept, silently. Keep one of the two lines."))
        seen[key] = _line(key_node)
    return SafeConstructor.construct_mapping(loader, node, deep=deep)


def _bool(loader: _Loader, node: yaml.ScalarNode) -> bool:
    if not node.style and node.value.lower() not in ("true", "false"):  # plain: None or 
        raise Refused(_line(node), (
            f"'{node.value}' would be read as yes/no ({str(node.value.lower() in ('yes', 'on')).lower()}), "
            f"not as the word. {QUOTE_IT}, like \"{node.value}\"; for yes/no write true or false."))
    return SafeConstructor.construct_yaml_bool(loader, node)


def _number(construct, plain: re.Pattern, example: str):
    """A constructor that reads a number only when it is written plainly, like `example`."""
    def read(loader: _Loader, node: yaml.ScalarNode):
        value = construct(loader, node)
        if not plain.match(node.value):
            raise Refused(_line(node), (
                f"'{node.value}' would be read as the number {value}, not as written. "
                f"{QUOTE_IT}, like \"{node.value}\"; a number is written {example}."))
        return value
    return read


_int = _number(SafeConstructor.construct_yaml_int, _PLAIN_INT, "with digits only, like 8")
_float = _number(SafeConstructor.construct_yaml_float, _PLAIN_FLOAT, "like 0.5")


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:bool", _bool)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    return "a date" if hasattr(value, "year") else type(value).__name__


def kind_of(value: Any) -> str:
    """'a number', 'yes/no', 'a date', 'a list'..., for messages about a value's type."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return _kind(value)


def _screen(text: str) -> None:
    """Refuse anchors, aliases, tags and deep nesting from the parser's events alone, in one
    pass that never expands anything."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Refused(line, (
                "this uses a YAML anchor or alias ('&name' or '*name'), which is not allowed "
                "here: it can repeat text without limit. Write the value out in full."))
        if getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(line, (
                f"'{tag}' is a YAML tag, which is not allowed here. Remove it; "
                "put text in double quotes instead."))
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refused(line, (
                    f"this is nested more than {MAX_DEPTH} levels deep. Write it flatter, "
                    "as the other files do."))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load(text: str) -> Any:
    """The data in `text`. Raises yaml.YAMLError when it is not YAML at all, Refused when it
    is YAML this site does not accept."""
    _screen(text)
    return yaml.load(text, Loader=_Loader)


def compose(text: str) -> yaml.Node | None:
    """The node tree (for line numbers), after load() has accepted the text."""
    return yaml.compose(text, Loader=_BASE)

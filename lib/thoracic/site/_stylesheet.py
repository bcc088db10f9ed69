"""JupyterLab's page styles cut down to what the exported pages can use.

JupyterLab's light theme and page styles are about 260 KB, most of it rules for editing
chrome and about 2,000 theme variables that an exported page never shows. A phone reads
the whole sheet before it draws anything, so the site keeps a rule only where every class
it names appears somewhere in the site's pages or scripts, and a ``--variable`` only where
something kept (or a page or script) refers to it. Looking for words, not parsing HTML, errs
on the side of keeping: a class that a script adds later is in that script's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

__all__ = ["trim_stylesheet"]

_WORD = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")
_CLASS = re.compile(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")
_VARIABLE = re.compile(r"--[A-Za-z0-9_-]+")
_IN_PARENTHESES = re.compile(r"\([^()]*\)")
# At-rules whose body holds rules (trimmed like the top level); other blocks are kept whole.
_GROUPING = ("@media", "@supports", "@layer", "@container")


@dataclass
class _Rule:
    prelude: str
    body: str  # declarations, or for a grouping at-rule the rules inside it
    statement: bool = False  # an at-rule ended by ";" (@import, @charset): no body


def _scan(text: str) -> Iterator[str]:
    """Each character outside comments and quoted strings; strings are
    yielded as one piece so that braces and semicolons inside them are never structure."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        char = text[i]
        if char in "\"'":
            end = i + 1
            while end < n and text[end] != char:
                end += 2 if text[end] == "\\" else 1
            yield text[i:end + 1]
            i = end + 1
            continue
        yield char
        i += 1


def _rules(text: str) -> list[_Rule]:
    """The top-level rules of a stylesheet (or of a grouping at-rule's body)."""
    rules: list[_Rule] = []
    prelude: list[str] = []
    body: list[str] = []
    depth = 0
    for piece in _scan(text):
        if depth == 0:
            if piece == "{":
                depth = 1
            elif piece == ";":  # a statement at-rule such as @import or @charset
                rules.append(_Rule("".join(prelude).strip(), "", statement=True))
                prelude = []
            else:
                prelude.append(piece)
            continue
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth -= 1
            if depth == 0:
                rules.append(_Rule("".join(prelude).strip(), "".join(body).strip()))
                prelude, body = [], []
                continue
        body.append(piece)
    return rules


def _split(text: str, separator: str) -> list[str]:
    """``text`` split on each ``separator`` that is not inside () or a string, trimmed,
    without empty parts: declarations on ';', a selector list on ','."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for piece in _scan(text):
        depth += piece == "("
        depth -= piece == ")"
        if piece == separator and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(piece)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def _declarations(body: str) -> list[str]:
    return _split(body, ";")


def _required_classes(selector: str) -> list[str]:
    """The classes an element must have for ``selector`` to match anything. Classes inside
    :not(), :is(), :where() or :has() are left out: :not(.x) matches where .x is absent."""
    while (plain := _IN_PARENTHESES.sub("", selector)) != selector:
        selector = plain
    return _CLASS.findall(selector)


def _used_selectors(prelude: str, words: set[str]) -> str:
    selectors = _split(prelude, ",")
    return ",".join(selector for selector in selectors
                    if all(name in words for name in _required_classes(selector)))


def _map_style_rules(rules: list[_Rule], change: Callable[[_Rule], _Rule | None]
                     ) -> list[_Rule]:
    """``rules`` with each style rule (also inside @media and the like) replaced by what
    ``change`` makes of it, or left out where that is None; other at-rules kept whole
    (@keyframes, @font-face, @import: few and small)."""
    kept: list[_Rule] = []
    for rule in rules:
        if rule.prelude.startswith(_GROUPING):
            inner = _map_style_rules(_rules(rule.body), change)
            if inner:
                kept.append(_Rule(rule.prelude, _serialise(inner)))
        elif rule.prelude.startswith("@"):
            kept.append(rule)
        elif (changed := change(rule)) is not None:
            kept.append(changed)
    return kept


def _used_part(rule: _Rule, words: set[str]) -> _Rule | None:
    selectors = _used_selectors(rule.prelude, words)
    return _Rule(selectors, ";".join(_declarations(rule.body))) if selectors else None


def _without_unneeded_variables(rule: _Rule, needed: set[str]) -> _Rule | None:
    declarations = [declaration for declaration in _declarations(rule.body)
                    if _custom_name(declaration) in (None, *needed)]
    return _Rule(rule.prelude, ";".join(declarations)) if declarations else None


def _custom_name(declaration: str) -> str | None:
    name = declaration.split(":", 1)[0].strip()
    return name if name.startswith("--") else None


def _style_rules(rules: list[_Rule]) -> Iterator[_Rule]:
    for rule in rules:
        if rule.prelude.startswith(_GROUPING):
            yield from _style_rules(_rules(rule.body))
        elif not rule.prelude.startswith("@"):
            yield rule


def _needed_variables(rules: list[_Rule], outside: set[str]) -> set[str]:
    """Variables referred to by a kept declaration or from outside, followed through the
    variables they refer to in turn."""
    definitions: dict[str, list[str]] = {}
    needed = set(outside)
    for rule in _style_rules(rules):
        for declaration in _declarations(rule.body):
            name = _custom_name(declaration)
            if name is None:
                needed.update(_VARIABLE.findall(declaration))
            else:
                definitions.setdefault(name, []).append(declaration.split(":", 1)[1])
    for rule in rules:  # @keyframes and other kept blocks may use variables too
        if rule.prelude.startswith("@") and not rule.prelude.startswith(_GROUPING):
            needed.update(_VARIABLE.findall(rule.body))
    waiting = list(needed)
    while waiting:
        for value in definitions.get(waiting.pop(), []):
            for name in _VARIABLE.findall(value):
                if name not in needed:
                    needed.add(name)
                    waiting.append(name)
    return needed


def _serialise(rules: list[_Rule]) -> str:
    return "\n".join(f"{rule.prelude};" if rule.statement else f"{rule.prelude}{{{rule.body}}}"
                     for rule in rules)


def trim_stylesheet(css: str, texts: Iterable[str]) -> str:
    """``css`` without the rules and variables that nothing in ``texts`` (the pages and
    scripts it styles) can use. Rules are kept in their order, so the cascade is unchanged."""
    words: set[str] = set()
    outside: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(text))
        outside.update(_VARIABLE.findall(text))
    kept = _map_style_rules(_rules(css), lambda rule: _used_part(rule, words))
    needed = _needed_variables(kept, outside)
    return _serialise(_map_style_rules(
        kept, lambda rule: _without_unneeded_variables(rule, needed))) + "\n"

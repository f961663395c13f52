"""One regular expression for thousands of literal names, as a trie, so matching stays linear."""
from __future__ import annotations

import re
from collections.abc import Iterable

# Names never match inside a longer word or a hyphenated compound ("coréen" in "nord-coréen").
BEFORE, AFTER = r"(?<![\w-])", r"(?![\w-])"
# German names head compounds with a capitalised noun: "US-Soldaten", "Russland-Reise".
AFTER_COMPOUND = r"(?!\w|-[^A-ZÄÖÜ])"


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _regex(node: dict) -> str:
    if list(node) == [""]:
        return ""
    optional = "" in node
    branches = [re.escape(char) + _regex(child) for char, child in sorted(node.items()) if char]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


def pattern_for(words: Iterable[str], compounds: bool = False) -> re.Pattern:
    words = [w for w in words if w]
    if not words:
        return re.compile(r"(?!)")
    return re.compile(BEFORE + "(?:" + _regex(_trie(words)) + ")" + (AFTER_COMPOUND if compounds else AFTER))

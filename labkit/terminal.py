"""Text for a terminal: a value someone typed cannot steer it.

A name in a spreadsheet may hold an ESC sequence (retitle the window, clear
the screen, recolour what follows), a CR that overwrites the start of its
line, a LF that forges a line of its own, or a bidi override that reverses
the rest of the line. The data keeps such values as typed; what labkit
prints shows each of these characters as a visible escape (``\\x1b``,
``\\r``, ``\\n``, ``\\u202e``). Zero-width joiners, marks (LRM/RLM) and
letters of any script stay as they are: they cannot move or forge text.
"""

from __future__ import annotations

import json
import re

# C0 controls, DEL and C1 controls; Unicode's line and paragraph separators;
# the bidi embeddings, overrides and isolates, whose effect runs past the value.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# In JSON text the C0 controls are escaped already; these are not.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(ch: str) -> str:
    n = ord(ch)
    return _NAMED.get(ch) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def visible(text: str) -> str:
    """``text`` with every character that could steer a terminal shown as an escape.

    >>> visible("Bakker\\x1b]0;pwned\\x07 &\\r\\nCo \\u202eoc")
    'Bakker\\\\x1b]0;pwned\\\\x07 &\\\\r\\\\nCo \\\\u202eoc'
    """
    return _UNSAFE.sub(lambda m: _escape(m[0]), text)


def scrub(obj):
    """``obj`` (dicts, lists, tuples, strings) with :func:`visible` applied to every string.

    For results that a text formatter turns into lines: its own line breaks
    stay, those inside values are shown.
    """
    if isinstance(obj, str):
        return visible(obj)
    if isinstance(obj, dict):
        return {scrub(k): scrub(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(scrub(v) for v in obj)
    return obj


def dumps(obj, **kwargs) -> str:
    """``json.dumps`` that a terminal can show safely and ``json.loads`` reads back exactly.

    Non-ASCII text stays readable (``ensure_ascii=False``); only the
    characters :func:`visible` escapes become ``\\uXXXX``.
    """
    text = json.dumps(obj, ensure_ascii=False, **kwargs)
    # Outside strings JSON is ASCII, so each match is inside a string.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)

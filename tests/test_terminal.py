"""Text for a terminal: control characters and bidi controls shown, everything else as typed."""

import json

from hostile import CORPUS, RAW, TERMINAL
from labkit.terminal import dumps, scrub, visible


def test_visible_leaves_one_line_without_controls():
    for value in TERMINAL + CORPUS:
        shown = visible(value)
        assert not RAW.search(shown) and "\n" not in shown, repr(shown)


def test_visible_names_what_it_escaped():
    assert visible("a\rb\nc\td") == "a\\rb\\nc\\td"
    assert visible("\x1b[2J\x00\x7f\x9b") == "\\x1b[2J\\x00\\x7f\\x9b"
    assert visible("\u202eabc\u2069\u2028") == "\\u202eabc\\u2069\\u2028"


def test_visible_keeps_letters_emoji_joiners_and_marks():
    for value in ("Coöperatie Ĳsselmeer", "👩\u200d👩\u200d👧", "zero\u200bwidth", "אבג\u200f", "<b>&amp;"):
        assert visible(value) == value


def test_scrub_keeps_the_shape():
    data = {"a\n": ["x\x1b", ("y\r", 1)], "n": None, "f": 0.5}
    assert scrub(data) == {"a\\n": ["x\\x1b", ("y\\r", 1)], "n": None, "f": 0.5}


def test_dumps_reads_back_exactly_and_shows_nothing_raw():
    data = {"names": TERMINAL + CORPUS, "Ĳ": "é"}
    text = dumps(data, indent=2)
    assert json.loads(text) == data
    assert not RAW.search(text)
    assert "Coöperatie" in text  # non-ASCII text stays readable

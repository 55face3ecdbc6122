"""Text a person might type into a spreadsheet, written to break outputs.

Every value must come out of every labkit output as the same text, never as
markup, script or a spreadsheet formula.
"""

import re

from labkit.data.model import Programme

CORPUS = [
    '<script>window.__xss = 1</script>',
    '<img src=x onerror="window.__xss=2">',
    '"><svg onload=window.__xss=3>',
    "</script><script>window.__xss=4</script>",
    "javascript:window.__xss=5",
    "[klik hier](javascript:window.__xss=6)",
    "![beeld](http://example.invalid/x.png)",
    "<a href=\"javascript:window.__xss=7\">link</a>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "+31 6 1234 5678",
    "-2+3",
    "@SUM(A1:A2)",
    "\u202eRTL override\u202c en \u200bzero\u200dwidth",
    "Coöperatie Zuid-Holland: café, één, reünie, Ĳsselmeer",
    "Emoji 🌱🤝🏽 en 👩‍👩‍👧",
    "L" + "a" * 3000,
    "' OR '1'='1",
    "line\nbreak\rcarriage",
    "&amp; &lt;b&gt; already escaped",
]

#: Things that must never appear live in HTML built from the corpus.
LIVE = ["<script>window", "<img src=x", "<svg onload", "<a href=\"javascript"]


def hostile_programme(programme):
    """``programme`` with the corpus as organisation names, commitment titles and quotes."""
    orgs = programme.organisations.copy()
    n = min(len(CORPUS), len(orgs))
    orgs.loc[: n - 1, "name"] = CORPUS[:n]
    com = programme.commitments.copy()
    com["title_nl"] = [CORPUS[i % len(CORPUS)] for i in range(len(com))]
    quotes = programme.quotes.copy()
    quotes["text_nl"] = [CORPUS[i % len(CORPUS)] for i in range(len(quotes))]
    return programme.replace(organisations=orgs, commitments=com, quotes=quotes)


#: Text that tries to steer a terminal. Apart from CORPUS because XML (GEXF, GraphML,
#: .xlsx) cannot hold C0 controls at all: export refuses them, text output escapes them.
TERMINAL = [
    "\x1b]0;pwned\x07Venstertitel",
    "\x1b[2J\x1b[HScherm gewist",
    "\x1b[31mrood\x1b[0m",
    "Bakkers\rOVERSCHREVEN",
    "Nep\nLET OP: deze regel is vervalst",
    "bel\x07\x08\x08\x08terug",
    "\x9b2JC1 CSI",
    "nul\x00byte en DEL\x7f",
    "regel\u2028scheiding\x85NEL",
    "\u202eoverride zonder einde",
    "\u2067isolate zonder einde",
]

#: What must never reach a terminal raw: C0 controls (ESC starts every sequence, CR overwrites,
#: LF forges a line), DEL, C1 controls (0x9b is a one-byte CSI), Unicode's line separators and
#: the bidi embeddings, overrides and isolates. Only an output's own "\n" may.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_programme(programme):
    """``programme`` with CORPUS and TERMINAL as every organisation's and sector's name and its title."""
    values = TERMINAL + CORPUS
    orgs = programme.organisations.copy()
    orgs["name"] = [values[i % len(values)] for i in range(len(orgs))]
    sectors = programme.sectors.copy()
    sectors["name_nl"] = [TERMINAL[i % len(TERMINAL)] for i in range(len(sectors))]
    p = programme.replace(organisations=orgs, sectors=sectors)
    words = {**p.meta.get("programme", {}), "title_nl": TERMINAL[0]}  # the title outputs show
    return Programme({**p.meta, "title": TERMINAL[0], "programme": words}, p.tables, p.path)

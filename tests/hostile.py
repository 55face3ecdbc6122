"""Text a person might type into a spreadsheet, written to break outputs.

Every value must come out of every labkit output as the same text, never as
markup, script or a spreadsheet formula.
"""

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

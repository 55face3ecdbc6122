"""The escaped HTML every part of the theme report is built from.

Every value passes through :func:`markupsafe.escape` (``Markup.format`` escapes
its arguments); only the fixed words of :mod:`labkit.report.text` are trusted
as markup (:func:`_m`). Nothing here knows about a report: these build tags.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .text import join_words


class Fragment:
    """Escaped HTML that a notebook shows as it is; an empty one shows nothing."""

    def __init__(self, html: str = "", text: str = ""):
        self.html = Markup(html)
        self.text = text

    def _repr_html_(self) -> str:
        return str(self.html)

    def _ipython_display_(self) -> None:
        if not self:
            return
        from IPython.display import display
        # text/plain is the heading: no memory address, so reports stay byte-identical
        display({"text/html": str(self.html), "text/plain": self.text}, raw=True)

    def __html__(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        # Shown as text/plain: no memory address, so reports stay byte-identical.
        return self.text or "(labkit report section)"

    def __bool__(self) -> bool:
        return bool(str(self.html))


def _m(text: str) -> Markup:
    """A trusted string from report_text (may hold markup)."""
    return Markup(text)


def _p(content, cls: str | None = None) -> Markup:
    if cls:
        return Markup('<p class="{}">{}</p>').format(cls, content)
    return Markup("<p>{}</p>").format(content)


def _list(items, ordered: bool = False) -> Markup:
    tag = "ol" if ordered else "ul"
    inner = Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
    return Markup(f"<{tag}>{{}}</{tag}>").format(inner)


def _table(headers, rows, numeric=()) -> Markup:
    """A table; ``numeric`` holds the indexes of right-aligned columns."""
    def cell(tag, i, v):
        cls = Markup(' class="lk-num"') if i in numeric else Markup("")
        return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), cls, "" if v is None else v)
    head = Markup("").join(cell("th", i, h) for i, h in enumerate(headers))
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(cell("td", i, v) for i, v in enumerate(r)))
        for r in rows)
    return Markup('<table class="lk-table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>').format(
        head, body)


def _join(items, lang) -> Markup:
    items = [escape(i) for i in items]
    return Markup(join_words(items, lang)) if items else Markup("")


def _empty(text) -> Markup:
    """The one line an empty part of the report says instead of its tables."""
    return _p(text, "lk-empty")

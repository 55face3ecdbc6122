"""The theme report's sections as HTML in which every value from the data is escaped.

Names, titles and quotes come from spreadsheets: every value passes through
:func:`markupsafe.escape` (``Markup.format`` escapes its arguments), and only
the fixed words of :mod:`labkit.report.text` are trusted as markup. The
report notebook shows each section as it is; a :class:`Fragment` with
nothing to say shows nothing.

Sections that rest on illustrative or synthetic rows say so where a reader
sees it: a badge at the heading and a sentence naming the tables.

The sections live in :mod:`~labkit.report.markup` (the tags),
:mod:`~labkit.report.page` (stylesheet, header, section headings, data section,
index page), :mod:`~labkit.report.meetings` (programme, participation, network,
rounds) and :mod:`~labkit.report.outcomes` (insights, commitments, coverage,
quotes); this module gathers them for the report notebook, which imports it as
``sections``.
"""

from __future__ import annotations

from markupsafe import Markup

from ..errors import ParameterError
from .markup import Fragment
from .meetings import network_section, participation_section, programme_section, rounds_section
from .narrative import Report
from .outcomes import commitments_section, coverage_section, insights_section, quotes_section
from .page import CSS, SECTIONS, data_section, header, index_page, visible_sections
from .text import STRINGS

__all__ = ["CSS", "SECTIONS", "Fragment", "commitments_section", "coverage_section", "data_section",
           "header", "index_page", "insights_section", "network_section", "open_report",
           "participation_section", "programme_section", "quotes_section", "rounds_section",
           "visible_sections"]


def open_report(**params) -> Report:
    """:func:`labkit.report.narrative.prepare`, showing a refused parameter as a notice first.

    Under Voilà tracebacks are hidden: a reader who typed ``?thema=x`` for a
    theme that does not exist reads why, then the page stops.
    """
    from .narrative import prepare
    try:
        return prepare(**params)
    except ParameterError as e:
        head = f"{STRINGS['nl']['refused']} / {STRINGS['en']['refused']}"
        Fragment(Markup('<div class="lk-notice"><p><strong>{}</strong></p><p>{}</p></div>').format(
            head, str(e)), head)._ipython_display_()
        raise

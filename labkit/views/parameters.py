"""The theme report's parameters: declared once, checked before any notebook runs.

The report notebook (``notebooks/theme_report.ipynb``) declares these names in
its first code cell, tagged ``parameters``; a test keeps the two in step.
Papermill pastes names and values into code unchecked, so every value passes
:func:`check_parameters` first: only declared names, only plain values of the
declared type, a theme id that exists.

==============  =====  ==========  ===========================================
name            type   default     meaning
==============  =====  ==========  ===========================================
``theme``       str    ``""``      theme id; empty: from the URL under Voilà
                                   (``?thema=<id>``), else :func:`default_theme`
``data_dir``    str    ``""``      data package folder; empty: the project's
                                   ``data/`` (:func:`default_data_dir`)
``as_of``       str    ``""``      ``YYYY-MM-DD``: the date the report speaks
                                   for; empty: :func:`default_as_of`
``lang``        str    ``"nl"``    ``"nl"`` (Dutch) or ``"en"`` (English)
``facts_only``  bool   ``False``   leave out illustrative and synthetic rows,
                                   for a report with the source's facts and
                                   the project's classification only
==============  =====  ==========  ===========================================

The ``as_of`` rule
------------------
Without an explicit date a report speaks for the latest date recorded in the
package (commitment updates, session dates, the first day of session
months; the programme's ``period_start`` when none of these exists yet),
never for today: the same data then gives the same report on any
day. Status and progress are those of the latest update on or before
``as_of``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
from pathlib import Path

from ..errors import ParameterError
from ..data.schema import ID_PATTERN

#: name -> (type, default), in the order of the notebook's parameters cell.
PARAMETERS: dict[str, tuple[type, object]] = {
    "theme": (str, ""),
    "data_dir": (str, ""),
    "as_of": (str, ""),
    "lang": (str, "nl"),
    "facts_only": (bool, False),
}
LANGUAGES = ("nl", "en")
#: URL names -> parameters. ``theme`` is also Voilà's name for its page style: labkit serves
#: with that override off, but ``thema`` works under any Voilà.
URL_NAMES = {"thema": "theme", "theme": "theme", "lang": "lang"}
#: Names Voilà reads itself, ignored here.
VOILA_URL_NAMES = ("template",)
_MAX_TEXT = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: Themes whose report would overwrite another output file.
RESERVED_THEME_IDS = frozenset({"index"})


def default_data_dir() -> Path:
    """``LABKIT_DATA`` when set (``labkit serve --data DIR`` sets it for its kernels), else the
    project's ``data/`` folder (beside the labkit package), else ``./data``."""
    if os.environ.get("LABKIT_DATA"):
        return Path(os.environ["LABKIT_DATA"])
    here = Path(__file__).resolve().parents[2] / "data"
    return here if (here / "datapackage.json").is_file() else Path("data")


def default_theme(programme) -> str:
    """The first theme (by number) that has sessions; else the first theme."""
    themes = programme.themes.sort_values("number")
    if themes.empty:
        raise ParameterError("the programme has no themes yet: add them to themes.csv "
                             "(or the workbook's themes sheet) first")
    with_sessions = set(programme.sessions["theme_id"])
    for tid in themes["id"]:
        if tid in with_sessions:
            return tid
    return themes["id"].iloc[0]


def default_as_of(programme) -> dt.date:
    """The latest date recorded in ``programme`` (see the module docstring)."""
    dates = []
    upd = programme.commitment_updates["date"].dropna()
    if len(upd):
        dates.append(upd.max().date())
    sess = programme.sessions
    if sess["date"].notna().any():
        dates.append(sess["date"].dropna().max().date())
    for month in sess["month"].dropna():
        dates.append(dt.date.fromisoformat(f"{month}-01"))
    start = programme.words()["period_start"] if not dates else ""
    if start:  # nothing happened yet: the programme's first day
        dates.append(dt.date.fromisoformat(start))
    if not dates:
        raise ParameterError("the data package records no date (no sessions, no updates, no period_start): "
                             "give as_of explicitly as YYYY-MM-DD")
    return max(dates)


def check_parameters(params, programme=None) -> dict:
    """Check report parameters; return them complete, in declared order.

    ``params`` maps names to values. Refused: a name that is not declared, a
    value that is not exactly of the declared type (``True`` is no string, a
    list is no anything), text with control characters or over 1000
    characters, a malformed theme id or date, an unknown language. With
    ``programme`` the theme must exist in it. Raises :class:`ParameterError`
    naming every problem.

    >>> check_parameters({"theme": "brede-welvaart", "lang": "en"})["lang"]
    'en'
    >>> check_parameters({"theme; import os": "x"})
    Traceback (most recent call last):
    ...
    labkit.errors.ParameterError: unknown parameter 'theme; import os': the report takes theme, data_dir, as_of, lang, facts_only
    """
    if not isinstance(params, dict):
        raise ParameterError("parameters must be a mapping of names to values")
    problems = []
    for name in params:
        if name not in PARAMETERS:
            problems.append(f"unknown parameter {_show(name)}: the report takes "
                            + ", ".join(PARAMETERS))
    out = {}
    for name, (type_, default) in PARAMETERS.items():
        value = params.get(name, default)
        if type(value) is not type_:  # noqa: E721 - exact type: bool is an int, str subclasses can lie
            problems.append(f"parameter '{name}' must be {type_.__name__}, "
                            f"not {type(value).__name__} ({_show(value)})")
            continue
        if type_ is str:
            if len(value) > _MAX_TEXT:
                problems.append(f"parameter '{name}' is longer than {_MAX_TEXT} characters")
                continue
            if _CONTROL.search(value):
                problems.append(f"parameter '{name}' contains a control character: {_show(value)}")
                continue
        out[name] = value
    if "theme" in out and out["theme"]:
        problems += _check_theme(out["theme"], programme)
    if out.get("as_of"):
        problems += _check_date(out["as_of"])
    if "lang" in out and out["lang"] not in LANGUAGES:
        problems.append(f"parameter 'lang' is {_show(out['lang'])}: use one of "
                        + ", ".join(LANGUAGES))
    if problems:
        raise ParameterError("; ".join(problems))
    return out


def _check_theme(theme: str, programme) -> list[str]:
    if not re.fullmatch(ID_PATTERN, theme) or "/" in theme or "\\" in theme:
        return [f"theme {_show(theme)} is not a theme id (lowercase letters, digits, "
                "'.', '_' and '-'; no path)"]
    if theme in RESERVED_THEME_IDS:
        return [f"theme id {_show(theme)} is reserved: its report would overwrite {theme}.html"]
    if programme is not None:
        known = programme.themes["id"].tolist()
        if theme not in known:
            return [f"no theme {_show(theme)} in the data package; themes: " + ", ".join(known)]
    return []


def _check_date(text: str) -> list[str]:
    if not _DATE.match(text):
        return [f"as_of {_show(text)} is not a date: write YYYY-MM-DD, e.g. 2026-10-01"]
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return [f"as_of {_show(text)} is not a real date: check day and month"]
    return []


def from_query_string(query: str) -> dict:
    """Report parameters from a Voilà URL's query string (``QUERY_STRING``).

    Takes ``thema`` or ``theme`` (the theme id) and ``lang``; ignores Voilà's
    own ``template``; refuses any other name, a theme given twice and any value
    that is not a plain id. The theme's existence is checked later, against
    the data.

    >>> from_query_string("thema=leefomgeving&lang=en")
    {'theme': 'leefomgeving', 'lang': 'en'}
    >>> from_query_string("thema=../../etc/passwd")
    Traceback (most recent call last):
    ...
    labkit.errors.ParameterError: URL parameter 'thema' is '../../etc/passwd': give a theme id such as ?thema=brede-welvaart
    """
    if len(query) > _MAX_TEXT:
        raise ParameterError("the URL's query string is too long")
    try:
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query),
                                       max_num_fields=10)
    except ValueError as e:
        raise ParameterError(f"the URL's query string cannot be read ({e})") from None
    out: dict = {}
    problems = []
    seen = set()
    for name, value in pairs:
        if name in VOILA_URL_NAMES:
            continue
        if name not in URL_NAMES:
            problems.append(f"unknown URL parameter {_show(name)}: use "
                            + " and ".join(f"?{n}=" for n in URL_NAMES))
            continue
        if URL_NAMES[name] in seen:
            problems.append(f"URL parameter '{name}' gives the {URL_NAMES[name]} twice")
            continue
        seen.add(URL_NAMES[name])
        if not re.fullmatch(ID_PATTERN, value) or ".." in value:
            example = "?thema=brede-welvaart" if name == "thema" else "?lang=en"
            problems.append(f"URL parameter '{name}' is {_show(value)}: give "
                            f"{'a theme id' if name == 'thema' else 'nl or en'} such as {example}")
            continue
        out[URL_NAMES[name]] = value
    if problems:
        raise ParameterError("; ".join(problems))
    return out


def wait_for_request() -> None:
    """In a kernel Voilà preheated, wait for the page request; elsewhere return at once.

    With ``--preheat_kernel`` Voilà runs the notebook before anyone asks for a
    page, so ``QUERY_STRING`` is empty until a request takes the kernel; then
    Voilà sends the request's details and :func:`voila.utils.wait_for_request`
    puts them in ``os.environ``. Call this after the work every request shares
    (imports, loading the data) and before reading the URL. Papermill,
    JupyterLab and a kernel Voilà starts for one request do not wait.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    from voila.utils import wait_for_request as wait
    wait()


def resolve(params: dict, programme, *, environ=None) -> dict:
    """Fill the empty parameters of a notebook run and check everything.

    Under Voilà no parameters are injected and the theme comes from the URL
    (``QUERY_STRING`` in ``environ``); elsewhere an empty theme means
    :func:`default_theme`. ``as_of`` becomes explicit (:func:`default_as_of`).
    """
    environ = os.environ if environ is None else environ
    out = check_parameters(params)
    if not out["theme"]:
        from_url = from_query_string(environ.get("QUERY_STRING", ""))
        out["theme"] = from_url.get("theme") or default_theme(programme)
        if "lang" in from_url:
            out["lang"] = from_url["lang"]
    if not out["as_of"]:
        out["as_of"] = default_as_of(programme).isoformat()
    return check_parameters(out, programme)


def _show(value, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

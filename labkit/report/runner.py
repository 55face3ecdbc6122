"""Theme reports: one parameterised notebook per theme, HTML that reads offline.

:func:`run_reports` (``labkit reports``, ``make reports``) runs
``notebooks/theme_report.ipynb`` once per theme and writes
``<out>/<theme>.ipynb``, ``<out>/<theme>.html`` and ``<out>/index.html``.

How it runs
-----------
* Parameters are checked (:func:`labkit.views.parameters.check_parameters`) before
  any kernel starts, and injected with papermill's own
  :func:`~papermill.parameterize.parameterize_notebook`, so the executed
  notebook is the one the papermill CLI would run.
* ``jobs`` warm kernels (one per core by default) work through the themes;
  nbclient drives them from one asyncio loop. Between two notebooks a kernel
  is reset (:data:`RESET_CODE`: user namespace, execution counter, warnings
  registry, working folder, environment), which costs milliseconds where a
  fresh kernel costs seconds of start-up and imports.
* One :class:`nbconvert.HTMLExporter` renders every report with the offline
  template in ``labkit/templates/labkit_report`` (no require.js, MathJax,
  Mermaid or widgets from a CDN, no code, print CSS).

What it guarantees
------------------
* A failing notebook publishes nothing: the theme's previous files stay as
  they were (both files are written to temporary files and moved into place
  only on success), the other themes still complete, and
  :class:`ReportsFailed` names the theme, the cell and the error.
* Same data and same parameters give byte-identical files: execution
  timestamps, run metadata and widget state are dropped, cell ids and
  execution counts are those of a fresh kernel, and SVG ids that Vega
  numbers per process are renumbered per notebook.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from ..data import io
from ..views import parameters
from ..errors import LabkitError, ParameterError

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "theme_report.ipynb"
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "labkit_report"
KERNEL = "python3"
CELL_TIMEOUT = 600
STARTUP_TIMEOUT = 120
INJECTED_ID = "injected-parameters"

#: Run before every notebook in a warm kernel, so that it starts as a fresh one would.
RESET_CODE = """\
def _labkit_reset():
    import gc, os, sys, warnings
    ip = get_ipython()
    collect = gc.collect
    gc.collect = lambda *args, **kwargs: 0  # what %reset adds: a full collection, 0.25 s a time
    try:
        ip.reset(new_session=True)  # a new history session: execution counts start again at 1
    finally:
        gc.collect = collect
    state = sys.modules.setdefault("_labkit_fresh_state", type(sys)("_labkit_fresh_state"))
    if not hasattr(state, "cwd"):
        state.cwd, state.env, state.filters = os.getcwd(), dict(os.environ), list(warnings.filters)
    os.chdir(state.cwd)
    os.environ.clear()
    os.environ.update(state.env)
    warnings.filters[:] = state.filters
    warnings.onceregistry.clear()
    warnings._filters_mutated()  # forget which warnings were shown: a fresh kernel shows them again
    ip.execution_count = 1
_labkit_reset()
"""

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Vega numbers clip paths and gradients per process (clip1, gradient_0, ...): in a warm
# kernel they keep counting. Renumbered per notebook from the values a fresh kernel uses.
_SVG_ID_FAMILIES = {"clip": 1, "gradient_": 0}
_SVG_ID = re.compile(r'(?<=[#"])(clip|gradient_)(\d+)(?=[")])')


class ReportsFailed(LabkitError):
    """Some theme reports failed; ``outcomes`` holds every theme's :class:`Outcome`."""

    def __init__(self, outcomes):
        self.outcomes = outcomes
        failed = [o for o in outcomes if not o.ok]
        super().__init__("\n".join(o.message for o in failed))


@dataclasses.dataclass
class Outcome:
    """What happened to one theme."""

    theme: str
    ok: bool
    seconds: float = 0.0
    html: Path | None = None
    ipynb: Path | None = None
    cell: int | None = None  # 1-based position in the source notebook
    cell_id: str | None = None
    ename: str | None = None
    evalue: str | None = None
    traceback: str = ""

    @property
    def message(self) -> str:
        if self.ok:
            return f"{self.theme}: written {self.html.name} and {self.ipynb.name} ({self.seconds:.1f} s)"
        where = (f"cell {self.cell} (id '{self.cell_id}') of the report notebook"
                 if self.cell is not None else "the kernel")
        text = f"report '{self.theme}' failed in {where}: {self.ename}: {self.evalue}"
        if self.traceback:
            text += "\n" + "\n".join("    " + line for line in self.traceback.splitlines())
        return text + f"\n    (previous {self.theme}.html and {self.theme}.ipynb, if any, left unchanged)"


@dataclasses.dataclass
class Job:
    theme: str
    params: dict
    html: Path
    ipynb: Path
    lang: str
    title: str


# --------------------------------------------------------------------------- planning

def plan(programme, *, out_dir, themes="all", data_dir="", as_of="", lang="nl",
         facts_only=False) -> list[Job]:
    """Check every parameter and output path; one :class:`Job` per theme.

    ``themes`` is ``"all"``, one theme id or a list of ids. Raises
    :class:`ParameterError` before anything runs.
    """
    from .text import STRINGS
    out = Path(out_dir).resolve()
    if themes == "all":
        ids = programme.themes.sort_values("number")["id"].tolist()
    else:
        ids = list(dict.fromkeys([themes] if isinstance(themes, str) else themes))
        if not ids:
            raise ParameterError("no theme given")
    names = dict(zip(programme.themes["id"], programme.themes["name_nl" if lang == "nl" else "name_en"]))
    jobs = []
    for tid in ids:
        params = parameters.check_parameters(
            {"theme": tid, "data_dir": str(data_dir), "as_of": as_of, "lang": lang,
             "facts_only": facts_only}, programme)
        html, ipynb = out / f"{tid}.html", out / f"{tid}.ipynb"
        for p in (html, ipynb):
            if p.resolve().parent != out:
                raise ParameterError(f"theme '{tid}': {p} would be written outside {out}")
        jobs.append(Job(tid, params, html, ipynb, lang,
                        STRINGS[lang]["doc_title"].format(theme=names[tid])))
    return jobs


def parameterise(source, params: dict):
    """A copy of ``source`` with the parameters injected exactly as papermill injects them."""
    from papermill.parameterize import parameterize_notebook
    nb = copy.deepcopy(source)
    nb = parameterize_notebook(nb, dict(params), kernel_name=KERNEL, language="python")
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = INJECTED_ID  # papermill gives it a random id
    return nb


# --------------------------------------------------------------------------- determinism

def normalise(nb):
    """Drop what changes from run to run; renumber per-process SVG ids."""
    nb.metadata.pop("widgets", None)
    counters = dict(_SVG_ID_FAMILIES)
    mapping: dict[str, str] = {}

    def renumber(m):
        old = m.group(0)
        if old not in mapping:
            family = m.group(1)
            mapping[old] = f"{family}{counters[family]}"
            counters[family] += 1
        return mapping[old]

    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            svg = out.get("data", {}).get("image/svg+xml")
            if isinstance(svg, str):
                out["data"]["image/svg+xml"] = _SVG_ID.sub(renumber, svg)
    return nb


_LIVE = re.compile(r"<\s*(script|iframe|link|object|embed|base)\b", re.IGNORECASE)


def unsafe_output(nb, source):
    """(cell, id, what) of the first HTML output that would load or run something, else None.

    A static report must not: Altair's "html" renderer, for one, puts the
    data inside a ``<script>`` unescaped and loads Vega from a CDN. Charts
    belong in SVG (``alt.renderers.enable("svg")``).
    """
    positions = {c.get("id"): i + 1 for i, c in enumerate(source.cells)}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            m = _LIVE.search(str(out.get("data", {}).get("text/html", "")))
            if m:
                return positions.get(cell.get("id")), cell.get("id"), f"an HTML output holds a <{m.group(1)}> tag"
    return None


def failed_cell(nb, source) -> tuple[int | None, str | None, str, str, str]:
    """(1-based cell in ``source``, cell id, ename, evalue, traceback) of the first error."""
    positions = {c.get("id"): i + 1 for i, c in enumerate(source.cells)}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                tb = _ANSI.sub("", "\n".join(out.get("traceback", [])))
                tail = "\n".join(tb.strip().splitlines()[-8:])
                return positions.get(cell.get("id")), cell.get("id"), out.get("ename", "Error"), \
                    out.get("evalue", ""), tail
    return None, None, "CellExecutionError", "a cell failed without an error output", ""


# --------------------------------------------------------------------------- kernels

class WarmKernel:
    """One kernel that runs notebook after notebook, reset in between."""

    def __init__(self, cwd: str, socket_prefix: str, preload=()):
        self.cwd = cwd
        self.socket_prefix = socket_prefix
        self.preload = list(preload)
        self.km = None
        self.kc = None

    async def start(self):
        from jupyter_client.manager import AsyncKernelManager
        env = {k: v for k, v in os.environ.items() if k != "QUERY_STRING"}
        env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # no debugger warning on stderr
        # Unix sockets, one prefix per kernel: local only, and no "running over TCP without
        # encryption" warning on every start
        self.km = AsyncKernelManager(kernel_name=KERNEL, transport="ipc", ip=self.socket_prefix)
        args = ["--HistoryManager.hist_file=:memory:"]  # as nbclient does: no shared history file
        if self.preload:
            # The notebook's imports, run while the kernel boots (and while this process is
            # busy with its own imports); a failing one is left for the notebook to report.
            code = ("import importlib as _il\nfor _m in %r:\n    try:\n        _il.import_module(_m)\n"
                    "    except Exception:\n        pass\n" % self.preload)
            args.append("--IPKernelApp.exec_lines=" + repr([code]))
        await self.km.start_kernel(cwd=self.cwd, env=env, extra_arguments=args)

    async def ready(self):
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)

    async def run(self, nb):
        from nbclient import NotebookClient
        client = NotebookClient(nb, km=self.km, kernel_name=KERNEL, timeout=CELL_TIMEOUT,
                                startup_timeout=STARTUP_TIMEOUT, record_timing=False,
                                allow_errors=False, store_widget_state=False)
        client.kc = self.kc
        msg_id = self.kc.execute(RESET_CODE, silent=True, store_history=False)
        reply = await client.async_wait_for_reply(msg_id)
        if reply is None or reply["content"]["status"] != "ok":
            why = "" if reply is None else f": {reply['content'].get('ename')}: {reply['content'].get('evalue')}"
            raise RuntimeError("could not reset the kernel between notebooks" + why)
        await client.async_execute()
        return nb

    async def restart(self):
        await self.shutdown()
        await self.start()
        await self.ready()

    async def shutdown(self):
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                await self.km.shutdown_kernel(now=True)
            finally:
                self.km = None


def _exporter():
    from nbconvert import HTMLExporter
    return HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def render_html(exporter, nb, job: Job) -> str:
    exporter.language_code = job.lang
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = job.title
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": job.theme}})
    return body


def preload_modules(notebook_path) -> list[str]:
    """The modules the notebook's code cells import, to import while a kernel boots."""
    import ast
    import json
    nb = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    mods: list[str] = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        try:
            tree = ast.parse("".join(src) if isinstance(src, list) else src)
        except SyntaxError:
            continue  # magics: nothing to preload
        for node in tree.body:
            if isinstance(node, ast.Import):
                mods += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                mods += [f"{node.module}.{a.name}" for a in node.names] + [node.module]
    return list(dict.fromkeys(mods))


async def _run_all(jobs, notebook, n_kernels, on_done, prepare_index):
    cwd = os.getcwd()
    sockets = tempfile.TemporaryDirectory(prefix="labkit-kernels-")
    preload = preload_modules(notebook)
    kernels = [WarmKernel(cwd, os.path.join(sockets.name, f"k{i}"), preload)
               for i in range(n_kernels)]
    try:
        await asyncio.gather(*(k.start() for k in kernels))
        # While the kernels boot in their own processes: this side's imports, the exporter
        # and the index's lines.
        import nbformat
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
        from papermill.iorw import load_notebook_node
        source = load_notebook_node(str(notebook))  # as papermill reads it
        exporter = _exporter()
        index_data = prepare_index()
        await asyncio.gather(*(k.ready() for k in kernels))
        queue = list(jobs)
        outcomes: dict[str, Outcome] = {}

        async def one(kernel: WarmKernel, job: Job) -> Outcome:
            nb = parameterise(source, job.params)
            try:
                await kernel.run(nb)
            except CellExecutionError:
                cell, cid, ename, evalue, tb = failed_cell(nb, source)
                return Outcome(job.theme, False, cell=cell, cell_id=cid, ename=ename,
                               evalue=evalue, traceback=tb)
            except (DeadKernelError, CellTimeoutError, RuntimeError) as e:
                cell, cid, *_ = failed_cell(nb, source)
                await kernel.restart()  # a dead or stuck kernel serves no further notebook
                text = str(e).strip()
                return Outcome(job.theme, False, cell=cell, cell_id=cid, ename=type(e).__name__,
                               evalue=text.splitlines()[0] if text else "")
            unsafe = unsafe_output(nb, source)
            if unsafe is not None:
                return Outcome(job.theme, False, cell=unsafe[0], cell_id=unsafe[1],
                               ename="UnsafeOutput", evalue=unsafe[2] + ": a static report "
                               "shows no scripts; draw charts as SVG")
            normalise(nb)
            html = render_html(exporter, nb, job).encode("utf-8")
            text = nbformat.writes(nb).encode("utf-8") + b"\n"
            with io.atomic_path(job.ipynb) as t_nb, io.atomic_path(job.html) as t_html:
                t_nb.write_bytes(text)
                t_html.write_bytes(html)
            return Outcome(job.theme, True, html=job.html, ipynb=job.ipynb)

        async def work(kernel: WarmKernel):
            while queue:
                job = queue.pop(0)
                t0 = time.perf_counter()
                outcome = await one(kernel, job)
                outcome.seconds = time.perf_counter() - t0
                outcomes[job.theme] = outcome
                on_done(outcome)

        await asyncio.gather(*(work(k) for k in kernels))
    finally:
        await asyncio.gather(*(k.shutdown() for k in kernels), return_exceptions=True)
        sockets.cleanup()
    return [outcomes[j.theme] for j in jobs], index_data


# --------------------------------------------------------------------------- entry point

def _run_sync(coro):
    """``asyncio.run``, also from code that already runs an event loop (a notebook,
    Playwright's sync API): then the loop gets a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def run_reports(*, data_dir="data", out_dir="reports", themes="all", jobs: int | None = None,
                as_of: str = "", lang: str = "nl", facts_only: bool = False,
                notebook=None, progress: bool | None = None, log=None) -> list[Outcome]:
    """Run the report notebook for ``themes`` and write the reports into ``out_dir``.

    ``jobs`` kernels run at once (default: one per core, at most one per
    theme). ``progress`` shows a progress bar (default: when stderr is a
    terminal); ``log`` receives one line per theme otherwise. Returns every
    theme's :class:`Outcome`; raises :class:`ReportsFailed` after writing
    everything that succeeded and the index when any theme failed, and
    :class:`ParameterError` or :class:`~labkit.errors.DataPackageError`
    before running anything when a parameter or the data is wrong.
    """
    from .narrative import load_cached
    programme = load_cached(data_dir)
    out = Path(out_dir)
    todo = plan(programme, out_dir=out, themes=themes, data_dir=data_dir, as_of=as_of,
                lang=lang, facts_only=facts_only)
    if jobs is not None and (type(jobs) is not int or jobs < 1):
        raise ParameterError(f"--jobs must be a whole number of at least 1, not {jobs!r}")
    n = min(len(todo), jobs or os.cpu_count() or 1)
    notebook = Path(notebook or NOTEBOOK)
    if not notebook.is_file():
        raise ParameterError(f"no report notebook at {notebook}")
    out.mkdir(parents=True, exist_ok=True)
    io.remove_stale_temporaries(out)

    if progress is None:
        progress = sys.stderr.isatty() and not os.environ.get("CI")
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="rapport", file=sys.stderr, desc="labkit reports")

    def on_done(o: Outcome):
        if bar is not None:
            bar.set_postfix_str(o.theme, refresh=False)
            bar.update(1)
        elif log is not None:
            log(("ok     " if o.ok else "FAILED ") + o.theme + f" ({o.seconds:.1f} s)")

    def prepare_index():
        return index_entries(programme, todo, lang=lang, as_of=as_of, facts_only=facts_only)

    try:
        outcomes, entries = _run_sync(_run_all(todo, notebook, n, on_done, prepare_index))
    finally:
        if bar is not None:
            bar.close()
    failed = {o.theme for o in outcomes if not o.ok}
    write_index(out, entries, failed, lang=lang, programme=programme, as_of=as_of)
    if failed:
        raise ReportsFailed(outcomes)
    return outcomes


def index_entries(programme, todo, *, lang, as_of, facts_only) -> list[dict]:
    """One line per theme of the programme (all of them, not only those run)."""
    import datetime as dt

    from .narrative import Report, facts_only_tables, one_line
    p = programme.replace(**facts_only_tables(programme.tables)) if facts_only else programme
    if p.themes.empty:
        return []
    day = dt.date.fromisoformat(as_of) if as_of else parameters.default_as_of(programme)
    field = "name_nl" if lang == "nl" else "name_en"
    out = []
    for row in p.themes.sort_values("number").itertuples(index=False):
        r = Report(p, row.id, as_of=day, lang=lang, facts_only=facts_only)
        out.append({"theme": row.id, "name": getattr(row, field), "summary": one_line(r)})
    return out


def write_index(out: Path, entries, failed, *, lang, programme, as_of) -> Path:
    import datetime as dt

    from .page import index_page
    from .text import STRINGS, format_date
    from ..errors import ParameterError
    try:
        day = dt.date.fromisoformat(as_of) if as_of else parameters.default_as_of(programme)
    except ParameterError:  # nothing dated yet (a new programme): no date to speak for
        day = None
    rows = []
    for e in entries:
        exists = (out / f"{e['theme']}.html").is_file()
        rows.append({**e, "href": f"{e['theme']}.html" if exists else None,
                     "failed": e["theme"] in failed})
    t = STRINGS[lang]
    words = programme.words(lang)
    html = index_page(rows, lang=lang, title=t["index_title"],
                      subtitle=t["as_of"].format(date=format_date(day, lang)) if day else "",
                      kicker=" · ".join(x for x in (words["title"], words["subtitle"]) if x),
                      empty=t["index_empty"], illustrative=programme.is_illustrative)
    target = out / "index.html"
    io.write_text_atomic(target, html)
    return target

"""Voilà's side of ``labkit serve``: the pages beyond the notebooks, and the kernel pools.

This module runs in Voilà's process, not in labkit's. The ``voila.py`` that
:mod:`labkit.app.serve` writes for each run loads it by file path (Voilà does not import
labkit and its data stack) and calls :func:`configure`, which sets Voilà's own options:

- ``jinja_template_vars``: what labkit's landing page (``/``, Voilà's tree page) and error
  pages show: the programme's title, its themes, the published site. Jinja escapes it all.
- ``default_handler_class``: an address no Voilà handler takes gets labkit's 404 page, not
  tornado's bare one; ``site/...`` serves the published site when ``--site DIR`` gave one;
  ``labkit/xsrf`` sets the cookie Voilà's page needs to shut its kernel down on leaving.
- ``VoilaKernelManager.kernel_pools_config``: preheated kernels per notebook.
- ``ContentsManager.hide_globs``: Voilà's contents API (which its own tree page reads) lists
  nothing; the landing page links the notebooks itself.

It imports only tornado and jupyter_server, which Voilà runs on.
"""

from __future__ import annotations

from jupyter_server.base.handlers import JupyterHandler
from tornado import web
from tornado.escape import url_unescape

#: where the published site is served, under the server's base URL
SITE_PREFIX = "site/"
#: answers 204 and sets tornado's ``_xsrf`` cookie. Voilà's page shuts its kernel down when
#: the tab closes (a POST to voila/api/shutdown that must carry that cookie's value), but
#: its notebook page never sets the cookie: labkit's page asks for it here (index.html.j2),
#: so a closed tab frees its kernel at once instead of after five idle minutes.
XSRF_PATH = "labkit/xsrf"


class LabkitDefaultHandler(JupyterHandler, web.StaticFileHandler):
    """Every address Voilà has no handler for: the published site, else labkit's 404 page.

    The site is served read-only from its folder (tornado's static file handler: no
    listing, nothing outside the folder, no dot files), behind the same token as the rest.
    """

    def initialize(self, site: str | None = None) -> None:  # type: ignore[override]
        web.StaticFileHandler.initialize(self, path=site or "", default_filename="index.html")
        self.site = site

    def get_template(self, name):
        # labkit's pages (templates/voila/templates/labkit), as Voilà's own handlers use
        return self.settings["voila_jinja2_env"].get_template(name)

    def _site_path(self) -> str:
        prefix = self.base_url + SITE_PREFIX
        path = self.request.path
        if self.site and path == prefix[:-1]:
            self.redirect(prefix)
            return ""
        if not self.site or not path.startswith(prefix):
            raise web.HTTPError(404)
        rel = url_unescape(path[len(prefix):])
        if any(part.startswith(".") for part in rel.split("/")) or "\\" in rel or "\0" in rel:
            raise web.HTTPError(404)
        return rel

    async def get(self, include_body: bool = True) -> None:  # type: ignore[override]
        if self.request.path == self.base_url + XSRF_PATH:
            self.xsrf_token  # noqa: B018 - reading it sets the cookie
            self.set_header("Cache-Control", "no-store")
            self.set_status(204)
            self.finish()
            return
        rel = self._site_path()  # anything that is not the site: 404 before any login
        if not self._finished:
            await self._site_file(rel, include_body)

    @web.authenticated
    async def _site_file(self, rel: str, include_body: bool) -> None:
        await web.StaticFileHandler.get(self, rel, include_body)

    async def head(self) -> None:  # type: ignore[override]
        await self.get(include_body=False)


def configure(c, settings: dict) -> None:
    """Set Voilà's options for this run from labkit's ``settings`` (see labkit.app.serve)."""
    c.Voila.tornado_settings = {
        "default_handler_class": LabkitDefaultHandler,
        "default_handler_args": {"site": settings.get("site_dir")},
        "jinja_template_vars": {"labkit": settings["page"]},
    }
    pools = settings.get("pools") or {}
    if pools:
        # "default" covers a notebook not named; labkit serves only named ones
        c.VoilaKernelManager.kernel_pools_config = {
            "default": {"pool_size": 1},
            **{name: {"pool_size": size} for name, size in pools.items()},
        }
        c.VoilaKernelManager.fill_delay = float(settings.get("fill_delay", 1))
    c.ContentsManager.hide_globs = ["*"]

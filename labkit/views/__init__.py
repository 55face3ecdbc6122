"""What one theme's pages show, shared by the dashboard and the reports.

- :mod:`~labkit.views.parameters`: a page's parameters (theme, language, as-of date), checked,
  from papermill or from a Voilà URL
- :mod:`~labkit.views.theme`: :class:`~labkit.views.theme.ThemeData`, the tables and measures
  of one theme, computed once
- :mod:`~labkit.views.charts`: Altair chart specs (functions return charts, never display)

Modules are imported by name (``from labkit.views import charts``) so that a process that
needs no charts does not pay for importing Altair.
"""

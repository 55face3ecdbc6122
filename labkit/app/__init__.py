"""The stakeholder dashboard and the server that shows it.

- :mod:`~labkit.app.dashboard`: the ipywidgets app of ``notebooks/dashboard.ipynb``
- :mod:`~labkit.app.chart_module`: vega's JavaScript as one cached file the page preloads
- :mod:`~labkit.app.serve`: ``labkit serve``: Voilà, locked down, on a loopback port
- ``templates/voila``: labkit's Voilà page (no CDN link, the first view drawn as a still)

Uses views, analytics, network and data; never the reports (:mod:`labkit.report`).
"""

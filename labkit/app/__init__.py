"""The stakeholder dashboard and the server that shows it.

- :mod:`~labkit.app.dashboard`: the ipywidgets app of ``notebooks/dashboard.ipynb``
- :mod:`~labkit.app.chart_module`: vega's JavaScript as one cached file the page preloads
- :mod:`~labkit.app.serve`: ``labkit serve``: Voilà, locked down, on a loopback port,
  with a pool of preheated kernels sized for a room
- :mod:`~labkit.app.pages`: run in Voilà's process: the landing and error pages' data, the
  published site under ``/site/``, the pools' configuration
- ``templates/voila``: labkit's Voilà pages (no CDN link, the first view drawn as a still,
  the landing page at ``/`` instead of a file listing)

Uses views, analytics, network and data; never the reports (:mod:`labkit.report`).
"""

"""Theme reports: one parameterised notebook per theme, run offline, written atomically.

- :mod:`~labkit.report.narrative`: the facts a report states, from the programme
- :mod:`~labkit.report.text`: the report's words in Dutch and English
- :mod:`~labkit.report.html`: the report's sections as escaped HTML (the notebook's cells)
- :mod:`~labkit.report.figures`: the report's static SVG charts
- :mod:`~labkit.report.runner`: ``labkit reports``: warm kernels, HTML export, index page
- ``templates/labkit_report``: the nbconvert template with no CDN link

Uses views, analytics, network and data; never the dashboard (:mod:`labkit.app`).
"""

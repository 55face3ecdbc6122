"""Theme reports: one parameterised notebook per theme, run offline, written atomically.

- :mod:`~labkit.report.narrative`: the facts a report states, from the programme
- :mod:`~labkit.report.text`: the report's words in Dutch and English
- :mod:`~labkit.report.html`: the report's sections as escaped HTML (the notebook's cells),
  gathered from :mod:`~labkit.report.markup` (the tags), :mod:`~labkit.report.page`
  (stylesheet, header, section headings, data section, index page),
  :mod:`~labkit.report.meetings` (programme, participation, network, rounds) and
  :mod:`~labkit.report.outcomes` (insights, commitments, coverage, quotes)
- :mod:`~labkit.report.figures`: the report's static SVG charts
- :mod:`~labkit.report.runner`: ``labkit reports``: warm kernels, HTML export, index page
- ``templates/labkit_report``: the nbconvert template with no CDN link

Uses views, analytics, network and data; never the dashboard (:mod:`labkit.app`).
"""

"""The static site: the dashboard, the theme reports and the open data for any number of viewers.

See :mod:`labkit.publish.site` (``labkit publish``).
"""

from .site import Published, is_site, publish

__all__ = ["Published", "is_site", "publish"]

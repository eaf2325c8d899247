"""Pages that compose the drawing with the teaching views: the self-contained HTML page.

This layer sits above :mod:`argmap.render` and :mod:`argmap.teaching` and may use both.
"""

from argmap.page.html import html_page, write_html

__all__ = ["html_page", "write_html"]

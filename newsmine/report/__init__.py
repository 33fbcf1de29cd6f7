"""Rich rendering of query results: tables, JSON Lines, CSV, the article card and the dashboard.

Every scraped string goes through ``newsmine.terminal.clean`` and into rich
``Text`` objects (never parsed as markup), so titles, quotes and URLs print
literally whatever they contain.
"""

from newsmine.report.card import render_card
from newsmine.report.dashboard import render_summary, spark
from newsmine.report.tables import emit, json_line, table, write_csv
from newsmine.report.text import highlighted, number

__all__ = ["emit", "highlighted", "json_line", "number", "render_card", "render_summary", "spark", "table",
           "write_csv"]

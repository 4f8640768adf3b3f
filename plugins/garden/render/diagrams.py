"""A page's Mermaid diagrams handed to Garden's own renderer (``diagrams.js``), linked.

Material draws a ``.mermaid`` block inside a closed shadow root, where no page script
reaches it (no zoom, no tooltips) and it scales wide diagrams down to unreadable text;
mermaid2 draws it with its own settings. So every diagram on a page, whichever fence
wrote it (Material's, mermaid2's ``<div>`` or ``<pre>``), becomes a Garden diagram:
its source as written, and apart from it (so search indexes the diagram as written) a
``click`` line for each node naming a note or a term, with the page-relative URL and the
note's summary as tooltip. ``diagrams.js`` draws it with
the site's Mermaid in strict mode.
"""

from __future__ import annotations

import html
import re

from garden.index.garden import Garden
from garden.notes.mermaid import parse_flowchart
from garden.render.mermaid_text import Link, MermaidText, click_lines, relative_url
from garden.render.sequence_view import node_url

# Material's fence writes <pre class="mermaid"><code>; mermaid2's, <pre  class=…> or <div  class=…>
# (an id may come first), its source not escaped.
_BLOCK = re.compile(
    r'<(pre|div)\s+(?:id="[^"]*"\s+)?class="mermaid">(?:<code>)?(?P<source>.*?)\n?(?:</code>)?</\1>', re.DOTALL
)
MARK = 'class="mermaid"'


def own_diagrams(page_html: str, path: str, garden: Garden) -> str:
    """``page_html`` with each Mermaid block as a Garden diagram (a page without one unchanged)."""
    if MARK not in page_html:
        return page_html
    page_url = garden.site_map.url(path) if path in garden.site_map.dest else ""
    return _BLOCK.sub(lambda match: diagram_html(_linked(html.unescape(match["source"]), path, page_url, garden)),
                      page_html)


def diagram_html(diagram: MermaidText) -> str:
    """The element ``diagrams.js`` draws (as ``partials/garden/diagram.html`` writes it for
    Garden's own pages): the source stays readable until it does, or if it cannot."""
    clicks = f' data-garden-clicks="{html.escape(diagram.clicks)}"' if diagram.clicks else ""
    return (f'<div class="garden-diagram" data-garden-diagram{clicks}>'
            f'<pre class="garden-diagram__source"><code>{html.escape(diagram.source, quote=False)}</code></pre></div>')


def _linked(source: str, path: str, page_url: str, garden: Garden) -> MermaidText:
    chart = parse_flowchart(source)
    if not chart.is_flowchart or chart.problems or garden.sequence.matcher is None:
        return MermaidText(source)
    links = {}
    for node in chart.nodes:
        key = None if node.id in chart.clicks else garden.sequence.matcher.match(node.label, path)
        if key is not None and key != path:
            links[node.id] = Link(relative_url(node_url(garden, key), page_url), _tooltip(garden, key))
    return MermaidText(source, click_lines(links))


def _tooltip(garden: Garden, key: str) -> str:
    node = garden.sequence.nodes.get(key) or garden.sequence.matcher.node(key)
    return node.summary or node.title

"""What Garden puts in a page's template context: the views its templates draw."""

from __future__ import annotations

from typing import Any

from garden.index.checklists import READINESS_PAGE
from garden.index.garden import HEALTH_PAGE, Garden
from garden.index.graph import node_id
from garden.render import views
from garden.render.glossary_view import health_view
from garden.render.readiness_view import checklist_text, dashboard_view
from garden.render.sequence_view import panel, sequence_page
from garden.index.sequence import SEQUENCE_PAGE
from garden.site import pages
from garden.site.config import GardenConfig


def garden_context(garden: Garden, path: str, options: GardenConfig, compact: bool) -> dict[str, Any]:
    card = garden.cards.get(path)
    listing = garden.listing(path)
    in_graph = card is not None and (listing is None or listing.kind != "folder")
    sequence = sequence_page(garden, options.sequence_max_nodes) if path == SEQUENCE_PAGE else None
    sequence_panel = panel(garden, path, options.sequence_depth) if options.sequence_panel else None
    return {
        "garden_card": views.card_view(card, garden) if card and options.card_header else None,
        "garden_reading_default": options.default_reading,
        "garden_explorer": compact,
        "garden_listing": views.listing_view(listing, garden) if listing else None,
        "garden_graph_page": path == pages.GRAPH_PAGE,
        "garden_health": health_view(garden) if path == HEALTH_PAGE else None,
        "garden_backlinks": views.backlink_view(garden, path) if options.backlinks else None,
        "garden_graph_node": node_id(garden.site_map, path) if in_graph and options.local_graph else None,
        "garden_readiness": dashboard_view(garden) if path == READINESS_PAGE else None,
        "garden_checklist_text": checklist_text(options.checklist_verdicts, options.checklist_unknown_share, garden, path)
        if path in garden.checklists or path == READINESS_PAGE else None,
        "garden_sequence": sequence,
        "garden_sequence_panel": sequence_panel,
        "garden_diagrams": bool(sequence or sequence_panel),  # main.html loads Mermaid for them
    }

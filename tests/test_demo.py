"""The demo garden in content/ and glossary/: complete, linked, and warning-free."""

from garden.notes.cards import parse_card
from garden.notes.slugs import quartz_slug

from .conftest import REPO


def _cards(folder: str):
    return [parse_card(path.read_text(encoding="utf-8"), path.as_posix()) for path in sorted((REPO / folder).rglob("*.md"))]


def test_demo_builds_strict_without_warnings(demo_site):
    assert demo_site.warnings == ()


def test_every_note_becomes_a_page(demo_site):
    for folder, prefix in ((REPO / "content", ""), (REPO / "glossary", "glossary/")):
        for path in folder.rglob("*.md"):
            slug = quartz_slug(prefix + path.relative_to(folder).as_posix())
            page = slug[: -len("index")] if slug == "index" or slug.endswith("/index") else slug + "/"
            assert (demo_site.site / page / "index.html").is_file(), path


def test_demo_has_the_promised_content():
    cards = [card for card in _cards("content") if card.is_card and not card.path.endswith("index.md")]
    assert len(cards) >= 8
    assert all(card.meta.title_zh for card in cards)
    assert sum(len(card.mermaid) for card in cards) >= 1
    assert any(checklist.kind == "readiness" for card in cards for checklist in card.checklists)
    terms = _cards("glossary")
    assert len(terms) >= 12
    assert all(card.meta.extra.get("zh") for card in terms)


def test_demo_card_page_is_bilingual(demo_site):
    html = demo_site.html("guide/Writing-a-card/")
    assert 'class="garden-card-header"' in html
    assert html.count('lang="zh-Hans"') > 10 and html.count('data-garden-pair=""') > 10

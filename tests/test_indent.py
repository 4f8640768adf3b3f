"""CommonMark list indentation handed to Python-Markdown."""

import markdown
import pytest

from garden.notes.cards import parse_card
from garden.render.indent import for_python_markdown


def render(text: str) -> str:
    return markdown.markdown(for_python_markdown(text, parse_card(text).list_items), extensions=["pymdownx.superfences"])


def test_two_space_continuation_stays_in_its_item():
    html = render("- **Term / 术语:** English.\n\n  中文定义。\n")
    assert html.replace("\n", "") == "<ul><li><p><strong>Term / 术语:</strong> English.</p><p>中文定义。</p></li></ul>"


def test_nested_two_space_lists_nest():
    html = render("- a\n  - b\n    - c\n- d\n")
    assert html.replace("\n", "") == "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"


def test_code_inside_an_item_keeps_its_own_indentation():
    text = "1. step\n\n   ```text\n   if x:\n       y()\n   ```\n"
    assert for_python_markdown(text, parse_card(text).list_items).splitlines()[3:5] == ["    if x:", "        y()"]
    html = render(text)
    assert html.index("<li>") < html.index("if x:\n    y()") < html.index("</li>")


@pytest.mark.parametrize("text", ["    indented code\n", "Paragraph\n  with two spaces\n", "> - quoted\n>   item\n"])
def test_text_outside_lists_is_left_alone(text):
    assert for_python_markdown(text, parse_card(text).list_items) == text


def test_lazy_continuation_is_not_moved():
    text = "- item\nlazy line\n"
    assert for_python_markdown(text, parse_card(text).list_items) == text

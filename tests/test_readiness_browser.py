"""Reader checklists in Chromium: answers kept, score and verdict, reading modes, share
link, Markdown copy, reset, the dashboard; screenshots of the reference card's checklist."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from .conftest import ARTIFACTS, CHROMIUM_FLAGS, REFERENCE_CARD, build_site, require_shared  # noqa: F401

pytestmark = pytest.mark.browser

CHECKLIST = '[data-garden-checklist="five-ai-value-models/#5-adoption-readiness-signals"]'

TASKS = """---
title: Launch
title_zh: 上线
---

## Launch readiness

- [ ] A gardener is named. 已指定园丁。
- [x] The check passes. 检查通过。
"""


@pytest.fixture(scope="module")
def reference_server(tmp_path_factory):
    require_shared(REFERENCE_CARD)
    root = tmp_path_factory.mktemp("reference-site")
    notes = {"five-ai-value-models.md": REFERENCE_CARD.read_text(encoding="utf-8"), "Launch.md": TASKS}
    site = build_site(root, notes, config={"markdown_extensions": [{"pymdownx.tasklist": {"custom_checkbox": True}}],
                                           "theme": {"name": "material", "font": False,
                                                     "palette": [{"scheme": "default", "primary": "teal",
                                                                  "accent": "deep orange"}]}})

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 (the stdlib's name)
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _rows(page):
    return page.locator(f"{CHECKLIST} tr[data-garden-item]")


def _answer(page, row: int, state: str) -> None:
    _rows(page).nth(row).locator(f'input[type=radio][value="{state}"]').check()


def _score(page) -> str:
    return page.locator(f"{CHECKLIST} [data-garden-score]").get_attribute("data-garden-score")


def test_answers_are_kept_and_scored(reference_server, page):
    page.goto(reference_server + "five-ai-value-models/")
    rows = _rows(page)
    assert rows.count() == 5
    # Three states, the row's own signals as labels; unknown by default.
    first = rows.first
    assert first.locator("input[type=radio]").count() == 3
    assert first.locator('input[value="unknown"]').is_checked()
    assert "Value metric is tied" in first.locator("label", has=page.locator('input[value="ready"]')).inner_text()
    assert _score(page) == "0/5"
    assert page.locator(f"{CHECKLIST} [data-garden-verdict]").get_attribute("data-garden-verdict") == "unknown"

    _answer(page, 0, "ready")
    _answer(page, 1, "ready")
    _answer(page, 2, "warning")
    assert _score(page) == "2/5"
    summary = page.locator(f"{CHECKLIST} .garden-checklist__summary").inner_text()
    assert "2 of 5 ready, 1 warning, 2 unknown" in summary
    assert page.locator(f"{CHECKLIST} [data-garden-verdict]").get_attribute("data-garden-verdict") == "warnings"
    assert page.locator(f"{CHECKLIST} [aria-live=polite]").count() == 1

    # Keyboard: arrows move within the row's radio group.
    rows.nth(3).locator('input[value="unknown"]').focus()
    page.keyboard.press("ArrowLeft")
    assert rows.nth(3).locator('input[value="warning"]').is_checked()
    rows.nth(3).locator('input[value="unknown"]').check()

    page.reload()
    assert _rows(page).nth(0).locator('input[value="ready"]').is_checked()
    assert _rows(page).nth(2).locator('input[value="warning"]').is_checked()
    assert _score(page) == "2/5"
    page.locator(CHECKLIST).scroll_into_view_if_needed()
    page.locator(CHECKLIST).screenshot(path=str(ARTIFACTS / "checklist-desktop-both.png"))

    # Reading modes: labels follow, answers stay.
    page.get_by_role("button", name="中文", exact=True).click()
    assert _rows(page).nth(0).locator('input[value="ready"]').is_checked()
    assert page.locator(f"{CHECKLIST} .garden-checklist__summary [lang=zh-Hans]").is_visible()
    assert not page.locator(f"{CHECKLIST} .garden-checklist__summary [lang=en]").is_visible()
    page.locator(CHECKLIST).screenshot(path=str(ARTIFACTS / "checklist-desktop-zh.png"))
    page.get_by_role("button", name="EN", exact=True).click()
    assert _score(page) == "2/5" and _rows(page).nth(2).locator('input[value="warning"]').is_checked()
    page.locator(CHECKLIST).screenshot(path=str(ARTIFACTS / "checklist-desktop-en.png"))

    # Every answer ready: the verdict says so.
    for row in range(5):
        _answer(page, row, "ready")
    assert page.locator(f"{CHECKLIST} [data-garden-verdict]").get_attribute("data-garden-verdict") == "ready"
    assert page.requested_hosts <= {"127.0.0.1"}


def test_share_link_copy_markdown_reset_and_dashboard(reference_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(reference_server + "five-ai-value-models/")
    _answer(page, 0, "ready")
    _answer(page, 4, "warning")

    page.locator(f'{CHECKLIST} [data-garden-action="copy-markdown"]').click()
    page.wait_for_function("document.querySelector('.garden-checklist__status').textContent.length > 0")
    markdown = page.evaluate("navigator.clipboard.readText()")
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in table]
    assert cells[0][:2] == ["Readiness layer", "State"] and len(cells) == 7
    assert [row[1] for row in cells[2:]] == ["ready", "unknown", "unknown", "unknown", "warning"]
    assert cells[2][0] == "Business case"

    with page.expect_download() as download:
        page.locator(f'{CHECKLIST} [data-garden-action="download-json"]').click()
    import json

    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["page"] == "five-ai-value-models/" and data["score"]["ready"] == 1 and len(data["items"]) == 5
    assert set(data) >= {"page", "title", "title_zh", "date", "items", "score"}

    page.locator(f'{CHECKLIST} [data-garden-action="share"]').click()
    link = page.locator(CHECKLIST).get_attribute("data-garden-share-url")
    assert "#garden-share=" in link

    # The dashboard shows the same score as the card.
    page.goto(reference_server + "readiness/")
    entry = page.locator('[data-garden-checklist-ref="five-ai-value-models/#5-adoption-readiness-signals"]')
    assert entry.locator("[data-garden-score]").get_attribute("data-garden-score") == "1/5"
    page.screenshot(path=str(ARTIFACTS / "readiness-dashboard.png"), full_page=True)

    # A fresh reader opens the link: the shared answers show, with a button to keep them.
    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    fresh = other.new_page()
    fresh.goto(link)
    assert fresh.locator(f"{CHECKLIST} [data-garden-score]").get_attribute("data-garden-score") == "1/5"
    assert fresh.locator(f'{CHECKLIST} tr[data-garden-item]').nth(4).locator('input[value="warning"]').is_checked()
    stored = fresh.evaluate("Object.keys(localStorage).filter(k => k.startsWith('garden.checklist'))")
    assert stored == [], "a shared link never writes the reader's answers by itself"
    fresh.locator(f'{CHECKLIST} [data-garden-action="keep-shared"]').click()
    fresh.goto(reference_server + "five-ai-value-models/")
    assert fresh.locator(f"{CHECKLIST} [data-garden-score]").get_attribute("data-garden-score") == "1/5"
    other.close()

    # Reset, confirmed.
    page.goto(reference_server + "five-ai-value-models/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'{CHECKLIST} [data-garden-action="reset"]').click()
    assert page.locator(f"{CHECKLIST} [data-garden-score]").get_attribute("data-garden-score") == "0/5"
    page.reload()
    assert page.locator(f"{CHECKLIST} [data-garden-score]").get_attribute("data-garden-score") == "0/5"
    context.close()


def test_task_list_checklist(reference_server, page):
    page.goto(reference_server + "Launch/")
    root = page.locator('[data-garden-checklist="Launch/#launch-readiness"]')
    boxes = root.locator("input[type=checkbox]")
    assert boxes.count() == 2 and not boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    assert root.locator("[data-garden-score]").get_attribute("data-garden-score") == "1/2"
    verdict = root.locator("[data-garden-verdict]")
    assert verdict.get_attribute("data-garden-verdict") == "tasks_todo"
    assert "Still to do: 1 item." in verdict.inner_text()
    boxes.nth(0).focus()  # Material draws the box over the input: the keyboard reaches it
    page.keyboard.press("Space")
    assert boxes.nth(0).is_checked()
    page.get_by_role("button", name="中文", exact=True).click()
    assert root.locator(".task-list-control").nth(0).bounding_box() and boxes.nth(0).is_checked()
    page.reload()
    assert root.locator("[data-garden-score]").get_attribute("data-garden-score") == "2/2"
    assert verdict.get_attribute("data-garden-verdict") == "tasks_done"
    page.get_by_role("button", name="EN+中文", exact=True).click()


@pytest.mark.parametrize("mode", ["both", "en", "zh"])
def test_phone_screenshots(reference_server, browser, mode):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="en-US",
                                  is_mobile=True, has_touch=True)
    context.add_init_script(f"localStorage.setItem('garden.reading', '{mode}')")
    page = context.new_page()
    page.goto(reference_server + "five-ai-value-models/")
    _answer(page, 0, "ready")
    _answer(page, 2, "warning")
    root = page.locator(CHECKLIST)
    root.scroll_into_view_if_needed()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the checklist fits a phone without sideways scrolling"
    root.screenshot(path=str(ARTIFACTS / f"checklist-phone-{mode}.png"))
    context.close()

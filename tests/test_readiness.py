"""Reader checklists at build time: each source form becomes the page's DOM contract,
item ids are stable and distinct, readiness.json and the findings."""

from __future__ import annotations

import json
import re

import pytest

from garden.index.checklists import bilingual, item_id, normalise
from garden.index.garden import read_garden

from .conftest import REFERENCE_CARD, build_site, require_shared

TABLE = """---
title: Pilot
title_zh: 试点
---

# Pilot

## Adoption Readiness

| Readiness layer | Ready signal | Warning sign |
| --- | --- | --- |
| Ownership 所有权 | One person answers for it. 一人负责。 | Nobody knows. 无人知道。 |
| Tooling with [[Other]] | The check runs | Readers report broken links |
| Data | Owners named | Scattered |
"""

TASKS = """# Tasks

Some text.

- [ ] A gardener is named. 已指定园丁。
- [x] The check passes. 检查通过。
- plain item
"""

FRONT = """---
title: Front
readiness:
  - Budget approved
  - item: Data owners
    ready: Every table has an owner
    warning: Nobody answers for the data
---

# Front

Text.
"""


def _items(html: str, checklist: str) -> list[str]:
    start = html.index(f'data-garden-checklist="{checklist}"')
    end = html.index("</div>", start)
    return re.findall(r'data-garden-item="([^"]+)"', html[start:end])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("checklists")
    return build_site(root, {"Pilot.md": TABLE, "Tasks.md": TASKS, "Front.md": FRONT, "Other.md": "# Other\n"})


def test_readiness_table_becomes_a_checklist(site):
    html = site.html("Pilot/index.html")
    assert 'data-garden-checklist="Pilot/#adoption-readiness"' in html
    assert 'data-garden-kind="table"' in html
    ids = _items(html, "Pilot/#adoption-readiness")
    assert ids == [item_id("Ownership 所有权"), item_id("Tooling with Other"), item_id("Data")]
    assert len(set(ids)) == 3
    # The table reads as written (no controls without the script); links stay links.
    assert "Nobody knows." in html and 'href="../Other/"' in html
    assert 'type="radio"' not in html
    assert 'id="garden-checklist-text"' in html


def test_task_list_becomes_a_checklist_with_its_box_outside_the_language_spans(site):
    html = site.html("Tasks/index.html")
    assert 'data-garden-checklist="Tasks/#tasks"' in html and 'data-garden-kind="tasks"' in html
    assert _items(html, "Tasks/#tasks") == [item_id("A gardener is named. 已指定园丁。"),
                                            item_id("The check passes. 检查通过。")]
    # Without pymdownx.tasklist "[ ]" still becomes a box, first in its item (every reading mode shows it).
    items = re.findall(r'<li class="task-list-item" data-garden-item="[^"]+"[^>]*>(.*?)</li>', html)
    assert len(items) == 2 and all(item.startswith('<label class="task-list-control"><input') for item in items)
    assert "checked" in items[1] and "checked" not in items[0]
    assert "plain item" in html


def test_front_matter_readiness_becomes_a_table(site):
    html = site.html("Front/index.html")
    assert _items(html, "Front/#readiness") == [item_id("Budget approved"), item_id("Data owners")]
    assert "Every table has an owner" in html and "Nobody answers for the data" in html


def test_ids_survive_reordering_and_change_with_the_text():
    reordered = TABLE.replace("| Data | Owners named | Scattered |\n", "").replace(
        "| Readiness layer | Ready signal | Warning sign |\n| --- | --- | --- |\n",
        "| Readiness layer | Ready signal | Warning sign |\n| --- | --- | --- |\n| Data | Owners named | Scattered |\n")
    before = read_garden([("Pilot.md", TABLE)]).checklists["Pilot.md"][0]
    after = read_garden([("Pilot.md", reordered)]).checklists["Pilot.md"][0]
    assert [i.id for i in after.items] == [before.items[2].id, before.items[0].id, before.items[1].id]
    edited = read_garden([("Pilot.md", TABLE.replace("| Data |", "| Data quality |"))]).checklists["Pilot.md"][0]
    assert edited.items[2].id != before.items[2].id and edited.items[0].id == before.items[0].id
    assert item_id("Business  case") == item_id("business case") and normalise("Ｄata") == "data"
    assert bilingual("Ownership 所有权") == ("Ownership", "所有权")


def test_readiness_json(site):
    data = json.loads((site.site / "readiness.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["checklists"]}
    pilot = by_id["Pilot/#adoption-readiness"]
    assert pilot["page"] == "Pilot/" and pilot["title"] == "Pilot" and pilot["title_zh"] == "试点"
    assert pilot["heading"] == "Adoption Readiness" and pilot["signals"] == ["Ready signal", "Warning sign"]
    first = pilot["items"][0]
    assert (first["en"], first["zh"]) == ("Ownership", "所有权")
    assert first["ready"].startswith("One person") and first["warning"].startswith("Nobody")
    assert by_id["Front/#readiness"]["source"] == "front-matter"
    assert by_id["Tasks/#tasks"]["items"][1]["checked"] is True


def test_dashboard_lists_every_checklist_without_javascript(site):
    html = site.html("readiness/index.html")
    refs = re.findall(r'data-garden-checklist-ref="([^"]+)"', html)
    assert sorted(refs) == ["Front/#readiness", "Pilot/#adoption-readiness", "Tasks/#tasks"]
    assert "试点" in html and "Owners named" not in html and "Data" in html
    assert 'href="../Pilot/#checklist-adoption-readiness"' in html
    assert html.count("data-garden-score") >= 3


DUPLICATE_AND_EMPTY = """# Dup

## Readiness

| Readiness layer | Ready | Warning |
| --- | --- | --- |
| Data | a | b |
| data | c | d |

## Tool readiness

| Readiness layer | Ready | Warning |
| --- | --- | --- |
"""


def test_findings_duplicate_and_empty(tmp_path):
    garden = read_garden([("Dup.md", DUPLICATE_AND_EMPTY)])
    found = {(f.code, f.line) for f in garden.findings if f.code.startswith("checklist-")}
    assert found == {("checklist-duplicate-item", 8), ("checklist-empty", 12)}


def test_reference_card_checklist(tmp_path):
    require_shared(REFERENCE_CARD)
    text = REFERENCE_CARD.read_text(encoding="utf-8")
    garden = read_garden([("five-ai-value-models.md", text)])
    (checklist,) = garden.checklists["five-ai-value-models.md"]
    assert checklist.heading == "Adoption Readiness Signals" and len(checklist.items) == 5
    assert checklist.header[1:] == ("Production-ready signal", "Aspirational warning")
    assert len({i.id for i in checklist.items}) == 5


def test_garden_check_reports_checklist_findings_with_file_and_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "Dup.md").write_text(DUPLICATE_AND_EMPTY, encoding="utf-8")
    command = [sys.executable, "-m", "garden.cli", "check", str(tmp_path)]
    text = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert "warning: Dup.md:8: checklist item 'data' repeats line 7" in text.stdout
    assert "warning: Dup.md:12: checklist 'Tool readiness' has no items" in text.stdout
    report = json.loads(subprocess.run([*command, "--format", "json"], capture_output=True, text=True, cwd=tmp_path).stdout)
    found = {(f["path"], f["line"], f["code"]) for f in report["findings"] if f["code"].startswith("checklist-")}
    assert found == {("Dup.md", 8, "checklist-duplicate-item"), ("Dup.md", 12, "checklist-empty")}

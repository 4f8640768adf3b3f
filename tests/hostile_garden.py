"""A garden written to attack its readers: script payloads in every field a note,
a glossary term or a file name can carry. ``tests/test_hostile.py`` builds it and
checks that nothing runs."""

from __future__ import annotations

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
JS_URL = "javascript:alert(1)"
CLOSE = "</script><script>alert(1)</script>"
JINJA = "{{ 7*7 }} {% if true %}jinja{% endif %}"
SVG = '<svg onload=alert(1)>'

# A file name holds no "/", so no "</script>"; these are the worst a name can do.
NAME_IMG = IMG
NAME_SVG = '"><svg onload=alert(1)>'
NAME_JINJA = "{{ 7*7 }}"


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


CARD = f"""---
title: {_yaml(IMG)}
title_zh: {_yaml(SCRIPT)}
aliases: [{_yaml(SCRIPT + " alias")}, {_yaml(JS_URL)}, {_yaml(CLOSE)}]
tags: [{_yaml(IMG)}, {_yaml(JINJA)}]
source:
  origin: {_yaml(IMG)}
  type: {_yaml(SCRIPT)}
  author: {_yaml(CLOSE)}
  url: {_yaml(JS_URL)}
takeaway: {_yaml(CLOSE + " " + IMG)}
description: {_yaml(SCRIPT)}
author: {_yaml(SCRIPT)}
subtitle: {_yaml(IMG)}
status: {_yaml(SCRIPT)}
unlocks: [{_yaml(NAME_SVG)}, {_yaml(IMG + " nowhere")}, {_yaml(JS_URL + " nowhere")}]
readiness:
  - {_yaml(IMG + " budget")}
  - item: {_yaml(SCRIPT)}
    ready: {_yaml(CLOSE)}
    warning: {_yaml(JS_URL)}
---

# {IMG} heading one

## {SCRIPT} section

The card links to [[{NAME_SVG}|{IMG} label]], to [[{NAME_JINJA}]] and to
[[{SCRIPT} nowhere]] and [[{CLOSE}]], which go nowhere. It uses the term {NAME_IMG} term
and {JINJA}.

The card's key terms:

- **{IMG} term / {SCRIPT}术语:** A definition with {CLOSE} in it.

  中文定义 {IMG}。

A [Markdown link]({JS_URL}), an [encoded one](JaVaScRiPt:alert(1)), an image
![alt {IMG}]({JS_URL}) and a [data link](data:text/html,<script>alert(1)</script>).

<img src=x onerror=alert(1)>

<script>alert(1)</script>

<div onmouseover="alert(1)" onclick="alert(1)">Raw HTML with handlers.</div>

<a href="javascript:alert(1)">raw javascript link</a> and <a href=" &#106;avascript:alert(1)">an encoded one</a>
and <span onpointerenter=alert(1)>a span</span>.

<iframe src="javascript:alert(1)"></iframe>
<iframe srcdoc="<script>alert(1)</script>"></iframe>
<object data="javascript:alert(1)"></object>
<embed src="javascript:alert(1)">
<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>
<svg><a xlink:href="javascript:alert(1)"><text y="20">svg link</text></a></svg>
<details open ontoggle="alert(1)"><summary>details</summary>open</details>
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">press</button></form>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<base href="javascript:alert(1)//">
<style>body {{ background: url("javascript:alert(1)") }}</style>
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

> [!note] {IMG} callout
> {SCRIPT} inside a callout.

## Readiness {IMG}

| Readiness layer | Ready signal | Warning sign |
| --- | --- | --- |
| {IMG} owner | {SCRIPT} | {CLOSE} |
| [[{NAME_SVG}|{IMG}]] | {JS_URL} | {JINJA} |

- [ ] {IMG} task
- [x] {CLOSE} done

```mermaid
flowchart LR
  A["&lt;img src=x onerror=alert(1)&gt;"] --> B["<img src=x onerror=alert(1)>"]
  B --> C["{{{{ 7*7 }}}}"] --> D[Plain] --> E["javascript:alert(1)"]
  click A call alert(1)
  click B href "javascript:alert(1)"
  click C "javascript:alert(1)"
  click D alert
```

```mermaid
flowchart LR
  A["{NAME_SVG.replace('"', "#quot;")}"] --> B[["{NAME_JINJA}"]] --> C["javascript:alert(1)"]
```

Formula $\\href{{javascript:alert(1)}}{{x}}$ and ![[{NAME_SVG}#{IMG}]] embedded.
"""

OTHER = f"""---
title: {_yaml(NAME_SVG)}
requires: {_yaml(IMG)}
---

# {NAME_SVG}

## {IMG}

Back to [[{NAME_IMG}|{SCRIPT}]], [[{NAME_IMG}#{SCRIPT} section]] and #tag-{{{{x}}}}.

- [ ] {SCRIPT}
"""

JINJA_NOTE = f"""---
title: {_yaml(JINJA)}
---

{JINJA} {{#}} {{{{ config }}}} {{% raw %}} and [[{NAME_IMG}]].
"""

TERM = f"""---
term: {_yaml(NAME_IMG + " term")}
zh: {_yaml(SCRIPT + "术语")}
aliases: [{_yaml(CLOSE)}, {_yaml(JS_URL)}]
related: [{_yaml(IMG)}, {_yaml(CLOSE)}]
---

A glossary definition with {IMG} and {CLOSE} and [a link]({JS_URL}).

中文定义，{SCRIPT}。
"""

HEADINGS = """# `</title><script>alert(1)</script>` in a heading

## `<img src=x onerror=alert(1)>` as code { onclick="alert(1)" }

## \\<img src=x onerror=alert(1)\\> escaped

A paragraph with attributes.
{: onmouseover="alert(1)" data-x="</p><img src=x onerror=alert(1)>" }

<div markdown="1" onclick="alert(1)">A [link](javascript:alert(1)) in an HTML block.</div>
"""

NOTES = {
    "index.md": f"# Home\n\n[[{NAME_IMG}]], [[{NAME_SVG}]], [[{NAME_JINJA}]].\n",
    f"{NAME_IMG}.md": CARD,
    f"{NAME_SVG}.md": OTHER,
    f"folder {NAME_SVG}/{NAME_JINJA}.md": JINJA_NOTE,
    "headings.md": HEADINGS,
    f"{JS_URL}.md": f"# A note named {JS_URL}\n\nBack to [[index]].\n",
}
GLOSSARY = {f"{NAME_SVG}.md": TERM}

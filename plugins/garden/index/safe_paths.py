"""Names every disk can hold: a site built on Linux is often copied to, or built on,
Windows or macOS, whose disks refuse some names and ignore letter case.

Windows cannot store a file or folder named ``CON``, ``PRN``, ``AUX``, ``NUL``,
``COM1``-``COM9`` or ``LPT1``-``LPT9`` (in any case, with any extension), a name ending
in a dot or a space, nor one holding ``< > : " | ? * \\`` or a control character.
"""

from __future__ import annotations

import re

_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_FORBIDDEN = re.compile(r'[<>:"|?*\\\x00-\x1f]')


def unsafe_reason(segment: str) -> str | None:
    """Why Windows cannot store this one file or folder name, or ``None``."""
    if _FORBIDDEN.search(segment):
        return "holds a character Windows forbids (<>:\"|?*\\ or a control character)"
    if segment != segment.rstrip(". "):
        return "ends in a dot or a space"
    if _RESERVED.match(segment):
        return "is a name Windows reserves for a device"
    return None


def safe_segment(segment: str) -> str:
    """The same name, stored anywhere: forbidden characters become ``-``, trailing dots
    and spaces go, a device name gets ``_`` after its stem (``CON`` → ``CON_``,
    ``nul.html`` → ``nul_.html``). Deterministic, so a page keeps its URL build after build."""
    name = _FORBIDDEN.sub("-", segment).rstrip(". ") or "_"
    match = _RESERVED.match(name)
    if match:
        name = match.group(1) + "_" + (match.group(2) or "")
    return name

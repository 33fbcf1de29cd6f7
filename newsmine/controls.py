"""Strip terminal control sequences and control characters from untrusted text.

Scraped titles, bylines, URLs and error messages can carry NUL bytes, ANSI/OSC
escape sequences (a title that retitles the user's terminal or hides text),
DCS/APC strings, their single-byte C1 forms and bidi overrides. Extraction
(before storage) and terminal output (before printing) must agree on what is
removed, so both use this one leaf module; it imports nothing from newsmine.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC strings,
# CSI (ESC [ ... final byte) and the two-byte escapes; plus their 8-bit C1 forms.
# Unterminated strings run to the end, as a terminal would swallow them.
_ESCAPES = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# Every remaining C0/C1 control except tab and newline, plus DEL and the
# bidirectional overrides that can visually reorder a line.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without escape sequences and control characters (tab/newline kept).

    A carriage return becomes a line break first: bare, it would let text
    overwrite its own line on a terminal.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROLS.sub("", _ESCAPES.sub("", text))

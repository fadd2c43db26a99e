"""Text helpers every stage shares, each defined once."""
from __future__ import annotations

import re

# Bidirectional marks and overrides (U+202E makes "exe.txt" read "txt.exe")
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What a title must not hold (YAML escapes put them there): control characters but tab
# and newline, and bidi marks; removed.
CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# What a file name shown in any output must not hold: every control character and bidi
# mark; escaped (ingest.display_name).
UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")

"""Which language to speak (no Qt): Thai on a Thai locale, English otherwise."""

from __future__ import annotations

import locale
import os


def system_language() -> str:
    """``"th"`` when the environment's locale is Thai, else ``"en"``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "th" if value.lower().startswith("th") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "th" if loc.lower().startswith("th") else "en"

"""Helpers for checking PDFs: text as poppler extracts it, fonts, rules and characters, page images.

Thai text is compared with ``pdftotext -raw`` (content-stream order); its default layout mode and
pdfplumber's ``extract_text`` move tone marks onto the neighbouring letter even in a correct PDF.
"""

from __future__ import annotations

import bisect
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Ink of Sarabun around the baseline, in em (stacked marks above, descenders below).
INK_ABOVE = 1.23
INK_BELOW = 0.34


def norm(text: str) -> str:
    """NFKC with all whitespace removed: what "the same text" means when comparing extracted text."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def raw_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    result = subprocess.run([*cmd, str(path), "-"], capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def page_texts(path: Path) -> list[str]:
    """The raw text of each page (pdftotext ends every page with a form feed)."""
    pages = raw_text(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def raw_lines(path: Path, first: int | None = None, last: int | None = None) -> list[str]:
    return [line for line in raw_text(path, first, last).splitlines() if line.strip()]


def fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows: name, type, emb, sub, uni."""
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) >= 7:
            emb, sub, uni = parts[-5], parts[-4], parts[-3]
            rows.append({"name": parts[0], "emb": emb, "sub": sub, "uni": uni})
    return rows


def render_pages(
    path: Path, out_dir: Path, dpi: int = 60, first: int | None = None, last: int | None = None
) -> list[Path]:
    """Render pages to PNG with pdftoppm (for looking at them); returns the files in page order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / path.stem
    cmd = ["pdftoppm", "-r", str(dpi), "-png"]
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    subprocess.run([*cmd, str(path), str(prefix)], check=True, timeout=120)
    return sorted(out_dir.glob(f"{path.stem}-*.png"))


@dataclass(frozen=True)
class Crossing:
    page: int
    text: str
    rule: tuple[float, float, float, float]


def glyphs_crossing_rules(page: Any, number: int) -> list[Crossing]:
    """Characters of a pdfplumber page whose ink box (taken as the font's full stacked-mark height
    around the baseline) is cut by a ruling line; coordinates are pdfplumber's (top-down)."""
    vertical: dict[float, list[tuple[float, float]]] = {}
    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    for seg in page.lines:
        x0, x1, top, bottom = seg["x0"], seg["x1"], seg["top"], seg["bottom"]
        if abs(x1 - x0) < 0.01:
            vertical.setdefault(round(x0, 2), []).append((top, bottom))
        elif abs(bottom - top) < 0.01:
            horizontal.append((top, x0, x1))
    horizontal.sort()
    ys = [h[0] for h in horizontal]
    xs = sorted(vertical)
    found: list[Crossing] = []
    for ch in page.chars:
        if not ch["text"].strip():
            continue
        size = ch["size"]
        baseline = ch["bottom"] - 0.232 * size  # Sarabun's descender in the font descriptor
        top, bottom = baseline - INK_ABOVE * size, baseline + INK_BELOW * size
        x0, x1 = ch["x0"] + 0.01, ch["x1"] - 0.01
        for x in xs[bisect.bisect_right(xs, x0) : bisect.bisect_left(xs, x1)]:
            if any(t < bottom and b > top for t, b in vertical[x]):
                found.append(Crossing(number, ch["text"], (x, top, x, bottom)))
        for y, hx0, hx1 in horizontal[bisect.bisect_right(ys, top) : bisect.bisect_left(ys, bottom)]:
            if hx0 < x1 and hx1 > x0:
                found.append(Crossing(number, ch["text"], (hx0, y, hx1, y)))
    return found

"""Box text: break marks, lazy segmenter, and line breaks only between Thai words even where Qt
has no libthai (a stub libthai hides the system one from Qt, in a separate process)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from srmtool.ui.canvas.text import ZWSP, box_fonts, break_lines, thai_layout_text, wrapped_layout

SENTENCES = [
    "ประชาชนมีพฤติกรรมจัดการแหล่งเพาะพันธุ์ยุงลายในบ้านและชุมชนอย่างต่อเนื่องทุกสัปดาห์ตลอดปี",
    "องค์กรปกครองส่วนท้องถิ่นสนับสนุนงบประมาณกองทุนหลักประกันสุขภาพระดับท้องถิ่นเพื่อควบคุมโรค",
    "บุคลากรสาธารณสุขและอาสาสมัครสาธารณสุขประจำหมู่บ้านมีทักษะการสำรวจลูกน้ำสอบสวนและควบคุมโรค",
    "ผู้สูงอายุได้รับการดูแลที่บ้านโดยทีมหมอครอบครัวและผู้ดูแลที่ผ่านการอบรมอย่างมีคุณภาพ",
    "ที่ ชื่อ น้ำ ปี่ โรงเรียนและวัดเป็นแกนนำการสื่อสารความเสี่ยงที่มีประสิทธิภาพในชุมชน",
]

_CHECK = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QFontMetricsF, QGuiApplication
app = QGuiApplication([])
from srmtool.export.thai import words
from srmtool.ui.canvas.text import ZWSP, box_fonts, break_lines, thai_layout_text

def inside_word(text, lines, width):
    # a word wider than the whole line may (must) break inside; its inner positions are allowed
    bounds, p = set(), 0
    for w in words(text):
        if metrics.horizontalAdvance(w) > width:
            bounds.update(range(p, p + len(w)))
        p += len(w)
        bounds.add(p)
    bad, p = [], 0
    for line in lines[:-1]:
        p += len(line.replace(ZWSP, ""))
        thai_both_sides = "\u0e00" <= text[p - 1] <= "\u0e7f" and "\u0e00" <= text[p] <= "\u0e7f"
        if thai_both_sides and p not in bounds:
            bad.append(p)
    return bad

font = box_fonts().body
metrics = QFontMetricsF(font)
out = {"marked": [], "raw": [], "lines": 0}
for text in json.loads(sys.argv[1]):
    for width in (204.0, 150.0, 97.0):
        marked = break_lines(thai_layout_text(text), font, width)
        out["lines"] += len(marked)
        out["marked"] += inside_word(text, marked, width)
        out["raw"] += inside_word(text, break_lines(text, font, width), width)
print(json.dumps(out))
"""


def _stub_libthai(folder: Path) -> Path:
    """A shared library named libthai.so.0 that has none of libthai's functions: a copy of the C maths
    library this Python has loaded (any glibc system has it; no compiler needed). Qt looks up libthai's
    functions by name, finds none, and falls back to its own line breaking."""
    maps = Path("/proc/self/maps").read_text()
    libm = re.search(r"(/\S*/libm\.so\.6)$", maps, flags=re.MULTILINE)
    assert libm, "the C maths library is not loaded"
    shutil.copyfile(libm.group(1), folder / "libthai.so.0")
    return folder


def test_no_line_ends_inside_a_thai_word_without_libthai(tmp_path: Path) -> None:
    env = dict(os.environ, LD_LIBRARY_PATH=str(_stub_libthai(tmp_path)))
    result = subprocess.run(
        [sys.executable, "-c", _CHECK, json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["raw"], "libthai was not hidden: Qt broke the raw text between words on its own"
    assert found["lines"] > 2 * len(SENTENCES) * 3
    assert found["marked"] == []


def test_break_marks_keep_the_text(qapp: object) -> None:
    for text in SENTENCES:
        marked = thai_layout_text(text)
        assert ZWSP in marked
        assert marked.replace(ZWSP, "") == text
    assert thai_layout_text("") == ""


def test_wrapped_layout_steps_lines_evenly_and_elides(qapp: object) -> None:
    fonts = box_fonts()
    assert fonts.body.family() == "Sarabun"
    long_text = thai_layout_text("".join(SENTENCES))
    layout = wrapped_layout(long_text, fonts.body, 8.0, 22.0, 204.0, 96.0)
    shown = [layout.lineAt(i) for i in range(layout.lineCount()) if layout.lineAt(i).position().y() >= 0]
    assert len(shown) == int((96.0 - 22.0) // fonts.line_step)
    ys = [line.position().y() for line in shown]
    assert ys == pytest.approx([22.0 + i * fonts.line_step for i in range(len(ys))])
    last = shown[-1]
    text = layout.text()
    assert text[last.textStart() : last.textStart() + last.textLength()].rstrip().endswith("\u2026")
    assert all(line.naturalTextWidth() <= 204.0 + 0.5 for line in shown)
    short = wrapped_layout(thai_layout_text(SENTENCES[3]), fonts.body, 8.0, 22.0, 204.0, 96.0)
    assert "\u2026" not in short.text()
    assert (
        break_lines(thai_layout_text(SENTENCES[3]), fonts.body, 204.0)[-1].replace(ZWSP, "") in SENTENCES[3]
    )


def test_importing_the_canvas_loads_no_segmenter() -> None:
    code = (
        "import sys\n"
        "import srmtool.ui.canvas\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pythainlp', 'nlpo3')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert "srmtool.ui.canvas" in sys.modules

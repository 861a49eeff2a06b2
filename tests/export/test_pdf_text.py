"""PdfText: shaped Thai that copies back exactly, measured widths that match the drawing."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfcheck
import pdfplumber
import pytest

from srmtool.export.fonts import BOLD, REGULAR, register_fonts
from srmtool.export.pdf.text import PdfText, new_canvas

STACKED = "ที่ ชื่อ น้ำ ปี่ ญู ฐุ ปั้น กิ่ง ฟ้า สิ้น ฎีกา ฤๅษี ตู้ กล้วย ผู้ใหญ่บ้าน ก่ำ ต้ำ ญี่ปุ่น ฐิติ ฏุ"
LINES = [
    STACKED,
    "ผู้สูงอายุได้รับการประเมินภาวะพึ่งพิงและมีแผนการดูแลรายบุคคล",
    "ที่ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเห็นชอบแผน",
    "น้ำดื่มสะอาดปลอดภัยในโรงเรียนและศูนย์พัฒนาเด็กเล็ก ปี 2568",
    "ปี่กลองยาวในงานบุญประจำปีรณรงค์งดเหล้าเข้าพรรษา (HI ≤ 10)",
]
PAGE = (842.0, 595.0)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("text") / "ข้อความ.pdf"
    canvas = new_canvas(str(path), PAGE)
    text = PdfText(canvas)
    y = 560.0
    for bold in (False, True):
        for line in LINES:
            text.draw_line(30, y, line, 14, bold=bold)
            y -= text.line_height(14) + 4
    canvas.save()
    return path


def test_shaped_thai_extracts_exactly(sample: Path) -> None:
    got = pdfcheck.raw_lines(sample)
    assert [nfkc(g) for g in got] == [nfkc(line) for line in LINES * 2]


def test_characters_in_stream_order_give_the_text_back(sample: Path) -> None:
    """The ToUnicode fix alone (without ActualText) maps substituted glyphs to their marks."""
    with pdfplumber.open(sample) as pdf:
        joined = "".join(ch["text"] for ch in pdf.pages[0].chars)
    assert "".join(nfkc(line).replace(" ", "") for line in LINES * 2) == joined.replace(" ", "")
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in joined)


def test_only_embedded_sarabun_fonts(sample: Path) -> None:
    rows = pdfcheck.fonts(sample)
    assert {r["name"].split("+")[1] for r in rows} == {"Sarabun-Regular", "Sarabun-Bold"}
    assert all(r["emb"] == "yes" for r in rows)


def test_widths_add_up_and_alignment_uses_them(tmp_path: Path) -> None:
    path = tmp_path / "align.pdf"
    canvas = new_canvas(str(path), PAGE)
    text = PdfText(canvas)
    word = "ผู้ใหญ่บ้านน้ำ"
    width = text.width(word, 20)
    assert width == pytest.approx(sum(text.token_width(t, 20) for t in ("ผู้ใหญ่บ้าน", "น้ำ")), abs=0.5)
    assert text.width(word, 10) == pytest.approx(width / 2)
    assert text.width(word, 20, bold=True) > width
    text.draw_line(400, 500, word, 20, align="right")
    text.draw_line(400, 400, word, 20, align="center")
    text.draw_line(400, 300, word, 20)
    canvas.save()
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    rows: dict[int, list[float]] = {}
    for ch in chars:
        rows.setdefault(round(ch["top"] / 50), []).extend((ch["x0"], ch["x1"]))
    spans = [(min(v), max(v)) for _, v in sorted(rows.items())]
    (r0, r1), (c0, c1), (l0, l1) = spans
    assert r1 == pytest.approx(400, abs=1.5)
    assert (c0 + c1) / 2 == pytest.approx(400, abs=2)
    assert l0 == pytest.approx(400, abs=1.5) and l1 - l0 == pytest.approx(width, abs=2)


def test_wrap_breaks_between_words_within_the_width() -> None:
    text = PdfText(new_canvas("/dev/null", PAGE))
    sentence = "อาสาสมัครสาธารณสุขประจำหมู่บ้านติดตามเยี่ยมบ้านผู้ป่วยติดเตียงและผู้สูงอายุ"
    lines = text.wrap(sentence, 12, 90)
    assert len(lines) > 2 and "".join(lines) == sentence
    assert all(text.width(line, 12) <= 90 for line in lines)
    assert "หมู่บ้าน" in "".join(lines[1:]) and not any(line.endswith("หมู่") for line in lines)


def test_metrics_cover_stacked_marks() -> None:
    text = PdfText(new_canvas("/dev/null", PAGE), font_size_default=16)
    assert text.font_size_default == 16
    assert text.ascent(10) >= 12.2  # ปั้น reaches 1.22 em above the baseline
    assert text.descent(10) >= 3.3  # ญู reaches 0.33 em below
    assert text.line_height(10) > 13
    assert text.block_height(2, 10) == pytest.approx(
        text.ascent(10) + text.descent(10) + text.line_height(10)
    )


def test_fonts_register_once() -> None:
    first = register_fonts()
    assert register_fonts() == first
    assert (first[0].fontName, first[1].fontName) == (REGULAR, BOLD)


def test_the_rule_check_finds_a_rule_through_text(tmp_path: Path) -> None:
    path = tmp_path / "ruled.pdf"
    canvas = new_canvas(str(path), PAGE)
    text = PdfText(canvas)
    text.draw_line(100, 300, "ที่ประชุม", 14)
    text.draw_line(100, 200, "ปั้นน้ำ", 14)
    canvas.line(90, 314, 300, 314)  # through the tone marks of ที่, not the base letters
    canvas.line(60, 150, 60, 250)  # clear of everything
    canvas.save()
    with pdfplumber.open(path) as pdf:
        found = pdfcheck.glyphs_crossing_rules(pdf.pages[0], 1)
    assert found and all(c.rule[1] == pytest.approx(595 - 314, abs=0.1) for c in found)

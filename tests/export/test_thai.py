"""Thai word breaking and wrapping: the rules every printed and drawn line follows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srmtool.export import thai

LONG = (
    "ประชาชนในตำบลมีพฤติกรรมการป้องกันและควบคุมโรคไข้เลือดออกที่ถูกต้องอย่างต่อเนื่องและยั่งยืน"
    "โดยการมีส่วนร่วมของภาคีเครือข่ายทุกภาคส่วนในชุมชนตั้งแต่ระดับครัวเรือนจนถึงระดับอำเภอ"
)


MARKS = set("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F))))


def spacing_width(token: str) -> float:
    """One unit per character that takes room on a line (Thai marks above and below take none)."""
    return float(sum(1 for c in token if c not in MARKS))


def word_ends(text: str, width: float) -> set[int]:
    """Where a line may end: after a word, or anywhere inside a word too wide for any line."""
    ends, at = set(), 0
    for token in thai.words(text):
        if spacing_width(token) > width:
            ends.update(range(at + 1, at + len(token)))
        at += len(token)
        ends.add(at)
    return ends


def test_words_give_the_text_back_and_split_thai_into_words() -> None:
    tokens = thai.words("ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย ในชุมชน KPI ร้อยละ 80")
    assert "".join(tokens) == "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย ในชุมชน KPI ร้อยละ 80"
    assert "ยุงลาย" in tokens and "ชุมชน" in tokens and " " in tokens
    assert "KPI" in tokens


def test_break_marks_only_between_thai_words() -> None:
    marked = thai.with_break_marks("ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย ในชุมชน")
    assert marked.replace(thai.ZWSP, "") == "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย ในชุมชน"
    assert marked.split(thai.ZWSP)[:3] == ["ประชาชน", "จัดการ", "แหล่ง"]
    assert " " + thai.ZWSP not in marked and thai.ZWSP + " " not in marked
    assert thai.with_break_marks("Key route") == "Key route"


@pytest.mark.parametrize("width", [8, 12, 20, 35])
def test_wrap_breaks_only_between_words_and_fills_lines(width: int) -> None:
    lines = thai.wrap(LONG, spacing_width, width)
    assert "".join(lines) == LONG
    ends = word_ends(LONG, width)
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in ends, f"line ends inside a word: {line!r}"
    assert all(spacing_width(line) <= width for line in lines)
    # greedy: the next line's first word would not have fitted
    for line, following in zip(lines, lines[1:], strict=False):
        first = thai.words(following)[0]
        if spacing_width(first) <= width:
            assert spacing_width(line) + spacing_width(first) > width


def test_wrap_keeps_hard_breaks_and_drops_spaces_at_line_ends() -> None:
    lines = thai.wrap("ตัวชี้วัด ร้อยละ 80\n\nกลุ่มเป้าหมาย อสม.", spacing_width, 10)
    assert lines == ["ตัวชี้วัด", "ร้อยละ 80", "", "กลุ่มเป้าหมาย", "อสม."]
    assert all(line == line.strip() for line in lines)
    assert thai.wrap("", spacing_width, 10) == []


def test_a_word_longer_than_a_line_is_cut_between_clusters_never_inside_one() -> None:
    word = "ที่น้ำปี่ชื่อ" * 6
    lines = thai.wrap(word, spacing_width, 5)
    assert "".join(lines) == word
    cluster_ends, at = set(), 0
    for cluster in thai.clusters(word):
        at += len(cluster)
        cluster_ends.add(at)
    at = 0
    for line in lines:
        at += len(line)
        assert at in cluster_ends
        assert spacing_width(line) <= 5


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="กขคงจชดตนบปมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ัำ ", min_size=0, max_size=80),
    st.integers(min_value=2, max_value=30),
)
def test_wrap_never_loses_text(text: str, width: int) -> None:
    lines = thai.wrap(text, spacing_width, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert thai.with_break_marks(text).replace(thai.ZWSP, "") == text
    assert "".join(thai.words(text)) == text


def test_the_segmenter_loads_on_first_use_not_at_import() -> None:
    """The editor imports this module; loading the dictionary at import would slow its start."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "import srmtool.export.thai as thai\n"
        "before = sorted(m for m in sys.modules if m.split('.')[0] in ('pythainlp', 'nlpo3'))\n"
        "thai.words('ยุงลาย')\n"
        "after = sorted(m for m in sys.modules if m.split('.')[0] in ('pythainlp', 'nlpo3'))\n"
        "print(json.dumps([before, after]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    before, after = json.loads(result.stdout)
    assert before == []
    assert after


def test_brackets_and_quotes_stay_with_their_words() -> None:
    """A line never ends with "(" nor starts with ")" or a closing quote."""
    assert thai.words("งบประมาณ (บาท)") == ["งบประมาณ", " ", "(บาท)"]
    assert thai.words("หมู่บ้าน (ร้อยละ 100)")[2] == "(ร้อยละ"
    assert thai.words('"ยุงลาย"ในชุมชน')[0] == '"ยุงลาย"'
    assert thai.words("บ้านๆเมือง")[0] == "บ้านๆ"
    text = "ครัวเรือนปลอดลูกน้ำยุงลาย (ร้อยละ 80) ของหมู่บ้านในเขตรับผิดชอบ"
    for width in range(6, 30):
        for line in thai.wrap(text, spacing_width, width):
            assert not line.endswith("(") and not line.startswith(")")

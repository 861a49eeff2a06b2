"""The Thai translation covers every interface string, keeps placeholders, and ships with the package.

The completeness test runs Qt's lupdate over srmtool/ into a temporary copy of the committed .ts: any
tr()/translate()/QT_TRANSLATE_NOOP string that has no finished Thai translation makes it fail, with
the list of what is missing. Fix: ``bash scripts/update_translations.sh``, then translate the new
entries in resources/translations/srmtool_th.ts.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "srmtool_th.ts"
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d+")

pytestmark = pytest.mark.skipif(not TS.is_file(), reason="needs the source checkout's translations")


def qt_tool(name: str) -> str:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    return str(folder / (f"{name}.exe" if sys.platform == "win32" else name))


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the .ts at ``path``."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def texts(translation: ET.Element) -> list[str]:
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_interface_string_has_a_finished_thai_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "srmtool_th.ts"
    shutil.copy(TS, fresh)
    result = subprocess.run(
        [qt_tool("lupdate"), "-silent", "-extensions", "py", "-no-obsolete", "-locations", "none",
         "-target-language", "th_TH", str(REPO / "srmtool"), "-ts", str(fresh)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    waiting = [
        f"[{context}] {source!r}"
        for context, source, translation in messages(fresh)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts(translation))
    ]
    assert not waiting, "no finished Thai translation (run scripts/update_translations.sh):\n" + "\n".join(
        waiting
    )
    assert len(messages(fresh)) == len(messages(TS)), "the .ts holds strings the code no longer uses"


def test_translations_keep_placeholders_and_are_thai() -> None:
    found = messages(TS)
    assert len(found) > 200
    for context, source, translation in found:
        for text in texts(translation):
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)
            assert text.count("&") == source.count("&"), (context, source, text)  # keep the mnemonic
    thai = [t for _, _, tr in found for t in texts(tr) if re.search("[\u0e00-\u0e7f]", t)]
    assert len(thai) > 0.9 * len(found)
    by_key = {(c, s): texts(t)[0] for c, s, t in found}
    assert by_key[("Actions", "&File")] == "ไฟล์(&F)"
    assert by_key[("MapScene", "Destination")] == "จุดหมายปลายทาง"
    assert by_key[("MainWindow", "Undo")] == "เลิกทำ"


def test_lrelease_accepts_the_translation_as_valid_and_finished(tmp_path: Path) -> None:
    """Qt's own checks: accelerators, place markers, surrounding whitespace, ending punctuation."""
    qm = tmp_path / "t.qm"
    command = [qt_tool("lrelease"), "-fail-on-unfinished", "-fail-on-invalid", str(TS), "-qm", str(qm)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert qm.stat().st_size > 10_000


#: Calls that translate a text held in a variable on purpose: the action table's texts, which
#: QT_TRANSLATE_NOOP marks where they are written, so lupdate still finds them.
MARKED_ELSEWHERE = {
    ("actions.py", "QCoreApplication.translate(CONTEXT, text)"),
    ("actions.py", "translate(spec.text)"),
    ("actions.py", "translate(spec.tip)"),
    ("window.py", "actions.translate(title)"),
    ("window.py", "actions.translate(actions.SUBMENU_TEXT[key])"),
    ("language.py", "translate(ACTIONS[name].text)"),
    ("panel.py", "actions.translate(actions.ACTIONS['remove_row'].text)"),
}


def test_interface_texts_are_written_where_lupdate_can_see_them() -> None:
    """A text passed to tr()/translate() through a variable or a home-made wrapper is invisible to
    lupdate, so it would never be translated and the completeness test above could not notice."""
    hidden = []
    for path in sorted((REPO / "srmtool" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            texts = node.args[:1] if name == "tr" else node.args[:2] if name == "translate" else None
            if texts is None:
                continue
            literal = bool(texts) and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts
            )
            if not literal and (path.name, ast.unparse(node)) not in MARKED_ELSEWHERE:
                hidden.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}")
    assert not hidden, "texts lupdate cannot see:\n" + "\n".join(hidden)

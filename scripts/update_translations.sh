#!/usr/bin/env bash
# Refresh the Thai interface translation after interface strings changed:
#   bash scripts/update_translations.sh
# 1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string in srmtool/ into
#    resources/translations/srmtool_th.ts (strings no longer in the code are dropped);
# 2. it lists the entries still waiting for a Thai translation (translate them in the .ts, by hand or
#    with pyside6-linguist, and remove type="unfinished");
# 3. pyside6-lrelease compiles the .qm next to the .ts, which an editable install (pip install -e .)
#    loads; a normal `pip install .` compiles its own copy in the build (setup.py).
# Uses the PySide6 tools on PATH, else those of .venv. tests/test_translations.py fails while any
# string lacks a finished translation.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

tool() {
    if command -v "pyside6-$1" >/dev/null 2>&1; then
        command -v "pyside6-$1"
    elif [ -x "$REPO/.venv/bin/pyside6-$1" ]; then
        echo "$REPO/.venv/bin/pyside6-$1"
    else
        echo "srmtool: pyside6-$1 not found; install PySide6-Essentials (bash scripts/test.sh makes .venv)" >&2
        exit 2
    fi
}

LUPDATE="$(tool lupdate)"
LRELEASE="$(tool lrelease)"
TS=resources/translations/srmtool_th.ts
"$LUPDATE" -silent -extensions py -no-obsolete -locations none -target-language th_TH srmtool -ts "$TS"

# The entries without a finished translation: context and source text.
python3 - "$TS" <<'PY'
import sys
import xml.etree.ElementTree as ET

waiting = []
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            waiting.append(f"  [{name}] {message.findtext('source')!r}")
print(f"srmtool: {len(waiting)} string(s) waiting for a Thai translation in {sys.argv[1]}", file=sys.stderr)
print("\n".join(waiting), file=sys.stderr)
PY

"$LRELEASE" -silent "$TS" -qm "${TS%.ts}.qm"

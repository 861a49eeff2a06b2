#!/usr/bin/env bash
# Test the bundled program against the installed one: same commands, same outputs.
#   bash scripts/bundle_smoke.sh [APP_FOLDER]
# APP_FOLDER defaults to dist/srmtool (made by scripts/bundle.sh); the installed program it is compared
# with is the one the bundle was frozen from, .venv-bundle/bin/srmtool (SRMTOOL_INSTALLED overrides it).
# Takes a minute or two; not part of the test suite.
#
# The bundle is copied to a temporary folder first (it must not depend on where it was built). Every
# command of both programs runs in an empty environment: no Python on PATH (PATH is an empty folder),
# no venv, a fresh HOME, LANG=C.UTF-8, no network (its own network namespace, when `unshare` can make
# one). For each command the standard output, standard error and exit status must be the same, and
# so must the files written:
#   --version, --help; check (plain, --json, Thai, a broken file); info; new;
#   export to PDF (pdffonts: Sarabun embedded; pdftotext -raw: the same text, ที่ and น้ำ intact; every
#   page rendered: the same pixels), Excel (every part but the timestamps), PNG (the same pixels), SVG;
#   import of the exported workbook (the same map and report), and of a file that is not a workbook;
#   the editor without a display (its message), and the editor window under Xvfb (display :15, or
#   SRMTOOL_SMOKE_DISPLAY): the map, then presentation mode (F5), then the Export as PDF dialog
#   (Ctrl+P), each screenshot compared, then Quit (Ctrl+Q) and its exit status.
# It also checks that every module of the installed srmtool is inside the bundle.
# Screenshots and outputs stay in the folder it prints at the end. Exit status 0 when all is the same.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO"

APP_SOURCE="$(cd "${1:-$REPO/dist/srmtool}" && pwd)"
INSTALLED="${SRMTOOL_INSTALLED:-$REPO/.venv-bundle/bin/srmtool}"
DISPLAY_NUMBER="${SRMTOOL_SMOKE_DISPLAY:-15}"
[ -x "$APP_SOURCE/srmtool" ] || die "no bundled program at $APP_SOURCE/srmtool: run scripts/bundle.sh first"
[ -x "$INSTALLED" ] || die "no installed program at $INSTALLED: run scripts/bundle.sh first"
for tool in pdffonts pdftotext pdftoppm compare import xdotool Xvfb openbox unzip; do
    have "$tool" || die "the smoke test needs $tool (poppler-utils, imagemagick, xdotool, xvfb, openbox, unzip)"
done

WORK="$(mktemp -d /tmp/srmtool-smoke.XXXXXX)"
started_pids=()
cleanup() {
    local pid
    for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

say "copying the bundle to $WORK/app"
cp -a "$APP_SOURCE" "$WORK/app"
BUNDLED="$WORK/app/srmtool"
mkdir -p "$WORK/empty-path" "$WORK/installed" "$WORK/bundled"
for who in installed bundled; do
    cp resources/examples/dengue_tambon.srm resources/examples/district_ncd.srm "$WORK/$who/"
    printf '{"format": "srmtool-map", "version": 1, "objectives": [' >"$WORK/$who/broken.srm"
    printf 'not a workbook' >"$WORK/$who/notes.xlsx"
done

no_network=()
if unshare --net true 2>/dev/null; then
    no_network=(unshare --net --)
else
    say "cannot make a network namespace here: running with the network"
fi

failures=0
checks=0
fail() {
    failures=$((failures + 1))
    say "DIFFERENT: $*"
}
ok() { say "same: $*"; }

# program WHO: the program to run for WHO (installed or bundled).
program() { if [ "$1" = bundled ]; then echo "$BUNDLED"; else echo "$INSTALLED"; fi; }

# run WHO NAME [VAR=VALUE...] -- ARGS...: run WHO's srmtool in its folder with an empty environment
# and a fresh HOME; keeps NAME.out, NAME.err and NAME.rc there.
run() {
    local who="$1" name="$2" home
    shift 2
    local extra=()
    while [ "$1" != "--" ]; do
        extra+=("$1")
        shift
    done
    shift
    home="$(mktemp -d "$WORK/home.XXXXXX")"
    local status=0
    (cd "$WORK/$who" && "${no_network[@]}" env -i HOME="$home" PATH="$WORK/empty-path" LANG=C.UTF-8 \
        "${extra[@]}" "$(program "$who")" "$@" >"$name.out" 2>"$name.err" </dev/null) || status=$?
    echo "$status" >"$WORK/$who/$name.rc"
}

# same_run NAME [VAR=VALUE...] -- ARGS...: run both programs; their output and status must be the same
# (except for lines matching $IGNORE, when set).
same_run() {
    local name="$1"
    shift
    checks=$((checks + 1))
    run installed "$name" "$@"
    run bundled "$name" "$@"
    local what
    for what in out err rc; do
        if ! cmp -s <(grep -v -E "${IGNORE:-^\b$}" "$WORK/installed/$name.$what") \
            <(grep -v -E "${IGNORE:-^\b$}" "$WORK/bundled/$name.$what"); then
            fail "$name ($what)"
            diff "$WORK/installed/$name.$what" "$WORK/bundled/$name.$what" | head -n 20 >&2 || true
            return 0
        fi
    done
    ok "$name (exit status $(cat "$WORK/bundled/$name.rc"))"
}

# expect NAME STATUS: WHO's run NAME ended with STATUS, for both.
expect() {
    checks=$((checks + 1))
    if [ "$(cat "$WORK/bundled/$1.rc")" = "$2" ]; then ok "$1 exits with $2"; else fail "$1 exited with $(cat "$WORK/bundled/$1.rc"), not $2"; fi
}

# same_file NAME FILE: FILE written by both programs has the same bytes.
same_file() {
    checks=$((checks + 1))
    if cmp -s "$WORK/installed/$2" "$WORK/bundled/$2"; then ok "$1"; else fail "$1: $2 differs"; fi
}

# same_pixels NAME A B [FUZZ]: two pictures with the same pixels (within FUZZ percent per pixel).
same_pixels() {
    local differing
    differing="$(compare -metric AE -fuzz "${4:-0}%" "$2" "$3" null: 2>&1 || true)"
    [ "$differing" = "0" ] || { echo "$1: $differing pixels differ" >&2; return 1; }
}

# written FILE: both programs wrote FILE (else a failure is counted and the checks of FILE skipped).
written() {
    [ -s "$WORK/installed/$1" ] && [ -s "$WORK/bundled/$1" ] && return 0
    checks=$((checks + 1))
    fail "$1 was not written by both programs"
    return 1
}

# map_text FILE: a map without the times it was created and modified.
map_text() { grep -v -E '^\s*"(created|modified)":' "$1"; }

# ---- the modules ---------------------------------------------------------------------------------
checks=$((checks + 1))
"$REPO/.venv-bundle/bin/python" - >"$WORK/modules-installed.txt" <<'EOF'
import pkgutil, srmtool
# srmtool.__main__ is `python -m srmtool`; the app's door is packaging/srmtool_entry.py.
names = ["srmtool"] + [m.name for m in pkgutil.walk_packages(srmtool.__path__, "srmtool.")]
names = [name for name in names if name != "srmtool.__main__"]
print("\n".join(sorted(names)))
EOF
"$REPO/.venv-bundle/bin/pyi-archive_viewer" -r -b "$BUNDLED" 2>/dev/null | awk '$1 ~ /^srmtool(\.|$)/ { print $1 }' \
    | sort -u >"$WORK/modules-bundled.txt"
missing="$(comm -23 "$WORK/modules-installed.txt" "$WORK/modules-bundled.txt")"
if [ -z "$missing" ]; then
    ok "all $(wc -l <"$WORK/modules-installed.txt") modules of srmtool are in the bundle"
else
    fail "modules missing from the bundle: $(echo "$missing" | tr '\n' ' ')"
fi

# ---- the command line ----------------------------------------------------------------------------
same_run version -- --version
checks=$((checks + 1))
grep -qx "srmtool [0-9.]*" "$WORK/bundled/version.out" && ok "--version prints the version" \
    || fail "--version printed: $(cat "$WORK/bundled/version.out")"
same_run help -- --help
same_run help-th -- --lang th export --help
same_run check -- check dengue_tambon.srm district_ncd.srm
same_run check-json -- check --json dengue_tambon.srm district_ncd.srm
same_run check-th -- --lang th check district_ncd.srm
same_run check-broken -- check broken.srm
expect check 0
expect check-broken 2
same_run info -- info dengue_tambon.srm
same_run info-th -- --lang th info district_ncd.srm
same_run new -- new fresh.srm --template action_plan --title "แผนปฏิบัติการ ตำบลบ้านนา"
checks=$((checks + 1))
if written fresh.srm && cmp -s <(map_text "$WORK/installed/fresh.srm") <(map_text "$WORK/bundled/fresh.srm"); then
    ok "new: the same map"
else
    fail "new: fresh.srm differs"
fi
same_run no-display -- district_ncd.srm

same_run export -- export district_ncd.srm --pdf district.pdf --xlsx district.xlsx --png district.png \
    --svg district.svg
same_run export-a3 -- export dengue_tambon.srm --pdf a3.pdf --paper A3 --thai-digits \
    --signature ผู้เสนอแผน "นางสาวสมใจ ใจดี" "ผอ.รพ.สต.บ้านนา"
# reportlab's invariant mode fixes the PDF's dates and id: then the two PDFs are the same bytes.
same_run export-invariant RL_invariant=1 -- export district_ncd.srm --pdf invariant.pdf
same_file "invariant.pdf: the same bytes" invariant.pdf
same_run export-nowhere -- export dengue_tambon.srm --pdf missing/folder/x.pdf
expect export 0
expect export-a3 0
expect export-nowhere 2

# Which shared libraries the bundled export loads (the dynamic loader says, LD_DEBUG): the segmenter's
# and the shaper's compiled modules from inside the app, and nothing from a Python installation.
checks=$((checks + 1))
mkdir -p "$WORK/loaded"
run bundled export-loaded LD_DEBUG=files LD_DEBUG_OUTPUT="$WORK/loaded/ld" -- \
    export dengue_tambon.srm --pdf loaded.pdf --png loaded.png
loaded="$(grep -ho 'file=/[^ ]*' "$WORK"/loaded/ld.* | cut -d= -f2 | sort -u)"
outside="$(grep -v -e "^$WORK/app/" -e '^/lib' -e '^/usr/lib' <<<"$loaded" || true)"
if [ "$(cat "$WORK/bundled/export-loaded.rc")" != 0 ]; then
    fail "export with LD_DEBUG: exit status $(cat "$WORK/bundled/export-loaded.rc")"
elif ! grep -q "^$WORK/app/_internal/nlpo3/" <<<"$loaded"; then
    fail "the bundled export did not load the nlpo3 segmenter"
elif ! grep -q "^$WORK/app/_internal/uharfbuzz/" <<<"$loaded"; then
    fail "the bundled export did not load the HarfBuzz shaper"
elif [ -n "$outside" ]; then
    fail "the bundled export loaded libraries from outside the app: $(tr '\n' ' ' <<<"$outside")"
else
    ok "the export loads nlpo3, uharfbuzz and Qt from the app, $(wc -l <<<"$loaded") libraries, none from elsewhere"
fi

for pdf in district.pdf a3.pdf; do
    written "$pdf" || continue
    checks=$((checks + 1))
    fonts="$(pdffonts "$WORK/bundled/$pdf")"
    if grep -Eq 'Sarabun-Regular +TrueType +[^ ]+ +yes +yes +yes' <<<"$fonts" \
        && [ "$fonts" = "$(pdffonts "$WORK/installed/$pdf")" ]; then
        ok "$pdf: Sarabun embedded, the same fonts"
    else
        fail "$pdf: fonts"
        echo "$fonts" >&2
    fi
    checks=$((checks + 1))
    pdftotext -raw "$WORK/bundled/$pdf" "$WORK/bundled/$pdf.txt"
    pdftotext -raw "$WORK/installed/$pdf" "$WORK/installed/$pdf.txt"
    if ! cmp -s "$WORK/installed/$pdf.txt" "$WORK/bundled/$pdf.txt"; then
        fail "$pdf: the text differs"
        diff "$WORK/installed/$pdf.txt" "$WORK/bundled/$pdf.txt" | head -n 10 >&2 || true
    elif ! grep -q "ที่" "$WORK/bundled/$pdf.txt"; then
        fail "$pdf: ที่ did not survive"
    else
        ok "$pdf: the same text, with ที่ intact"
    fi
    checks=$((checks + 1))
    pdftoppm -r 40 -png "$WORK/installed/$pdf" "$WORK/installed/${pdf%.pdf}-page"
    pdftoppm -r 40 -png "$WORK/bundled/$pdf" "$WORK/bundled/${pdf%.pdf}-page"
    pages=0
    drawn=true
    for page in "$WORK/installed/${pdf%.pdf}-page"-*.png; do
        pages=$((pages + 1))
        other="$WORK/bundled/$(basename "$page")"
        [ -f "$other" ] && same_pixels "$pdf page $pages" "$page" "$other" || drawn=false
    done
    bundled_pages="$(find "$WORK/bundled" -name "${pdf%.pdf}-page-*.png" | wc -l)"
    if $drawn && [ "$pages" = "$bundled_pages" ]; then
        ok "$pdf: all $pages pages drawn the same"
    else
        fail "$pdf: the pages are drawn differently ($pages and $bundled_pages pages)"
    fi
done
checks=$((checks + 1))
grep -qs "น้ำ" "$WORK/bundled/district.pdf.txt" && ok "district.pdf: น้ำ intact" || fail "district.pdf: no น้ำ"

written district.xlsx && {
checks=$((checks + 1))
for who in installed bundled; do unzip -q -o -d "$WORK/$who/district-xlsx" "$WORK/$who/district.xlsx"; done
# docProps/core.xml holds the times the workbook was made.
if diff -r -x core.xml "$WORK/installed/district-xlsx" "$WORK/bundled/district-xlsx" >&2; then
    ok "district.xlsx: the same $(find "$WORK/bundled/district-xlsx" -type f | wc -l) parts"
else
    fail "district.xlsx"
fi
}
checks=$((checks + 1))
if same_pixels district.png "$WORK/installed/district.png" "$WORK/bundled/district.png"; then
    ok "district.png: the same pixels"
else
    fail "district.png"
fi
same_file "district.svg: the same drawing" district.svg

same_run import -- import district.xlsx -o imported.srm
checks=$((checks + 1))
if written imported.srm && cmp -s <(map_text "$WORK/installed/imported.srm") <(map_text "$WORK/bundled/imported.srm"); then
    ok "import: the same map"
else
    fail "import: imported.srm differs"
fi
IGNORE='^(Created|Modified) ' same_run import-info -- info imported.srm
same_run import-refused -- import notes.xlsx -o refused.srm
expect import 0
expect import-refused 2

# ---- the window ----------------------------------------------------------------------------------
DISPLAY_NAME=":$DISPLAY_NUMBER"
if ! DISPLAY="$DISPLAY_NAME" xdotool getmouselocation >/dev/null 2>&1; then
    say "starting Xvfb on $DISPLAY_NAME"
    Xvfb "$DISPLAY_NAME" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    started_pids+=("$!")
    for _ in $(seq 50); do
        DISPLAY="$DISPLAY_NAME" xdotool getmouselocation >/dev/null 2>&1 && break
        sleep 0.1
    done
    DISPLAY="$DISPLAY_NAME" openbox >"$WORK/openbox.log" 2>&1 &
    started_pids+=("$!")
    sleep 1
fi

# shot FILE: the screen once it has stopped changing (at most about 20 s).
shot() {
    local previous="$1.previous.png" _
    DISPLAY="$DISPLAY_NAME" import -window root "$previous"
    for _ in $(seq 20); do
        sleep 1
        DISPLAY="$DISPLAY_NAME" import -window root "$1"
        same_pixels settle "$previous" "$1" 2>/dev/null && break
        mv "$1" "$previous"
    done
    [ -f "$1" ] || mv "$previous" "$1"
    rm -f "$previous"
}

# window WHO: open the district map in WHO's editor, take the screenshots, quit. Both run in the same
# folder, whose name the export dialog shows.
mkdir -p "$WORK/window"
cp resources/examples/district_ncd.srm "$WORK/window/"
window() {
    local who="$1" home pid status=0 wid
    home="$(mktemp -d "$WORK/home.XXXXXX")"
    (cd "$WORK/window" && exec "${no_network[@]}" env -i HOME="$home" PATH="$WORK/empty-path" LANG=C.UTF-8 \
        DISPLAY="$DISPLAY_NAME" QT_QPA_PLATFORM=xcb "$(program "$who")" --lang th district_ncd.srm \
        >"$WORK/$who/window.out" 2>"$WORK/$who/window.err" </dev/null) &
    pid=$!
    wid="$(DISPLAY="$DISPLAY_NAME" timeout 60 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -n 1)" || true
    if [ -z "$wid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" || true
        echo "no window" >"$WORK/$who/window.rc"
        return 0
    fi
    shot "$WORK/$who/window-map.png"
    DISPLAY="$DISPLAY_NAME" xdotool windowactivate --sync "$wid" key F5
    shot "$WORK/$who/window-present.png"
    DISPLAY="$DISPLAY_NAME" xdotool key Escape
    sleep 1
    DISPLAY="$DISPLAY_NAME" xdotool key ctrl+p
    shot "$WORK/$who/window-export.png"
    DISPLAY="$DISPLAY_NAME" xdotool key Escape
    sleep 1
    DISPLAY="$DISPLAY_NAME" xdotool windowactivate --sync "$wid" key ctrl+q
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pid" 2>/dev/null && echo "did not quit" >&2
    wait "$pid" || status=$?
    echo "$status" >"$WORK/$who/window.rc"
}

checks=$((checks + 1))
window installed
window bundled
window_same=true
for what in out err rc; do
    cmp -s "$WORK/installed/window.$what" "$WORK/bundled/window.$what" || {
        window_same=false
        echo "window.$what:" >&2
        diff "$WORK/installed/window.$what" "$WORK/bundled/window.$what" | head -n 20 >&2 || true
    }
done
if [ "$(cat "$WORK/bundled/window.rc")" != 0 ]; then
    fail "the window did not open and quit normally: $(cat "$WORK/bundled/window.rc")"
elif ! $window_same; then
    fail "the window's output or exit status"
else
    ok "the window opened, presented, showed the export dialog and quit (exit status 0)"
fi
for picture in window-map window-present window-export; do
    checks=$((checks + 1))
    if [ -f "$WORK/bundled/$picture.png" ] && [ -f "$WORK/installed/$picture.png" ] \
        && same_pixels "$picture" "$WORK/installed/$picture.png" "$WORK/bundled/$picture.png"; then
        ok "$picture: the same screen ($WORK/bundled/$picture.png)"
    else
        fail "$picture: the screens differ (compare $WORK/installed/$picture.png with $WORK/bundled/$picture.png)"
    fi
done

say "$checks checks, $failures different; outputs and screenshots in $WORK"
[ "$failures" = 0 ]

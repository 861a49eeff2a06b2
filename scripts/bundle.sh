#!/usr/bin/env bash
# Build srmtool as a self-contained application folder, dist/srmtool/ (run dist/srmtool/srmtool), that
# needs no Python on the computer it runs on:
#   bash scripts/bundle.sh
# Works from a clean checkout on Debian/Ubuntu with Python 3.11+. It installs srmtool with the `bundle`
# extra (PyInstaller) into its own build environment, .venv-bundle (never the test .venv: the bundle
# must hold what pyproject.toml asks for and nothing a developer's tools happened to add), then freezes
# the INSTALLED package with the one recipe, packaging/srmtool.spec. Test the result with
# scripts/bundle_smoke.sh. The same recipe builds on Windows (.github/workflows/bundle.yml).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO"

VENV="$REPO/.venv-bundle"
DIST="$REPO/dist"
WORK="$REPO/build/pyinstaller"
APP="$DIST/srmtool"

started=$SECONDS
ensure_venv
say "installing srmtool with PyInstaller into $VENV"
pip_install --quiet ".[bundle]"
# PyInstaller copies the libraries Qt's window plugin links to from the system: they must be there.
ensure_qt_libs xcb || die "the window's system libraries are missing: the bundle would not open a window"

rm -rf "$APP"
mkdir -p "$WORK"
say "freezing the installed package with packaging/srmtool.spec (log: build/pyinstaller/build.log)"
# From an empty folder, so that nothing but the installed package can be found and frozen.
if ! (cd "$WORK" && unset PYTHONPATH && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$REPO/packaging/srmtool.spec") >"$WORK/build.log" 2>&1; then
    tail -n 40 "$WORK/build.log" >&2
    die "PyInstaller failed"
fi
grep 'srmtool.spec:' "$WORK/build.log" | cut -c1-300 >&2 || true

# What the program needs at run time must be inside the folder.
internal="$APP/_internal"
for need in \
    srmtool \
    _internal/srmtool/resources/translations/srmtool_th.qm \
    _internal/srmtool/resources/examples/dengue_tambon.srm \
    _internal/srmtool/resources/templates/mini_slm_11.json \
    _internal/fontpkg_sarabun/files/Sarabun-Regular.ttf \
    _internal/fontpkg_sarabun/files/Sarabun-Bold.ttf \
    _internal/fontpkg_sarabun/LICENSE \
    _internal/pythainlp/corpus/words_th.txt \
    _internal/pythainlp/corpus/syllables_th.txt \
    _internal/PySide6/Qt/plugins/platforms/libqxcb.so \
    _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so; do
    [ -e "$APP/$need" ] || die "the bundle lacks $need"
done
ls "$internal"/nlpo3/*.so >/dev/null 2>&1 || die "the bundle lacks the nlpo3 segmenter's compiled module"
"$APP/srmtool" --version >/dev/null || die "the bundled program does not start"

say "built $APP in $((SECONDS - started)) s: $(du -sh "$APP" | cut -f1) in $(find "$APP" -type f | wc -l) files"
say "largest parts:"
du -sk "$internal"/* "$APP/srmtool" | sort -rn | head -n 8 \
    | awk -v app="$APP/" '{ sub(app, "", $2); printf "  %6.1f MB  %s\n", $1 / 1024, $2 }' >&2
say "test it with:  bash scripts/bundle_smoke.sh"

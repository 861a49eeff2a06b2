# shellcheck shell=bash
# Shared steps of scripts/run.sh and scripts/test.sh (sourced, not run).
#
# Both scripts must work on a fresh Debian or Ubuntu machine that has only Python 3.11+: they create the
# repository's own .venv, install what is missing, and when a system package is needed they install it
# with apt-get if they run as root, or print the exact apt-get command otherwise.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"

say() { printf 'srmtool: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

is_root() { [ "$(id -u)" = "0" ]; }
have() { command -v "$1" >/dev/null 2>&1; }

# apt_install PKG...: install Debian packages when root; otherwise print the command and return 1.
apt_install() {
    if ! have apt-get; then
        say "these system packages are needed (Debian/Ubuntu names): $*"
        return 1
    fi
    if ! is_root; then
        say "please run:  sudo apt-get install -y $*"
        return 1
    fi
    say "installing system packages: $*"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet; refresh once if the first attempt fails.
    if ! apt-get install -y --no-install-recommends "$@" </dev/null; then
        apt-get update </dev/null && apt-get install -y --no-install-recommends "$@" </dev/null
    fi
}

# new_enough PYTHON: true when PYTHON is 3.11 or newer.
new_enough() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; }

# find_python: print a Python 3.11+ interpreter (honours $PYTHON), or fail with a clear message.
find_python() {
    local cand
    for cand in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        if [ -z "$cand" ] || ! have "$cand"; then continue; fi
        if new_enough "$cand"; then
            command -v "$cand"
            return 0
        fi
    done
    die "Python 3.11 or newer is needed (on Debian/Ubuntu: sudo apt-get install -y python3 python3-venv)"
}

# ensure_venv: make $VENV a working virtual environment with pip, creating it when missing or broken.
ensure_venv() {
    if [ -x "$VENV/bin/python" ] \
        && new_enough "$VENV/bin/python" \
        && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    local py ver
    py="$(find_python)"
    ver="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    rm -rf "$VENV"
    say "creating $VENV with $py (Python $ver)"
    if ! "$py" -m venv "$VENV" >/dev/null 2>&1; then
        # Debian and Ubuntu ship venv's ensurepip in a separate package.
        rm -rf "$VENV"
        say "Python's venv module cannot create environments here: the package python3-venv is missing"
        apt_install python3-venv "python$ver-venv" || apt_install python3-venv \
            || die "install it with:  sudo apt-get install -y python3-venv   then run this script again"
        "$py" -m venv "$VENV" || die "could not create $VENV with $py"
    fi
}

# pip_install ARGS...: pip inside the venv, quiet about its own version.
pip_install() {
    # setuptools copies build/lib into the wheel as it finds it: a module renamed or removed since the
    # last install would come back from there, so the folder goes first.
    rm -rf "$REPO/build"
    "$VENV/bin/python" -m pip install --disable-pip-version-check "$@"
}

# pyside_dir: the installed PySide6 package folder.
pyside_dir() {
    "$VENV/bin/python" - <<'EOF'
import importlib.util, os
spec = importlib.util.find_spec("PySide6")
print(os.path.dirname(spec.origin) if spec and spec.origin else "")
EOF
}

# missing_libs FILE...: shared libraries that FILEs need and the system lacks (one per line).
missing_libs() {
    local dir
    dir="$(pyside_dir)"
    [ -n "$dir" ] || return 0
    have ldd || return 0
    local f
    for f in "$@"; do
        [ -e "$dir/$f" ] && LD_LIBRARY_PATH="$dir/Qt/lib" ldd "$dir/$f" 2>/dev/null
    done | awk '/not found/ {print $1}' | sort -u
}

# Debian packages behind the libraries PySide6's QtCore/QtGui/QtWidgets and the offscreen platform
# plugin load (found with ldd on the installed .so files and dpkg -S on Debian 12).
QT_OFFSCREEN_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6)
QT_OFFSCREEN_FILES=(QtCore.abi3.so QtGui.abi3.so QtWidgets.abi3.so QtSvg.abi3.so QtPrintSupport.abi3.so
    QtTest.abi3.so Qt/plugins/platforms/libqoffscreen.so)

# ... and the extra ones a real window (Qt's xcb platform plugin) needs.
QT_XCB_PACKAGES=(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1
    libxcb-shm0 libxcb-render0 libx11-xcb1)
QT_XCB_FILES=(Qt/plugins/platforms/libqxcb.so Qt/lib/libQt6XcbQpa.so.6)

# ensure_qt_libs offscreen|xcb: install (root) or name (not root) the system libraries Qt lacks.
ensure_qt_libs() {
    local missing packages files
    files=("${QT_OFFSCREEN_FILES[@]}")
    packages=("${QT_OFFSCREEN_PACKAGES[@]}")
    if [ "$1" = "xcb" ]; then
        files+=("${QT_XCB_FILES[@]}")
        packages+=("${QT_XCB_PACKAGES[@]}")
    fi
    missing="$(missing_libs "${files[@]}")"
    [ -z "$missing" ] && return 0
    say "Qt needs system libraries that are missing: $(echo "$missing" | tr '\n' ' ')"
    apt_install "${packages[@]}" || return 1
    missing="$(missing_libs "${files[@]}")"
    [ -z "$missing" ] || say "still missing after the install: $(echo "$missing" | tr '\n' ' ')"
}

# ensure_test_tools: the programs the PDF tests read PDFs with (pdftotext, pdffonts, pdftoppm from
# poppler-utils). srmtool itself never needs them; install (root) or name (not root) them.
ensure_test_tools() {
    have pdftotext && have pdffonts && have pdftoppm && return 0
    say "the PDF tests need poppler-utils (pdftotext, pdffonts, pdftoppm)"
    apt_install poppler-utils
}

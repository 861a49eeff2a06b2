#!/usr/bin/env bash
# Install srmtool into .venv and run it, on a fresh Debian/Ubuntu machine with Python 3.11+:
#   bash scripts/run.sh [FILE] [MORE SRMTOOL ARGUMENTS...]
# Without arguments it opens the example map resources/examples/dengue_tambon.srm. The system libraries
# Qt needs for a real window are installed when run as root; otherwise the apt-get command is printed.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO"

ensure_venv
say "installing srmtool into $VENV"
pip_install --quiet .
ensure_qt_libs xcb || say "continuing: the editor window will need those libraries"

if [ "$#" -eq 0 ]; then
    set -- "$REPO/resources/examples/dengue_tambon.srm"
fi
exec "$VENV/bin/srmtool" "$@"

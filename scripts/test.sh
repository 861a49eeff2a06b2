#!/usr/bin/env bash
# Run the whole test suite the way CI does, on a fresh Debian/Ubuntu machine with Python 3.11+:
#   bash scripts/test.sh [PYTEST ARGS...]
# Creates .venv if needed, installs the project with its test extras as a real (non-editable) install so
# the tests prove the bundled resources are found after `pip install`, installs the system libraries Qt
# needs offscreen and poppler-utils for the PDF tests (as root; otherwise prints the apt-get command),
# and exits with pytest's status.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO"

started=$SECONDS
ensure_venv
say "installing srmtool and its test dependencies into $VENV"
pip_install --quiet ".[test]"
ensure_qt_libs offscreen || say "continuing without them: the Qt tests will fail"
ensure_test_tools || say "continuing without them: the PDF tests will fail"

export QT_QPA_PLATFORM=offscreen
# The tests must exercise the installed copy, not the source folder: never put the repository on sys.path.
unset PYTHONPATH
where="$(cd / && "$VENV/bin/python" -c 'import srmtool; print(srmtool.__file__)')"
say "testing the installed package at $where (setup took $((SECONDS - started)) s)"
case "$where" in
    "$REPO/srmtool/"*) die "srmtool is imported from the source folder, not from the installed package" ;;
esac

status=0
"$VENV/bin/pytest" "$@" || status=$?
say "pytest exited with status $status after $((SECONDS - started)) s in all"
exit "$status"

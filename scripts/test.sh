#!/usr/bin/env bash
# Run the checks and the whole test suite the way CI does, on a fresh Debian/Ubuntu machine with
# Python 3.11+:
#   bash scripts/test.sh [PYTEST ARGS...]
# Creates .venv if needed, installs the project with its test and check extras as a real (non-editable)
# install so the tests prove the bundled resources are found after `pip install`, installs the system
# libraries Qt needs offscreen and poppler-utils for the PDF tests (as root; otherwise prints the
# apt-get command), runs ruff, ruff format --check and mypy, then pytest. Exits with pytest's status,
# or 1 when only a check failed.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO"

started=$SECONDS
ensure_venv
say "installing srmtool and its test and check tools into $VENV"
pip_install --quiet ".[test,dev]"
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

# The habits CI holds the code to, before the tests: lint, format and types (settings in pyproject.toml).
failed_checks=()
check() {
    say "checking: $*"
    "$VENV/bin/$1" "${@:2}" || failed_checks+=("$*")
}
check ruff check .
check ruff format --check .
check mypy

status=0
"$VENV/bin/pytest" "$@" || status=$?
say "pytest exited with status $status after $((SECONDS - started)) s in all"
if [ "${#failed_checks[@]}" -gt 0 ]; then
    say "these checks failed: $(printf '[%s] ' "${failed_checks[@]}")"
    [ "$status" -ne 0 ] || status=1
fi
exit "$status"

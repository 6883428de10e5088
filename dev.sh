#!/usr/bin/env bash
# One entry point for a fresh clone:
#   ./dev.sh serve   set everything up, build the site and serve it on http://127.0.0.1:8000
#   ./dev.sh test    set everything up and run every check (ruff, mypy, pytest incl. the
#                    strict site build and the browser test)
#   ./dev.sh build   set everything up and build the static site into site/
set -euo pipefail
export NO_MKDOCS_2_WARNING=1
cd "$(dirname "$0")"
VENV=${NEWSBRIEF_VENV:-.venv}
PY=${PYTHON:-python3}

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[$1]"
}

browser() {
  # The browser test drives Debian's Chromium; never a downloaded browser build.
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's chromium for the browser test..." >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "note: /usr/bin/chromium is missing (apt-get install chromium); the browser test will be skipped" >&2
    fi
  fi
}

case "${1:-}" in
  serve)
    setup test
    # --dirty: after an edit MkDocs renders only the pages the generator rewrote (the nav is
    # fixed, so no other page changes); see README, "Rebuilding quickly".
    exec "$VENV/bin/mkdocs" serve --dirty -a "${NEWSBRIEF_ADDR:-127.0.0.1:8000}"
    ;;
  build)
    setup test
    exec "$VENV/bin/mkdocs" build --strict
    ;;
  test)
    setup test
    browser
    "$VENV/bin/ruff" check generator tests bench
    "$VENV/bin/mypy"
    shift
    exec "$VENV/bin/pytest" "$@"
    ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

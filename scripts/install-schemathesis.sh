#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer the end-to-end suite runs against the webhook API) in
# its own virtual environment outside the repository, when it is missing, and prints the path of
# its `st` executable. Pinned, so that a fuzzing run means the same thing on every machine.
set -euo pipefail

version="4.32.5"
venv="${SCHEMATHESIS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/lead-processor/schemathesis-$version}"
st="$venv/bin/st"

if [ -x "$st" ] && "$st" --version 2>/dev/null | grep -q "$version"; then
  echo "$st"
  exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "schemathesis needs python3 (3.9 or later)." >&2; exit 1; }
echo "Installing schemathesis $version into $venv (a minute the first time)..." >&2
rm -rf "$venv"
python3 -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$version" >&2
"$st" --version >&2
echo "$st"

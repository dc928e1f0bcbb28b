#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine:
#   1. a real Compose parser accepts it (docker compose / docker-compose `config`), with the
#      required variables given dummy values and .env.example as the env file;
#   2. scripts/check_compose.py checks it against the applications' real configuration: every
#      variable given to webhook-api and worker is one they read, every port matches, .env.example
#      names every variable, the worker can be scaled (the search attributes the set-up creates are
#      checked by NamesInScriptsTest in the workflows module).
# Usage: bash scripts/check-compose.sh   (installs Debian's docker-compose and PyYAML if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== Installing docker-compose (Debian) to parse the Compose file"
    apt-get update -qq >/dev/null && apt-get install -y -qq docker-compose >/dev/null
  else
    echo "check-compose: FAIL: neither 'docker compose' nor 'docker-compose' is installed" >&2
    exit 1
  fi
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "== Installing PyYAML"
  python3 -m pip install -q pyyaml 2>/dev/null || python3 -m pip install -q --break-system-packages pyyaml
fi

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose=(docker-compose)
fi
echo "== Parsing docker-compose.yml with $("${compose[@]}" version 2>/dev/null | head -1)"
resolved="$(mktemp)"
trap 'rm -f "$resolved"' EXIT
# Required variables (${VAR:?...}) get dummy values; everything else comes from .env.example.
required_vars="$(grep -oE '\$\{[A-Z0-9_]+:\?' docker-compose.yml | sed -E 's/\$\{([A-Z0-9_]+):\?/\1/' | sort -u)"
env_args=()
for var in $required_vars; do env_args+=("$var=dummy-for-check-compose"); done
if ! env "${env_args[@]}" "${compose[@]}" -f docker-compose.yml --env-file .env.example config \
  >"$resolved"; then
  echo "check-compose: FAIL: the Compose parser refused docker-compose.yml (see above)" >&2
  exit 1
fi

echo "== Checking docker-compose.yml against the applications' configuration"
python3 scripts/check_compose.py docker-compose.yml "$resolved"

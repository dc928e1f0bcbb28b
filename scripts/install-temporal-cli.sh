#!/usr/bin/env bash
# Installs the Temporal CLI (dev server + Web UI) when it is missing, and prints its path.
# v1.5.1 is the newest tag that `go install` accepts (later tags carry a replace directive).
set -euo pipefail

version="v1.5.1"
if command -v temporal >/dev/null 2>&1; then
  command -v temporal
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "The Temporal CLI is missing and Go is not installed to build it." >&2; exit 1; }
gobin="$(go env GOBIN)"
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
if [ ! -x "$gobin/temporal" ]; then
  echo "Installing the Temporal CLI $version with go install (a few minutes the first time)..." >&2
  go install "github.com/temporalio/cli/cmd/temporal@$version" >&2
fi
echo "$gobin/temporal"

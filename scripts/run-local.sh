#!/usr/bin/env bash
# Runs the whole lead processor on this machine: Temporal, the worker and the webhook API.
#
#   Temporal: TEMPORAL_ADDRESS if set; else a dev server with its Web UI when the `temporal` CLI is
#   installed (on the PATH or in Go's bin folder); else an embedded in-memory Temporal (no UI).
#   Connectors: Salesforce and Slack run in dry-run mode unless configured (see README).
#
# Stop everything with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

run_dir=".run"
mkdir -p "$run_dir"
api_port="${PORT:-8080}"
worker_port="${MANAGEMENT_PORT:-8081}"
pids=()

cleanup() {
  trap - EXIT INT TERM
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

wait_for() { # url|host:port, name, seconds
  local target="$1" name="$2" limit="${3:-120}"
  for _ in $(seq "$limit"); do
    if [[ "$target" == http* ]]; then
      curl -fsS -o /dev/null "$target" 2>/dev/null && return 0
    else
      (exec 3<>"/dev/tcp/${target%:*}/${target#*:}") 2>/dev/null && return 0
    fi
    sleep 1
  done
  echo "$name did not come up within ${limit}s; see $run_dir/*.log" >&2
  exit 1
}

prefixed() { # name, log file, command...
  local name="$1" log="$2"; shift 2
  "$@" > >(tee "$log" | sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
}

echo "Building (./mvnw -DskipTests package)..."
./mvnw -q -B -DskipTests package

temporal_cli=""
if command -v temporal >/dev/null 2>&1; then
  temporal_cli="$(command -v temporal)"
elif command -v go >/dev/null 2>&1 && [ -x "$(go env GOPATH)/bin/temporal" ]; then
  temporal_cli="$(go env GOPATH)/bin/temporal"
fi

ui_url="none (embedded Temporal has no Web UI: install the CLI with scripts/install-temporal-cli.sh)"
if [ -n "${TEMPORAL_ADDRESS:-}" ]; then
  temporal_mode="external Temporal at $TEMPORAL_ADDRESS"
  ui_url="${TEMPORAL_UI_URL:-http://localhost:8233}"
elif [ -n "$temporal_cli" ]; then
  export TEMPORAL_ADDRESS="127.0.0.1:7233"
  temporal_mode="Temporal dev server ($temporal_cli), history in $run_dir/temporal.db"
  ui_url="http://localhost:8233"
  prefixed temporal "$run_dir/temporal.log" "$temporal_cli" server start-dev \
    --ip 127.0.0.1 --port 7233 --ui-port 8233 --db-filename "$run_dir/temporal.db" \
    --search-attribute LeadStatus=Keyword --search-attribute LeadFailedStep=Keyword \
    --search-attribute LeadRoute=Keyword --log-level warn
  wait_for 127.0.0.1:7233 "Temporal dev server"
else
  export TEMPORAL_ADDRESS="127.0.0.1:7233"
  temporal_mode="embedded in-memory Temporal (leads are lost when it stops)"
  ./mvnw -q -B -pl worker dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$run_dir/temporal-test-server.classpath" >/dev/null
  prefixed temporal "$run_dir/temporal.log" java -cp "$(cat "$run_dir/temporal-test-server.classpath")" \
    io.temporal.testserver.TestServer 7233
  wait_for 127.0.0.1:7233 "Embedded Temporal"
fi

if [ -z "${LEADS_WEBHOOK_SECRETS:-}" ]; then
  if [ ! -s "$run_dir/webhook-secret" ]; then
    echo "whsec_$(openssl rand -base64 32)" > "$run_dir/webhook-secret"
  fi
  LEADS_WEBHOOK_SECRETS="$(cat "$run_dir/webhook-secret")"
  export LEADS_WEBHOOK_SECRETS
  secret_note="generated for this machine, kept in $run_dir/webhook-secret"
else
  secret_note="from LEADS_WEBHOOK_SECRETS"
fi

export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
export LEADS_REGISTER_SEARCH_ATTRIBUTES="${LEADS_REGISTER_SEARCH_ATTRIBUTES:-true}"
export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://localhost:8233}"

prefixed worker "$run_dir/worker.log" java -jar worker/target/worker-*.jar
prefixed api "$run_dir/webhook-api.log" java -jar webhook-api/target/webhook-api-*.jar
wait_for "http://127.0.0.1:$worker_port/actuator/health" "Worker"
wait_for "http://127.0.0.1:$api_port/actuator/health" "Webhook API"
connectors="$(grep -o 'connectors: \[[^]]*\]' "$run_dir/worker.log" | tail -1 | sed 's/^connectors: //')"

cat <<INFO

================================================================================
 Lead processor is running
   Temporal:     $temporal_mode
   Temporal UI:  $ui_url
   Webhook API:  http://127.0.0.1:$api_port/webhooks/lead-capture
   Signing key:  $secret_note
   Connectors:   ${connectors:-see $run_dir/worker.log}

 Send the example lead from DESIGN.md, signed (in another terminal):
   webhook-api/scripts/send-test-event.sh
 Press Ctrl-C to stop.
================================================================================

INFO
wait -n "${pids[@]}"

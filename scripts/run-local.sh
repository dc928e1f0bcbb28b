#!/usr/bin/env bash
# Runs the whole lead processor on this machine: Temporal, the worker and the webhook API.
#
#   Temporal: TEMPORAL_ADDRESS if set (an external server; TEMPORAL_UI_URL says where its Web UI
#   is); otherwise a Temporal dev server with its Web UI on 127.0.0.1:7233 / :8233, history kept in
#   .run/temporal.db, from the pinned Temporal CLI that scripts/install-temporal-cli.sh installs
#   (python3 with venv is all it needs).
#   Connectors: Salesforce and Slack run in dry-run mode unless configured (docs/salesforce.md, docs/slack.md).
#
# Every step says what it does; when one fails the script says which step and shows the end of its
# log (all logs are in .run/), then stops what it started. Ctrl-C (SIGINT), SIGTERM or SIGHUP stop
# every process it started: the API, the worker, the dev server and their log pipes.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

run_dir=".run"
mkdir -p "$run_dir"
api_port="${PORT:-8080}"
worker_port="${MANAGEMENT_PORT:-8081}"
namespace="${TEMPORAL_NAMESPACE:-default}"
temporal_port=7233
temporal_ui_port=8233
steps=6

step_no=0
step_title=""
step_log=""
started_names=() # the processes this script started, in start order...
started_pgids=() # ...and their process groups (each one's own: the process, then tee and sed)

step() { # title, log file
  step_no=$((step_no + 1))
  step_title="$1"
  step_log="${2:-}"
  echo "==> Step $step_no/$steps: $step_title${step_log:+ (log: $step_log)}"
}

fail() { # message [lines of the step's log to show]
  echo >&2
  if [ "$step_no" -gt "$steps" ]; then
    echo "Failed after start-up: $1" >&2
  else
    echo "Step $step_no/$steps ($step_title) failed: $1" >&2
  fi
  if [ -n "$step_log" ] && [ -s "$step_log" ]; then
    echo "---- last lines of $step_log ----" >&2
    tail -n "${2:-40}" "$step_log" >&2
    echo "---- end of $step_log ----" >&2
  fi
  exit 1
}
trap 'fail "\"$BASH_COMMAND\" exited $?"' ERR

group_alive() { kill -0 -- "-$1" 2>/dev/null; }

stop_all() {
  local status=$?
  trap - EXIT ERR
  # A second Ctrl-C (or TERM, HUP) while stopping must not end this function half-way, which
  # would leave the worker and the dev server running: it only skips the graceful wait.
  local hurry=0
  trap 'hurry=1' INT TERM HUP
  [ ${#started_pgids[@]} -gt 0 ] || exit "$status"
  echo
  echo "Stopping... (Ctrl-C again to kill what is left at once)"
  # Newest first: the API, then the worker, then the dev server. Each gets SIGTERM (the apps shut
  # down gracefully); its tee and sed end when its output closes. Whatever is left after 30 s, or
  # after a second Ctrl-C, is killed.
  local i pgid waited
  for ((i = ${#started_pgids[@]} - 1; i >= 0; i--)); do
    pgid="${started_pgids[i]}"
    group_alive "$pgid" || continue
    kill -TERM "$pgid" 2>/dev/null || true
    for ((waited = 0; waited < 300 && hurry == 0; waited++)); do
      group_alive "$pgid" || break
      sleep 0.1
    done
    if group_alive "$pgid"; then
      echo "${started_names[i]} did not stop in time: killing it" >&2
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  echo "Stopped."
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# name, log file, command...: runs the command in the background in a process group of its own,
# its output into the log file and onto this terminal prefixed with [name].
start_process() {
  local name="$1" log="$2"
  shift 2
  set -m # job control: the pipeline gets its own process group, led by the command itself
  "$@" </dev/null 2>&1 | tee "$log" | sed -u "s/^/[$name] /" &
  set +m
  started_names+=("$name")
  started_pgids+=("$(jobs -p %+)")
}

# name, pgid, seconds, probe command...: waits until the probe succeeds, failing the step when the
# process exits first or the time is up.
await_process() {
  local name="$1" pgid="$2" limit="$3"
  shift 3
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    group_alive "$pgid" || fail "$name exited before it was ready"
    [ "$SECONDS" -lt "$deadline" ] || fail "$name was not ready within ${limit}s"
    sleep 1
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ports=("$api_port" "$worker_port")
[ -n "${TEMPORAL_ADDRESS:-}" ] || ports+=("$temporal_port" "$temporal_ui_port")
step "check that ports ${ports[*]} are free"
for port in "${ports[@]}"; do
  if port_open "$port"; then
    fail "port $port on 127.0.0.1 is already in use (is another scripts/run-local.sh running? ss -ltnp 'sport = :$port' shows what listens)"
  fi
done

build_log="$run_dir/build.log"
step "build the jars: ./mvnw -B -ntp -DskipTests -pl webhook-api,worker -am package" "$build_log"
# The whole Maven output goes to the log; the terminal shows the modules as they are built.
build_started=$SECONDS
if ! ./mvnw -B -ntp -DskipTests -pl webhook-api,worker -am package 2>&1 | tee "$build_log" \
  | sed -un '/^\[INFO\] Building .*\[[0-9]*\/[0-9]*\]$/{s/  */ /g;s/^\[INFO\] Building /     building /;p}'; then
  fail "the Maven build failed" 60
fi
echo "     built in $((SECONDS - build_started))s"

if [ -n "${TEMPORAL_ADDRESS:-}" ]; then
  step "Temporal CLI: not needed, TEMPORAL_ADDRESS is set"
  step "Temporal: the external server at $TEMPORAL_ADDRESS"
  temporal_mode="external Temporal at $TEMPORAL_ADDRESS"
  register_search_attributes=true
  ui_url="${TEMPORAL_UI_URL:-http://localhost:8233}"
else
  cli_log="$run_dir/temporal-cli-install.log"
  step "install the pinned Temporal CLI when missing: scripts/install-temporal-cli.sh" "$cli_log"
  if ! temporal_cli="$(bash scripts/install-temporal-cli.sh 2>"$cli_log")"; then
    fail "scripts/install-temporal-cli.sh failed"
  fi
  temporal_cli="${temporal_cli##*$'\n'}"
  echo "     $temporal_cli: $("$temporal_cli" --version)"

  export TEMPORAL_ADDRESS="127.0.0.1:$temporal_port"
  temporal_log="$run_dir/temporal.log"
  step "start the Temporal dev server on $TEMPORAL_ADDRESS, Web UI on port $temporal_ui_port" "$temporal_log"
  # --ui-disable-news-fetch: the UI would otherwise fetch a news feed from the internet.
  # SQLite in WAL mode, committing without waiting for the disk, as the benchmark runs it: several
  # times the starts a second of SQLite's defaults; a committed start survives a crash of the dev
  # server, not of the machine (docs/benchmark.md, "Defaults").
  # One partition per task queue: the server divides a queue's rate limit among its partitions, and
  # a Slack channel queue's limit is the channel's pace (docs/slack.md, "Pacing"; with the default
  # four, a channel got 0.4 alerts a second instead of one).
  start_process temporal "$temporal_log" "$temporal_cli" server start-dev \
    --ip 127.0.0.1 --port "$temporal_port" --ui-port "$temporal_ui_port" \
    --db-filename "$run_dir/temporal.db" --ui-disable-news-fetch \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    --dynamic-config-value matching.numTaskqueueReadPartitions=1 \
    --dynamic-config-value matching.numTaskqueueWritePartitions=1 \
    --dynamic-config-value history.transferProcessorMaxPollRPS=200 \
    --search-attribute LeadStatus=Keyword --search-attribute LeadFailedStep=Keyword \
    --search-attribute LeadRoute=Keyword --search-attribute LeadEmailHash=Keyword \
    --ui-codec-endpoint "http://localhost:$api_port/codec" --log-level warn
  await_process "The Temporal dev server" "${started_pgids[-1]}" 90 \
    "$temporal_cli" operator namespace describe --namespace "$namespace" --address "$TEMPORAL_ADDRESS"
  await_process "The Temporal Web UI" "${started_pgids[-1]}" 30 http_ok "http://127.0.0.1:$temporal_ui_port/"
  temporal_mode="Temporal dev server ($temporal_cli), history in $run_dir/temporal.db"
  register_search_attributes=false
  ui_url="http://localhost:$temporal_ui_port"
fi
ui_url="${ui_url%/}"
# The workflows list filtered on LeadStatus="NEEDS_REVIEW": the leads waiting for an engineer.
review_url="$ui_url/namespaces/$namespace/workflows?query=LeadStatus%3D%22NEEDS_REVIEW%22"

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

# The payload key, the email hash key and a review API token (which the codec server asks for),
# generated once for this machine like the signing secret. The histories in .run/temporal.db are
# sealed with the payload key: keep the two together.
local_secret() { # file, command that prints a new secret
  local file="$run_dir/$1"
  [ -s "$file" ] || bash -c "$2" > "$file"
  cat "$file"
}
export LEADS_CODEC_KEYS="${LEADS_CODEC_KEYS:-$(local_secret payload-key 'echo "local:$(openssl rand -base64 32)"')}"
export LEADS_ERASURE_EMAIL_HASH_KEY="${LEADS_ERASURE_EMAIL_HASH_KEY:-$(local_secret email-hash-key 'openssl rand -hex 32')}"
export LEADS_REVIEW_API_TOKENS="${LEADS_REVIEW_API_TOKENS:-$(local_secret review-token 'openssl rand -hex 32')}"
export LEADS_CODEC_SERVER_UI_ORIGIN="${LEADS_CODEC_SERVER_UI_ORIGIN:-$ui_url}"

export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
# The dev server registers the search attributes itself; on an external server the worker does.
export LEADS_REGISTER_SEARCH_ATTRIBUTES="${LEADS_REGISTER_SEARCH_ATTRIBUTES:-$register_search_attributes}"
export TEMPORAL_UI_URL="$ui_url"

worker_log="$run_dir/worker.log"
step "start the worker (health: http://127.0.0.1:$worker_port/actuator/health)" "$worker_log"
start_process worker "$worker_log" java -jar worker/target/worker-*.jar
await_process "The worker" "${started_pgids[-1]}" 120 http_ok "http://127.0.0.1:$worker_port/actuator/health"

api_log="$run_dir/webhook-api.log"
step "start the webhook API (health: http://127.0.0.1:$api_port/actuator/health)" "$api_log"
start_process api "$api_log" java -jar webhook-api/target/webhook-api-*.jar
await_process "The webhook API" "${started_pgids[-1]}" 120 http_ok "http://127.0.0.1:$api_port/actuator/health"
connectors="$(grep -o 'connectors: \[[^]]*\]' "$worker_log" | tail -1 | sed 's/^connectors: //' || true)"

cat <<INFO

================================================================================
 Lead processor is running
   Temporal:     $temporal_mode
   Temporal UI:  $ui_url
   Review queue: $review_url
   Webhook API:  http://127.0.0.1:$api_port/webhooks/lead-capture
   Signing key:  $secret_note
   Payloads:     sealed with the key in $run_dir/payload-key; to read them in the Temporal UI,
                 sign in at http://localhost:$api_port/codec/sign-in with the review token in
                 $run_dir/review-token, then in the UI's Codec Server settings (icon at the top)
                 choose "Use my browser setting", endpoint http://localhost:$api_port/codec, and
                 turn on "Include cross-origin credentials" (docs/data-protection.md)
   Connectors:   ${connectors:-see $worker_log}

 Send the example lead (docs/architecture.md), signed, in another terminal:
   webhook-api/scripts/send-test-event.sh
 Press Ctrl-C to stop.
================================================================================

INFO

# Runs until Ctrl-C, or until one of the processes ends by itself, which is a failure.
step_no=$((steps + 1))
step_title="running"
step_log=""
wait -n || true
for i in "${!started_pgids[@]}"; do
  if ! group_alive "${started_pgids[i]}"; then
    step_log="$run_dir/${started_names[i]/api/webhook-api}.log"
    fail "${started_names[i]} exited unexpectedly"
  fi
done
fail "a process exited unexpectedly"

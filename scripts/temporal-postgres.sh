#!/usr/bin/env bash
# A production-shaped Temporal on this machine: the Temporal server binary (the compose file's
# version) on PostgreSQL, set up the way the compose stack's auto-setup image does it, on free
# ports of 127.0.0.1 (docs/benchmark.md, "Temporal on PostgreSQL"). Not part of CI.
#
#   scripts/temporal-postgres.sh start            fresh databases, server, namespace, search attributes
#   scripts/temporal-postgres.sh stop             stops the server and PostgreSQL
#   scripts/temporal-postgres.sh restart-postgres restarts PostgreSQL only (the server stays up)
#   scripts/temporal-postgres.sh env              prints the E2E_TEMPORAL_* variables of the running server
#
# `start` installs PostgreSQL from Debian (apt-get install postgresql) when it is missing and builds
# the server and its SQL schema tool with `go install` into ~/.cache/lead-processor (minutes on the
# first start, from the Go module proxy); the schema files come from the same module's source in
# the Go module cache. Everything it runs and writes is under target/temporal-postgres/ of the
# repository: the PostgreSQL cluster (its own data directory and port, not the Debian cluster),
# the server's config and logs, and `env`, which the e2e harness reads:
#
#   eval "$(scripts/temporal-postgres.sh env)"   # E2E_TEMPORAL_ADDRESS, _PID, _DATABASE_PID
#   ./mvnw ... -Dit.test=SignedDeliveryIT ...     # the ITs now use this server, not a dev server
set -euo pipefail
cd "$(dirname "$0")/.."

# The compose file's TEMPORAL_VERSION; README names it with the dev server's version.
TEMPORAL_SERVER_VERSION="${TEMPORAL_SERVER_VERSION:-1.29.1}"
NAMESPACE=default
# NAME=TYPE of every key of com.leadprocessor.workflow.LeadSearchAttributes, as in
# deploy/temporal/setup.sh (NamesInScriptsTest checks both).
SEARCH_ATTRIBUTES="LeadStatus=Keyword LeadFailedStep=Keyword LeadRoute=Keyword LeadEmailHash=Keyword"

STATE="$(pwd)/target/temporal-postgres"
BIN="${HOME}/.cache/lead-processor/temporal-server-${TEMPORAL_SERVER_VERSION}/bin"
PGDATA="${STATE}/pgdata"
DB_USER=temporal
DB_PASSWORD=temporal

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "${dir}" ] || { echo "PostgreSQL is not installed" >&2; return 1; }
  echo "${dir}"
}

# A free port below 32768: Temporal stores its services' membership ports in a PostgreSQL smallint
# column (cluster_membership.rpc_port), so the kernel's ephemeral ports (32768 and up) make the
# server exit at start ("value out of range for type smallint").
free_port() {
  python3 - <<'PY'
import random, socket
while True:
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(port)
        break
    except OSError:
        pass
    finally:
        s.close()
PY
}

as_postgres() {
  runuser -u postgres -- "$@"
}

install_postgresql() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian package)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null
  fi
}

build_temporal() {
  local module="${HOME}/go/pkg/mod/go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}"
  if [ ! -x "${BIN}/server" ]; then
    echo "Building the Temporal server ${TEMPORAL_SERVER_VERSION} (go install, several minutes)..."
    GOBIN="${BIN}" go install "go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}"
  fi
  if [ ! -x "${BIN}/sql" ]; then
    echo "Building temporal-sql-tool ${TEMPORAL_SERVER_VERSION}..."
    GOBIN="${BIN}" go install "go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}"
  fi
  SCHEMA="$(go env GOMODCACHE)/go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}/schema/postgresql/v12"
  [ -d "${SCHEMA}" ] || SCHEMA="${module}/schema/postgresql/v12"
  [ -d "${SCHEMA}" ] || { echo "No schema directory ${SCHEMA}" >&2; exit 1; }
}

start_postgresql() {
  local bin
  bin="$(pg_bin)"
  as_postgres "${bin}/pg_ctl" -D "${PGDATA}" -l "${STATE}/postgresql.log" -w \
    -o "-p ${PG_PORT} -k ${STATE}/socket -c listen_addresses=127.0.0.1" start >/dev/null
}

stop_postgresql() {
  local bin
  bin="$(pg_bin)" || return 0
  if [ -f "${PGDATA}/postmaster.pid" ]; then
    as_postgres "${bin}/pg_ctl" -D "${PGDATA}" -m fast -w stop >/dev/null || true
  fi
}

sql_tool() {
  "${BIN}/sql" --plugin postgres12 --ep 127.0.0.1 -p "${PG_PORT}" -u "${DB_USER}" --pw "${DB_PASSWORD}" "$@"
}

write_config() {
  mkdir -p "${STATE}/config/dynamicconfig"
  # The compose stack's dynamic config, so both run with the same settings.
  cp deploy/temporal/dynamicconfig/development-sql.yaml "${STATE}/config/dynamicconfig/"
  # After the server repository's config/development-postgres12.yaml, on free ports, with the
  # compose stack's 4 history shards (auto-setup's NUM_HISTORY_SHARDS default), without archival.
  cat >"${STATE}/config/postgres.yaml" <<EOF
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal"
        connectAddr: "127.0.0.1:${PG_PORT}"
        connectProtocol: "tcp"
        user: "${DB_USER}"
        password: "${DB_PASSWORD}"
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: "1h"
    postgres-visibility:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal_visibility"
        connectAddr: "127.0.0.1:${PG_PORT}"
        connectProtocol: "tcp"
        user: "${DB_USER}"
        password: "${DB_PASSWORD}"
        maxConns: 10
        maxIdleConns: 10
        maxConnLifetime: "1h"

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${METRICS_PORT}"

services:
  frontend:
    rpc:
      grpcPort: ${FRONTEND_PORT}
      membershipPort: $(free_port)
      bindOnLocalHost: true
      httpPort: $(free_port)
  matching:
    rpc:
      grpcPort: $(free_port)
      membershipPort: $(free_port)
      bindOnLocalHost: true
  history:
    rpc:
      grpcPort: $(free_port)
      membershipPort: $(free_port)
      bindOnLocalHost: true
  worker:
    rpc:
      grpcPort: $(free_port)
      membershipPort: $(free_port)
      bindOnLocalHost: true

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${FRONTEND_PORT}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${STATE}/config/dynamicconfig/development-sql.yaml"
  pollInterval: "10s"
EOF
}

temporal_cli() {
  local cli
  cli="$(bash scripts/install-temporal-cli.sh)"
  "${cli}" --address "127.0.0.1:${FRONTEND_PORT}" "$@"
}

start() {
  stop_all
  install_postgresql
  build_temporal
  rm -rf "${STATE}"
  mkdir -p "${STATE}/socket" "${PGDATA}"
  chown -R postgres:postgres "${STATE}"
  PG_PORT="$(free_port)"
  FRONTEND_PORT="$(free_port)"
  METRICS_PORT="$(free_port)"

  local bin
  bin="$(pg_bin)"
  echo "PostgreSQL $("${bin}/postgres" --version | awk '{print $3}') on 127.0.0.1:${PG_PORT}, data in ${PGDATA}"
  local pwfile="${STATE}/pwfile"
  echo "${DB_PASSWORD}" >"${pwfile}"
  chown postgres "${pwfile}"
  as_postgres "${bin}/initdb" -D "${PGDATA}" -U "${DB_USER}" --pwfile="${pwfile}" \
    --auth=scram-sha-256 >"${STATE}/initdb.log"
  rm -f "${pwfile}"
  start_postgresql

  # As temporalio/auto-setup does for DB=postgres12: create each database, set up the base schema
  # (version 0.0), then apply every versioned upgrade.
  for db in temporal temporal_visibility; do
    local dir=temporal
    [ "${db}" = temporal_visibility ] && dir=visibility
    sql_tool --db "${db}" create-database >>"${STATE}/schema.log" 2>&1
    sql_tool --db "${db}" setup-schema -v 0.0 >>"${STATE}/schema.log" 2>&1
    sql_tool --db "${db}" update-schema -d "${SCHEMA}/${dir}/versioned" >>"${STATE}/schema.log" 2>&1
  done

  write_config
  echo "Temporal server ${TEMPORAL_SERVER_VERSION} on 127.0.0.1:${FRONTEND_PORT}"
  nohup "${BIN}/server" --root "${STATE}" --config config --env postgres --allow-no-auth start \
    >"${STATE}/server.log" 2>&1 &
  local pid=$!
  echo "${pid}" >"${STATE}/server.pid"
  for _ in $(seq 1 120); do
    kill -0 "${pid}" 2>/dev/null || { echo "The server exited; see ${STATE}/server.log" >&2; tail -20 "${STATE}/server.log" >&2; exit 1; }
    temporal_cli operator cluster health >/dev/null 2>&1 && break
    sleep 1
  done
  # auto-setup registers the default namespace; this script does it as auto-setup does, then
  # what deploy/temporal/setup.sh adds (retention, the lead search attributes).
  for _ in $(seq 1 60); do
    temporal_cli operator namespace describe --namespace "${NAMESPACE}" >/dev/null 2>&1 && break
    temporal_cli operator namespace create --namespace "${NAMESPACE}" --retention 24h >/dev/null 2>&1 || sleep 1
  done
  # The operator service sees a new namespace only after its namespace cache refreshes (seconds).
  for attribute in ${SEARCH_ATTRIBUTES}; do
    local created=""
    for _ in $(seq 1 60); do
      if temporal_cli operator search-attribute create --namespace "${NAMESPACE}" \
          --name "${attribute%%=*}" --type "${attribute#*=}" >>"${STATE}/setup.log" 2>&1; then
        created=yes
        break
      fi
      sleep 1
    done
    [ -n "${created}" ] || { echo "Cannot create ${attribute}; see ${STATE}/setup.log" >&2; exit 1; }
  done
  cat >"${STATE}/env" <<EOF
export E2E_TEMPORAL_ADDRESS=127.0.0.1:${FRONTEND_PORT}
export E2E_TEMPORAL_PID=${pid}
export E2E_TEMPORAL_METRICS=http://127.0.0.1:${METRICS_PORT}/metrics
export E2E_TEMPORAL_POSTGRES_PORT=${PG_PORT}
export E2E_TEMPORAL_DATABASE_PID=$(head -1 "${PGDATA}/postmaster.pid")
EOF
  echo "Ready. eval \"\$(scripts/temporal-postgres.sh env)\" points the e2e harness at it."
}

load_env() {
  [ -f "${STATE}/env" ] || { echo "Not started (no ${STATE}/env)" >&2; exit 1; }
  # shellcheck disable=SC1091
  . "${STATE}/env"
  PG_PORT="${E2E_TEMPORAL_POSTGRES_PORT}"
}

stop_all() {
  if [ -f "${STATE}/server.pid" ]; then
    local pid
    pid="$(cat "${STATE}/server.pid")"
    if kill "${pid}" 2>/dev/null; then
      for _ in $(seq 1 30); do kill -0 "${pid}" 2>/dev/null || break; sleep 1; done
      kill -9 "${pid}" 2>/dev/null || true
    fi
    rm -f "${STATE}/server.pid"
  fi
  stop_postgresql
}

case "${1:-}" in
  start) start ;;
  stop) stop_all ;;
  restart-postgres)
    load_env
    stop_postgresql
    start_postgresql
    sed -i "s/^export E2E_TEMPORAL_DATABASE_PID=.*/export E2E_TEMPORAL_DATABASE_PID=$(head -1 "${PGDATA}/postmaster.pid")/" "${STATE}/env"
    ;;
  env) load_env; cat "${STATE}/env" ;;
  *) echo "Usage: $0 start|stop|restart-postgres|env" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The benchmark (docs/benchmark.md): builds the apps, then runs LeadProcessorBenchmark, which
# starts a Temporal dev server, the webhook-api and worker jars and the Salesforce and Slack
# emulations on 127.0.0.1, loads them with signed webhooks and writes
# e2e-tests/target/benchmark/report.md. Several minutes per run; stops by itself.
#
#   scripts/benchmark.sh                       one run, 20 s phases
#   scripts/benchmark.sh --runs 3              medians of three runs
#   scripts/benchmark.sh --profile             also a Java Flight Recording of each app
#   scripts/benchmark.sh -Dbenchmark.rates=10,30,60 -Dbenchmark.workers=2 ...   any setting
#
# Settings (system properties, defaults in BenchmarkSettings): benchmark.runs, .phaseSeconds, .warmUpSeconds, .servers,
# .concurrency, .rates, .modestRate, .downstreamLatencyMillis, .slackMessagesPerSecond,
# .redeliveryShare, .workers, .profile, .jvmOptions.
set -euo pipefail
cd "$(dirname "$0")/.."

properties=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) properties+=("-Dbenchmark.runs=$2"); shift 2 ;;
    --profile) properties+=("-Dbenchmark.profile=true"); shift ;;
    -D*) properties+=("$1"); shift ;;
    *) echo "Unknown argument: $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

# The pinned Temporal CLI the suite runs its dev server with (installed on first use).
bash scripts/install-temporal-cli.sh >/dev/null

./mvnw -B -ntp -q -pl e2e-tests -am verify \
  -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LeadProcessorBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true "${properties[@]}"

echo
cat e2e-tests/target/benchmark/report.md
echo
echo "Report: e2e-tests/target/benchmark/report.md"

#!/usr/bin/env bash
# Runs every congvu benchmark and prints one table (figure, baseline, ratio, target); see BENCHMARKS.md.
# Builds what it needs first (tests skipped: they are `mvn -B -ntp verify`, and never run benchmarks).
#   integration-tests/benchmarks/run.sh [SIZES [ONLY]]
# SIZES: dossier counts of the evaluation curve, default 10000,100000,1000000,10000000.
# ONLY: which benchmarks, default startup,ingestion,evaluation,history,swap,validation.
# Work, logs, results.md and the run's own ministry CA (pki/) go to target/benchmarks/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
SIZES="${1:-10000,100000,1000000,10000000}"
ONLY="${2:-startup,ingestion,evaluation,history,swap,validation}"
mvn -B -q -ntp -Pbenchmarks -DskipTests install -pl distribution,integration-tests/benchmarks/harness -am
HARNESS=integration-tests/benchmarks/harness/target
exec java -cp "$HARNESS/congvu-bench-harness-0.1.0-SNAPSHOT.jar:$HARNESS/lib/*" vn.congvu.bench.harness.Benchmarks \
  distribution/target/congvu integration-tests/benchmarks/node-commands/target/congvu-bench-node-0.1.0-SNAPSHOT.jar \
  target/benchmarks "$SIZES" "$ONLY"

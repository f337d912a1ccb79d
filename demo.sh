#!/usr/bin/env bash
# The congvu demo federation on the embedded defaults: builds if needed, starts the ministry node and
# the Cao Bằng province node as separate processes; the province imports its 2022 dossier records,
# evaluates them with its rule bundle and files the report over gRPC; the ministry stores it and prints
# what it stored; then both stop cleanly. Everything lives under target/demo/ (made anew each run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

DIST=distribution/target/congvu
WORK="$PWD/target/demo"

# --- build, when the distribution is missing or older than the sources --------------------------------
if [ ! -x "$DIST/bin/congvu" ] || [ -n "$(find pom.xml proto bundles distribution/src distribution/pom.xml \
      -newer "$DIST/bin/congvu" -type f -print -quit 2>/dev/null)" ]; then
  echo "== Building congvu (mvn package, tests skipped: run them with 'mvn -B verify') =="
  mvn -B -q -ntp -DskipTests package -pl distribution -am
fi

# --- two node homes from the distribution's templates ----------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$DIST/nodes/ministry" "$WORK/ministry"
cp -r "$DIST/nodes/province" "$WORK/caobang"
mkdir -p "$WORK/caobang/deploy" "$WORK/caobang/inbox"
cp "$DIST/rules/congvu-rules-caobang.jar" "$WORK/caobang/deploy/"

port=7443
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
sed -i "s/^port = .*/port = $port/; s/^host = .*/host = 127.0.0.1/" "$WORK/ministry/etc/vn.congvu.ministry.cfg"
sed -i "s/^ministry.port = .*/ministry.port = $port/" "$WORK/caobang/etc/vn.congvu.uplink.cfg"

"$DIST/bin/congvu" demo-data "$WORK/caobang/inbox/dossiers-2022.csv"

# --- the ministry, in the background --------------------------------------------------------------------
echo "== Starting the ministry node (Bộ Nội vụ) on 127.0.0.1:$port =="
"$DIST/bin/congvu" run "$WORK/ministry" > >(sed -u 's/^/[Bộ Nội vụ] /') 2>&1 &
ministry=$!
stop_ministry() {
  if kill -0 "$ministry" 2>/dev/null; then
    "$DIST/bin/congvu" stop "$WORK/ministry" || kill -KILL "$ministry" 2>/dev/null || true
  fi
}
trap stop_ministry EXIT
for _ in $(seq 1 600); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$ministry" 2>/dev/null || { echo "The ministry node stopped; see $WORK/ministry/log/congvu.log" >&2; exit 1; }
  sleep 0.1
done

# --- the province: import, evaluate, file, wait for the receipt, stop --------------------------------------
echo "== Cao Bằng (04): import the 2022 dossiers, evaluate, file with the ministry =="
set +e
"$DIST/bin/congvu" exec "$WORK/caobang" \
  "congvu:intake dossier $WORK/caobang/inbox/dossiers-2022.csv; congvu:file 2022 120; congvu:outbox" \
  2>&1 | sed -u 's/^/[Cao Bằng]   /'
province_status=${PIPESTATUS[0]}
set -e

echo "== Stopping the ministry node =="
stop_ministry
wait "$ministry" 2>/dev/null || true
trap - EXIT
if [ "$province_status" -eq 0 ]; then
  echo "== Demo done: the ministry's store holds Cao Bằng's 2022 report (logs under $WORK/*/log/) =="
else
  echo "== Demo FAILED: the province could not file (exit $province_status); see $WORK/caobang/log/congvu.log ==" >&2
fi
exit "$province_status"

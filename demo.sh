#!/usr/bin/env bash
# The congvu demo federation on the embedded defaults: builds if needed, starts the ministry node, then
# runs the five seed provinces' nodes one after another, then Thái Nguyên's (19, 2026, on the 2025 map),
# each a separate process with its own rule
# bundle: it imports its demo records, evaluates them and files its report for each seed period over
# gRPC over mutual TLS, with certificates from a certificate authority the demo makes on the fly (a real
# ministry makes its CA once and issues each province's certificate; README, "Security"). The ministry
# stores each report and prints it; at the end it prints, from its store, the
# national table and the per-province table of every period, a period restated to today's 34 provinces (Bắc Kạn's
# figures under Thái Nguyên, into which it merged on 1 July 2025) and Thái Nguyên's restated series, and which
# province runs which version of which rule module. Both kinds of node stop cleanly.
# The ministry also serves its web console over HTTPS (with its certificate from the demo's CA): run from a terminal,
# the demo prints the console's address and a demo login and keeps the ministry running until Enter is pressed; with
# no terminal (CI, a pipe) it stops at the end.
# Everything lives under target/demo/ (made anew each run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

DIST=distribution/target/congvu
WORK="$PWD/target/demo"
# province code, rule bundle, node folder, label, periods filed
PROVINCES=(
  "08 tuyenquang tuyenquang Tuyên-Quang 2019"
  "06 backan     backan     Bắc-Kạn     2019,2020,2021"
  "04 caobang    caobang    Cao-Bằng    2022"
  "01 hanoi      hanoi      Hà-Nội      2023"
  "42 hatinh     hatinh     Hà-Tĩnh     2023"
  "19 thainguyen thainguyen Thái-Nguyên 2026"
)
PERIODS="2019 2020 2021 2022 2023 2026"

# --- build, when the distribution is missing or older than the sources --------------------------------
if [ ! -x "$DIST/bin/congvu" ] || [ -n "$(find pom.xml proto bundles distribution/src distribution/pom.xml \
      -newer "$DIST/bin/congvu" -type f -print -quit 2>/dev/null)" ]; then
  echo "== Building congvu (mvn package, tests skipped: run them with 'mvn -B -ntp verify') =="
  mvn -B -q -ntp -DskipTests package -pl distribution -am
fi

rm -rf "$WORK"
mkdir -p "$WORK"
port=7443
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
# http_port: the first free port from $1 up that no other node of the demo has (each node serves /health and
# /metrics on a port of its own, set in its etc/org.apache.felix.http.cfg)
http_ports=" $port "
next_http_port() {
  http_port=$1
  while [[ "$http_ports" == *" $http_port "* ]] || (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; do
    http_port=$((http_port + 1))
  done
  http_ports+="$http_port "
}

# --- the ministry's certificate authority, and the ministry's server certificate -------------------------
PKI="$WORK/pki"
"$DIST/bin/congvu" pki "$PKI" init --name "congvu demo CA" > /dev/null
cp -r "$DIST/nodes/ministry" "$WORK/ministry"
"$DIST/bin/congvu" pki "$PKI" ministry "$WORK/ministry/etc/tls" 127.0.0.1 localhost > /dev/null

# --- the ministry, in the background --------------------------------------------------------------------
sed -i "s/^port = .*/port = $port/; s/^host = .*/host = 127.0.0.1/" "$WORK/ministry/etc/vn.congvu.ministry.cfg"
next_http_port 8180
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $http_port/" "$WORK/ministry/etc/org.apache.felix.http.cfg"
next_http_port 8443
console_port=$http_port
sed -i "s/^org.osgi.service.http.port.secure = .*/org.osgi.service.http.port.secure = $console_port/" \
  "$WORK/ministry/etc/org.apache.felix.http.cfg"
echo "== Starting the ministry node (Bộ Nội vụ) on 127.0.0.1:$port, mutual TLS (CA in $PKI) =="
"$DIST/bin/congvu" run "$WORK/ministry" > >(sed -u 's/^/[Bộ Nội vụ]    /') 2>&1 &
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

# --- the provinces, one after another: import, evaluate, file, wait for each receipt, stop ------------------
failed=0
for entry in "${PROVINCES[@]}"; do
  read -r code bundle folder label periods <<< "$entry"
  home="$WORK/$folder"
  cp -r "$DIST/nodes/province" "$home"
  mkdir -p "$home/deploy" "$home/records"
  cp "$DIST/rules/congvu-rules-$bundle.jar" "$DIST/rules/congvu-rules-national.jar" "$home/deploy/"
  sed -i "s/^province.code = .*/province.code = $code/" "$home/etc/vn.congvu.engine.cfg"
  sed -i "s/^ministry.port = .*/ministry.port = $port/" "$home/etc/vn.congvu.uplink.cfg"
  next_http_port 8181
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $http_port/" "$home/etc/org.apache.felix.http.cfg"
  "$DIST/bin/congvu" pki "$PKI" province "$code" "$home/etc/tls" > /dev/null
  "$DIST/bin/congvu" demo-data "$code" "$home/records" | sed -u "s/^/[${label//-/ }] /"
  commands=""
  for file in "$home"/records/*; do
    name="$(basename "$file")"
    commands+="congvu:intake ${name%.*} $file; "
  done
  for period in ${periods//,/ }; do
    commands+="congvu:file $period 120; "
  done
  echo "== ${label//-/ } ($code): import, evaluate, file ${periods//,/, } =="
  set +e
  "$DIST/bin/congvu" exec "$home" "${commands}congvu:outbox" 2>&1 | sed -u "s/^/[${label//-/ }] /"
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 0 ] || { echo "== ${label//-/ } could not file (exit $status); see $home/log/congvu.log ==" >&2; failed=1; }
done

# --- the national figures, from the ministry's store (the commands print the console's tables) -------------------
national=""
for period in $PERIODS; do national+="congvu:national $period; "; done
# the 2025 map: Bắc Kạn (06) is part of Thái Nguyên (19) since 1 July 2025; its figures, restated under Thái Nguyên,
# and Thái Nguyên's restated series from Bắc Kạn's seeds (2019-2021) to its own 2026 report; who filed on time for
# 2023 and 2026; which province runs which version of which rule module
national+="congvu:national 2021 restated; congvu:series 19; congvu:completeness 2023; congvu:completeness 2026; congvu:nodes"
"$DIST/bin/congvu" pki "$PKI" list | sed -u 's/^/[CA]           /'
echo "== The ministry's tables (the same as its web console shows) =="
"$DIST/bin/congvu" exec "$WORK/ministry" "$national" 2>&1 | grep -v ' INFO ' | sed -u 's/^/[Bộ Nội vụ]    /'

# --- the web console: a demo account, and the address, while someone at a terminal looks -------------------------
if [ -t 0 ] && [ -t 1 ] && [ "$failed" -eq 0 ]; then
  login="$("$DIST/bin/congvu" exec "$WORK/ministry" "congvu:account add demo ADMIN Người xem thử" 2>&1)" || {
    echo "$login" >&2; failed=1; }
  password="$(sed -n 's/.*shown once: //p' <<< "$login")"
  if [ -n "$password" ]; then
    echo "== The ministry's web console: https://127.0.0.1:$console_port/console/ =="
    echo "   Đăng nhập / sign in: demo / $password"
    echo "   (its certificate comes from the demo's own CA, $PKI/ca.crt.pem: the browser warns until you trust it)"
    read -r -p "   Press Enter to stop the ministry and end the demo... " _ || true
  fi
fi
echo "== Stopping the ministry node =="
stop_ministry
wait "$ministry" 2>/dev/null || true
trap - EXIT

if [ "$failed" -eq 0 ]; then
  echo "== Demo done: six provinces filed (the five seeds, and Thái Nguyên on the 2025 map); the ministry's store holds their reports (logs under $WORK/*/log/) =="
else
  echo "== Demo FAILED: a province could not file; see the logs under $WORK/*/log/ ==" >&2
fi
exit "$failed"

#!/usr/bin/env bash
# Makes the upgrade fixture: a Cao Bằng province home made and used by a previous release's distribution.
#   make-fixture.sh PREVIOUS_DISTRIBUTION WORK_FOLDER OUTPUT_ZIP
# caobang-4385170.zip was made from commit 4385170 (the last before issue 13), built apart:
#   git worktree add /tmp/prev-release 4385170 && (cd /tmp/prev-release && mvn -B -ntp -q package -DskipTests)
#   make-fixture.sh /tmp/prev-release/distribution/target/congvu /tmp/fixture caobang-4385170.zip
# It holds 5 dossiers of 2022 and the 2022 report, delivered (receipt BNV-2026-000001); no log/, no felix-cache.
# Plaintext to a loopback ministry of the same release, so the fixture holds no key or certificate.
set -euo pipefail
DIST="$(cd "$1" && pwd)"; WORK="$(mkdir -p "$2" && cd "$2" && pwd)"; ZIP="$(realpath -m "$3")"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cd "$WORK"
cp -r "$DIST/nodes/ministry" ministry
sed -i -e 's/^host = .*/host = 127.0.0.1/' -e "s/^port = .*/port = $PORT/" -e 's/^plaintext = .*/plaintext = true/' \
    -e 's/^print.stored = .*/print.stored = false/' ministry/etc/vn.congvu.ministry.cfg
cp -r "$DIST/nodes/province" caobang
mkdir -p caobang/deploy caobang/records
cp "$DIST/rules/congvu-rules-caobang.jar" "$DIST/rules/congvu-rules-national.jar" caobang/deploy/
sed -i -e "s/^ministry.port = .*/ministry.port = $PORT/" -e 's/^plaintext = .*/plaintext = true/' caobang/etc/vn.congvu.uplink.cfg
cat > caobang/records/dossier-2022.csv <<'CSV'
id,level,unit,received,due,resolved
CB-UP-0001,department,"Sở Tư pháp tỉnh Cao Bằng",2022-02-01,2022-02-15,2022-02-10
CB-UP-0002,department,"Sở Tư pháp tỉnh Cao Bằng",2022-03-01,2022-03-15,2022-03-20
CB-UP-0003,district,"UBND huyện Bảo Lạc",2022-04-01,2022-04-15,2022-04-12
CB-UP-0004,commune,"UBND xã Đức Long",2022-05-02,2022-05-16,2022-05-16
CB-UP-0005,commune,"UBND xã Đức Long",2022-06-01,2022-06-15,
CSV
"$DIST/bin/congvu" run ministry > ministry.out 2>&1 &
MINISTRY_PID=$!
for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
"$DIST/bin/congvu" exec caobang "congvu:intake dossier $WORK/caobang/records/dossier-2022.csv; congvu:file 2022 120; congvu:outbox" | tee caobang.out
"$DIST/bin/congvu" stop ministry
wait "$MINISTRY_PID" || true
rm -rf caobang/log caobang/data/felix-cache caobang/data/node.pid caobang/inbox
rm -f "$ZIP"
zip -q -r -X "$ZIP" caobang
ls -l "$ZIP"

#!/usr/bin/env bash
# Installs the congvu rule SDK in this folder into a local Maven repository: congvu-api and congvu-api-testkit
# (each with its pom, sources and javadoc) and the project archetype congvu-rule-archetype. README.txt says what
# comes next (mvn archetype:generate ...).
#
#   congvu/sdk/install.sh [MAVEN OPTIONS...]
#
# The options go to every mvn run, such as -Dmaven.repo.local=/path/to/repository (default: ~/.m2/repository),
# -s settings.xml, or -o (offline). Needs Maven 3.8 or later and Java 17 on the PATH (or MVN=/path/to/mvn).
set -euo pipefail

SDK="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MVN="${MVN:-mvn}"
INSTALL=org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file

if ! command -v "$MVN" >/dev/null 2>&1; then
  echo "congvu sdk: Maven ('$MVN') is not on the PATH; install Maven 3.8 or later and Java 17, or set MVN=/path/to/mvn" >&2
  exit 2
fi

# one artifact: NAME.jar with NAME.pom, and NAME-sources.jar and NAME-javadoc.jar when the SDK has them
install_artifact() {
  local name="$1"; shift
  local files=(-Dfile="$SDK/$name.jar" -DpomFile="$SDK/$name.pom")
  [ -f "$SDK/$name-sources.jar" ] && files+=(-Dsources="$SDK/$name-sources.jar")
  [ -f "$SDK/$name-javadoc.jar" ] && files+=(-Djavadoc="$SDK/$name-javadoc.jar")
  echo "congvu sdk: installing $name"
  if ! "$MVN" -B -ntp -Dstyle.color=never "$INSTALL" "${files[@]}" "$@"; then
    echo "congvu sdk: installing $name failed (Maven's output above says why); nothing else was installed after it" >&2
    exit 1
  fi
}

for name in congvu-api congvu-api-testkit congvu-rule-archetype; do
  for part in "$name.jar" "$name.pom"; do
    [ -f "$SDK/$part" ] || { echo "congvu sdk: $SDK/$part is missing: this is not a complete sdk/ folder" >&2; exit 2; }
  done
done
for name in congvu-api congvu-api-testkit congvu-rule-archetype; do
  install_artifact "$name" "$@"
done
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$SDK/congvu-api.pom" | head -n 1)"
echo "congvu sdk: installed vn.congvu:congvu-api, congvu-api-testkit and congvu-rule-archetype ${version}"

#!/usr/bin/env bash
# Runs one of the audit tools (the class given first) on the module's jar and its libraries, building them if missing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$repo/.mvn/find-jdk.sh"
if [ ! -d "$here/target/lib" ] || ! ls "$here"/target/audit-*.jar >/dev/null 2>&1; then
  echo "[audit] building the tools (./mvnw -q -DskipTests -pl audit -am package)" >&2
  (cd "$repo" && "$repo/mvnw" -q -DskipTests -pl audit -am package)
fi
jar=$(ls "$here"/target/audit-*.jar | grep -v -- '-sources\|-tests' | head -1)
tool=$1
shift
exec "$JAVA_HOME/bin/java" -cp "$jar:$here/target/lib/*" "$tool" "$@"

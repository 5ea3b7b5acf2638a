#!/usr/bin/env bash
# The national-registry import through the started local stack (deploy/local/fupin up --production-jvm), as a client would: a
# synthetic county's export is written, submitted through the gateway as the city office with a real token, the job
# followed to its end, then reporting's overview until it counts the new households, then the reconciliation until it
# balances (every owner's counts reached reporting).
#   deploy/local/bench/import-county.sh [households] [seed]     (defaults 20000 and 99; the demo county is seed 2020)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
. "$repo/.mvn/find-jdk.sh"
N=${1:-20000}; SEED=${2:-99}
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"' EXIT
"$JAVA_HOME/bin/java" -cp "$repo/deploy/local/target/classes:$repo/deploy/local/target/lib/*" \
  cn.fupin.local.SyntheticExport "$SEED" "$N" "$FILE"
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
# the city office's token, fetched again each minute (Keycloak's lasts five; a 10^5 run outlasts it)
TOKEN=; TOKEN_AT=0
token() {
  if [ $(( $(date +%s) - TOKEN_AT )) -ge 60 ]; then
    TOKEN=$(curl -s -d grant_type=password -d client_id=fupin-cli -d username=city.officer -d password=demo123 \
      http://localhost:8180/realms/fupin/protocol/openid-connect/token | json "d['access_token']")
    TOKEN_AT=$(date +%s)
  fi
}
token
count() { curl -s -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/reports/overview | json "d.get('households', -1)"; }
before=$(count)
t0=$(date +%s.%N)
job=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$FILE" \
  http://localhost:8080/api/v1/imports/national-registry | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
while :; do
  token
  state=$(curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:8080$job" \
    | json "d['state'] + ' ' + str(d['households']['created']) + ' created, ' + str(d['errorCount']) + ' errors'")
  case "$state" in SUCCEEDED*|REJECTED*|FAILED*) break ;; esac
  sleep 0.25
done
t1=$(date +%s.%N)
until token && [ "$(count)" -ge $((before + N)) ]; do sleep 0.25; done
t2=$(date +%s.%N)
# every owner's counts (households, members, monitoring objects, …) reach reporting: 账账相符, within two minutes
balanced=False
for _ in $(seq 240); do
  token
  balanced=$(curl -s -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/reports/reconciliation | json "d['balanced']")
  [ "$balanced" = True ] && break
  sleep 0.5
done
t3=$(date +%s.%N)
python3 -c "
t0, t1, t2, t3, n = $t0, $t1, $t2, $t3, $N
print(f'job $state: {t1 - t0:.1f} s ({n / (t1 - t0):.0f} households/s); reporting counted them {t2 - t1:.1f} s later;'
      f' file to overview {t2 - t0:.1f} s ({n / (t2 - t0):.0f} households/s); reconciliation balanced: $balanced'
      f' ({t3 - t0:.1f} s after the file was sent)')"
ps -eo rss,args | grep '[j]ava' | sed -nE 's/^ *([0-9]+) .*(household-service|monitoring-service|review-service|reporting-service|gateway|kafka|keycloak).*/\2 \1/p' \
  | awk '{printf "%s %d MB  ", $1, $2 / 1024} END {print ""}'

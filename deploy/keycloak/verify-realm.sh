#!/usr/bin/env bash
# Checks a running Keycloak that imported fupin-realm.json: token claims, the area_code
# protection in the account API, and admin-created users keeping area_code.
# Needs curl, jq and openssl. Usage: KC_URL=http://localhost:8180 ./verify-realm.sh
# ADMIN_USER/ADMIN_PASSWORD: a master-realm administrator (KC_BOOTSTRAP_ADMIN_* at first start).
set -euo pipefail
KC_URL=${KC_URL:-http://localhost:8180}
ADMIN_USER=${ADMIN_USER:-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}
TOKEN_URL="$KC_URL/realms/fupin/protocol/openid-connect/token"
FAILS=0

check() { # check <description> <jq boolean expression> <json>
  if jq -e "$2" >/dev/null <<<"$3"; then echo "PASS  $1"; else echo "FAIL  $1"; FAILS=$((FAILS + 1)); fi
}
jwt_payload() { # decodes the payload of a JWT (base64url, unpadded)
  local p; p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while (( ${#p} % 4 )); do p="$p="; done
  base64 -d <<<"$p"
}
admin_token() {
  curl -sf -d grant_type=password -d client_id=admin-cli -d "username=$ADMIN_USER" \
    --data-urlencode "password=$ADMIN_PASSWORD" "$KC_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

echo "== (a) password grant: xiyang.clerk via fupin-cli"
RESP=$(curl -sf -d grant_type=password -d client_id=fupin-cli -d username=xiyang.clerk -d password=demo123 "$TOKEN_URL")
CLERK_TOKEN=$(jq -r .access_token <<<"$RESP")
echo "token response: $(jq -c '{expires_in, refresh_expires_in, token_type, scope, has_refresh_token: (.refresh_token != null)}' <<<"$RESP")"
A=$(jwt_payload "$CLERK_TOKEN"); echo "$A" | jq .
check "sub present" '.sub | type == "string" and length > 0' "$A"
check "realm_access.roles has village-clerk" '.realm_access.roles | index("village-clerk") != null' "$A"
check "area_code = 350481100201" '.area_code == "350481100201"' "$A"
check "aud contains fupin-api" '(.aud | if type == "array" then . else [.] end) | index("fupin-api") != null' "$A"
check "exp - iat = 300" '.exp - .iat == 300' "$A"
check "refresh token issued, ~1800 s (SSO idle)" '.refresh_token != null and .refresh_expires_in > 1790 and .refresh_expires_in <= 1800' "$RESP"

R2=$(curl -sf -d grant_type=refresh_token -d client_id=fupin-cli --data-urlencode "refresh_token=$(jq -r .refresh_token <<<"$RESP")" "$TOKEN_URL")
check "refresh grant works and keeps area_code" '.area_code == "350481100201"' "$(jwt_payload "$(jq -r .access_token <<<"$R2")")"
O=$(curl -sf -d grant_type=password -d client_id=fupin-cli -d username=xiyang.clerk -d password=demo123 -d scope=openid "$TOKEN_URL")
check "id_token carries area_code" '.area_code == "350481100201"' "$(jwt_payload "$(jq -r .id_token <<<"$O")")"
check "userinfo carries area_code" '.area_code == "350481100201"' \
  "$(curl -sf -H "Authorization: Bearer $(jq -r .access_token <<<"$O")" "$KC_URL/realms/fupin/protocol/openid-connect/userinfo")"
denied() { # denied <description> <curl args...>: the token endpoint must refuse
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "${@:2}" "$TOKEN_URL")
  check "$1 refused (HTTP $code)" '. == 400 or . == 401' "$code"
}
denied "password grant on fupin-web" -d grant_type=password -d client_id=fupin-web -d username=xiyang.clerk -d password=demo123
denied "client credentials on fupin-api" -d grant_type=client_credentials -d client_id=fupin-api -d client_secret=fupin-api-secret
denied "password grant on fupin-seeder" -d grant_type=password -d client_id=fupin-seeder -d client_secret=fupin-seeder-secret -d username=xiyang.clerk -d password=demo123
denied "wrong password" -d grant_type=password -d client_id=fupin-cli -d username=xiyang.clerk -d password=wrong

echo "== (b) client credentials: fupin-seeder"
S=$(jwt_payload "$(curl -sf -d grant_type=client_credentials -d client_id=fupin-seeder \
  -d client_secret=fupin-seeder-secret "$TOKEN_URL" | jq -r .access_token)"); echo "$S" | jq .
check "seeder has city-officer" '.realm_access.roles | index("city-officer") != null' "$S"
check "seeder area_code = 350481" '.area_code == "350481"' "$S"
check "seeder aud contains fupin-api" '(.aud | if type == "array" then . else [.] end) | index("fupin-api") != null' "$S"
check "seeder client_id claim" '.client_id == "fupin-seeder"' "$S"
G=$(jwt_payload "$(curl -sf -d grant_type=client_credentials -d client_id=gov-data-exchange \
  -d client_secret=gov-data-exchange-secret "$TOKEN_URL" | jq -r .access_token)")
check "gov-data-exchange: auditor, scope households:read events:read" \
  '(.realm_access.roles | index("auditor") != null) and (.scope | split(" ") | index("households:read") != null and index("events:read") != null)' "$G"
D=$(jwt_payload "$(curl -sf -d grant_type=client_credentials -d client_id=city-dashboard \
  -d client_secret=city-dashboard-secret -d 'scope=events:read' "$TOKEN_URL" | jq -r .access_token)")
check "city-dashboard: auditor, scope reports:read + requested events:read" \
  '(.realm_access.roles | index("auditor") != null) and (.scope | split(" ") | index("reports:read") != null and index("events:read") != null)' "$D"

echo "== (c) xiyang.clerk tries to change own area_code through the account API"
ME=$(curl -sf -H "Authorization: Bearer $CLERK_TOKEN" -H 'Accept: application/json' "$KC_URL/realms/fupin/account/")
BODY=$(jq -c 'del(.userProfileMetadata) | .attributes.area_code = ["350481"]' <<<"$ME")
CODE=$(curl -s -o /tmp/fupin-account-resp.json -w '%{http_code}' -X POST -H "Authorization: Bearer $CLERK_TOKEN" \
  -H 'Content-Type: application/json' --data "$BODY" "$KC_URL/realms/fupin/account/")
echo "POST /realms/fupin/account/ -> HTTP $CODE $(cat /tmp/fupin-account-resp.json)"
check "account API refuses the change (HTTP 400)" ". == 400" "$CODE"
ADMIN=$(admin_token)
U=$(curl -sf -H "Authorization: Bearer $ADMIN" "$KC_URL/admin/realms/fupin/users?username=xiyang.clerk&exact=true")
echo "admin view: $(jq -c '.[0] | {username, attributes}' <<<"$U")"
check "area_code unchanged (admin REST API)" '.[0].attributes.area_code == ["350481100201"]' "$U"
A2=$(jwt_payload "$(curl -sf -d grant_type=password -d client_id=fupin-cli -d username=xiyang.clerk -d password=demo123 "$TOKEN_URL" | jq -r .access_token)")
check "fresh token still carries 350481100201" '.area_code == "350481100201"' "$A2"

echo "== (d) admin REST API creates a user with area_code"
NEWUSER="verify.clerk.$(date +%s)"
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  --data "{\"username\":\"$NEWUSER\",\"enabled\":true,\"email\":\"$NEWUSER@demo.fupin.cn\",\"emailVerified\":true,
           \"firstName\":\"测试\",\"lastName\":\"周\",\"attributes\":{\"area_code\":[\"350481100203\"]},
           \"credentials\":[{\"type\":\"password\",\"value\":\"demo123\",\"temporary\":false}]}" \
  "$KC_URL/admin/realms/fupin/users"
N=$(curl -sf -H "Authorization: Bearer $ADMIN" "$KC_URL/admin/realms/fupin/users?username=$NEWUSER&exact=true")
echo "created: $(jq -c '.[0] | {username, attributes}' <<<"$N")"
check "admin-created user keeps area_code" '.[0].attributes.area_code == ["350481100203"]' "$N"
T=$(jwt_payload "$(curl -sf -d grant_type=password -d client_id=fupin-cli -d "username=$NEWUSER" -d password=demo123 "$TOKEN_URL" | jq -r .access_token)")
check "its token carries area_code 350481100203" '.area_code == "350481100203"' "$T"
BAD=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  --data '{"username":"verify.bad.area","enabled":true,"attributes":{"area_code":["12345"]}}' "$KC_URL/admin/realms/fupin/users")
check "admin API rejects malformed area_code 12345 (HTTP 400)" ". == 400" "$BAD"
curl -sf -X DELETE -H "Authorization: Bearer $ADMIN" "$KC_URL/admin/realms/fupin/users/$(jq -r '.[0].id' <<<"$N")"
echo "(deleted $NEWUSER again)"

echo "== (e) fupin-web: authorization code + PKCE S256 (xiyang.officer), curl drives the login form"
AUTH_URL="$KC_URL/realms/fupin/protocol/openid-connect/auth"; RU=http://localhost:5173/callback; JAR=$(mktemp)
VERIFIER=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
NOPKCE=$(curl -s -o /dev/null -w '%{redirect_url}' "$AUTH_URL?client_id=fupin-web&response_type=code&scope=openid&redirect_uri=$RU")
check "auth request without code_challenge refused" 'test("error=invalid_request")' "\"$NOPKCE\""
PAGE=$(curl -s -c "$JAR" -b "$JAR" "$AUTH_URL?client_id=fupin-web&response_type=code&scope=openid&redirect_uri=$RU&code_challenge=$CHALLENGE&code_challenge_method=S256&state=verify")
ACTION=$(grep -o 'action="[^"]*"' <<<"$PAGE" | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
LOC=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" -d username=xiyang.officer -d password=demo123 "$ACTION")
CODE=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$LOC"); rm -f "$JAR"
W=$(curl -s -d grant_type=authorization_code -d client_id=fupin-web -d "code=$CODE" -d "redirect_uri=$RU" \
  -d "code_verifier=$VERIFIER" "$TOKEN_URL" | jq -r '.access_token // empty')
WP=$( [ -n "$W" ] && jwt_payload "$W" || echo '{}' )
echo "$WP" | jq -c '{aud, azp, area_code, roles: .realm_access.roles, scope}'
check "fupin-web token: township-officer, area 350481100, aud fupin-api" \
  '(.realm_access.roles | index("township-officer") != null) and .area_code == "350481100" and (.aud | index("fupin-api") != null)' "$WP"

echo "== $FAILS failure(s)"
exit $(( FAILS > 0 ))

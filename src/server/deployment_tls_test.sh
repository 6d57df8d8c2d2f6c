#!/usr/bin/env bash
# The deployment of docs/operations.md with TLS in front, for real: scripts/local-deployment
# brings up `canje serve` (the binary: $1) behind nginx listening with TLS, with a certificate
# from a test certificate authority, on a new database of the PostgreSQL test cluster. Then, as
# a client of the office would:
#   - a request trusting the office's authority is answered; one that does not trust it, or
#     that offers only TLS 1.1, is refused at the handshake;
#   - the plain-HTTP port answers with a redirect to the same path on the TLS port;
#   - a person signs in over TLS and gets a session cookie marked Secure and HttpOnly, which
#     authenticates their next request;
#   - an admin setting that person's password on the command line ends the session: the same
#     cookie is refused (401) once the server's one-second memory of sessions has passed.
# Skipped (77) without CANJE_TEST_POSTGRES_URL, like the other PostgreSQL tests.
set -euo pipefail
[ -n "${CANJE_TEST_POSTGRES_URL:-}" ] || { echo 'no CANJE_TEST_POSTGRES_URL: skipped'; exit 77; }
canje=${1:?usage: deployment_tls_test.sh CANJE_BINARY}
script="$(cd "$(dirname "$0")/../../scripts" && pwd)/local-deployment"
base=$(mktemp -d)
chmod 711 "$base"
trap '"$script" stop "$base/deployment" >/dev/null 2>&1; rm -rf "$base"' EXIT
trap 'exit 1' INT TERM

failures=0
# expect WHAT EXPECTED ACTUAL: one check, said either way.
expect() {
  if [[ $2 == "$3" ]]; then
    echo "ok: $1"
  else
    echo "FAILED: $1: expected '$2', got '$3'"
    failures=$((failures + 1))
  fi
}

TLS=1 SERVERS=1 CANJE=$canje "$script" start "$base/deployment" "$CANJE_TEST_POSTGRES_URL" >/dev/null
set -a
. "$base/deployment/deployment.env"
set +a
url=$CANJE_DEPLOYMENT_URL
[[ $url == https://* ]] || { echo "FAILED: the deployment's URL is not https: $url"; exit 1; }
trust=(--cacert "$CANJE_DEPLOYMENT_CA")

# A token for the store's admin (made by canje init), and a person who signs in.
token=$("$canje" --quiet user token create admin | grep -o 'canje_[A-Za-z0-9_-]*' | head -1)
"$canje" --quiet party add VEN --name Venezuela >/dev/null
"$canje" --quiet user add ana --party VEN --role negotiator >/dev/null
CANJE_PASSWORD='a long enough passphrase' "$canje" --quiet user password set ana >/dev/null
secret=$("$canje" --json user totp enrol ana | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

# 1. The office's authority is trusted: answered. Not trusted, or TLS 1.1 only: refused.
answer=$(curl -s "${trust[@]}" -H "Authorization: Bearer $token" "$url/v1/whoami")
expect "whoami over TLS with the office's CA names the admin" admin \
  "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["user"])' "$answer")"
status=0
curl -s -o /dev/null "$url/healthz" || status=$?
expect "a client that does not trust the office's CA is refused (curl: certificate problem)" 60 "$status"
status=0
curl -s -o /dev/null "${trust[@]}" --tlsv1.1 --tls-max 1.1 "$url/healthz" || status=$?
expect "a client offering only TLS 1.1 fails the handshake (curl: SSL connect error)" 35 "$status"

# 2. Plain HTTP: a redirect to the same path on the TLS port.
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$CANJE_DEPLOYMENT_PLAIN_URL/v1/persons?limit=1")
expect "the plain-HTTP port redirects to TLS" "301 https://127.0.0.1:${url##*:}/v1/persons?limit=1" "$location"

# 3. Signing in over TLS: the cookie is Secure and HttpOnly, and authenticates.
code=$("$(dirname "$script")/totp-code" "$secret" | cut -d" " -f1)  # "123456 (valid for N more seconds)"
body=$(printf '{"name": "ana", "password": "a long enough passphrase", "code": "%s"}' "$code")
headers=$(curl -s "${trust[@]}" -D - -o "$base/session.json" -w '%{http_code}' \
  -H 'Content-Type: application/json' -d "$body" "$url/v1/session")
expect "signing in answers 201" 201 "${headers##*$'\n'}"
cookie_line=$(grep -i '^set-cookie: canje_session=' <<<"$headers" | tr -d '\r')
expect "the session cookie is Secure" yes "$(grep -qi '; *Secure' <<<"$cookie_line" && echo yes || echo no)"
expect "the session cookie is HttpOnly" yes "$(grep -qi '; *HttpOnly' <<<"$cookie_line" && echo yes || echo no)"
cookie=$(sed 's/^[^:]*: *\(canje_session=[^;]*\).*/\1/' <<<"$cookie_line")
whoami=$(curl -s "${trust[@]}" -H "Cookie: $cookie" "$url/v1/whoami")
expect "the cookie authenticates the next request" ana \
  "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("user"))' "$whoami")"

# 4. The admin sets ana's password again on the command line: her session ends.
CANJE_PASSWORD='another long passphrase' "$canje" --quiet user password set ana >/dev/null
sleep 1.2  # the server remembers an open session for at most a second
status=$(curl -s -o /dev/null -w '%{http_code}' "${trust[@]}" -H "Cookie: $cookie" "$url/v1/whoami")
expect "after a new password the old session cookie is refused" 401 "$status"

if ((failures > 0)); then
  echo "$failures check(s) failed; nginx's error log:"
  tail -n 20 "$base/deployment/nginx/error.log" 2>/dev/null || true
  exit 1
fi
echo "all checks passed"

#!/usr/bin/env bash
# canje installed as `make install` installs it, into a throwaway DESTDIR, and used from there:
# the binary runs, every manual page renders without a warning, the bash completion completes
# from the installed script (party codes from a real store), the unit and the configuration
# name this installation's paths, and the shipped configuration starts `canje serve`, whose
# configuration errors name their line.
#
# Usage: installed_test.sh BUILD_DIR    (run by ctest; cleans up after itself)
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check.sh"

DESTDIR="$tmp/root" cmake --install "$build" --prefix /opt/canje >"$tmp/install.log"
root=$tmp/root/opt/canje
canje=$root/bin/canje
export PATH="$root/bin:$PATH" MANPATH="$root/share/man"
unset CANJE_DB CANJE_USER CANJE_MASTER_KEY_FILE

check "the installed binary runs" bash -c "'$canje' version | grep -q '^canje [0-9.]* (store schema [0-9]*)$'"
for file in bin/canje share/man/man1/canje.1.gz share/man/man1/canje-import.1.gz \
  share/man/man1/canje-serve.1.gz share/man/man5/canje-formats.5.gz \
  share/bash-completion/completions/canje share/doc/canje/README.md \
  share/doc/canje/docs/operations.md share/doc/canje/examples/solver/README.md \
  share/doc/canje/copyright share/doc/canje/changelog.gz \
  lib/systemd/system/canje-serve.service etc/canje/serve.conf; do
  check "installed: $file" test -f "$root/$file"
done

# Every page renders without a groff warning (the line-adjustment notes lintian ignores too).
for page in "$root"/share/man/man*/*.gz; do
  warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null |
    grep -v '^$' || true)
  check "$(basename "$page") renders without warnings" test -z "$warnings"
done
check "man canje-import shows --kind and its values" \
  bash -c "MANWIDTH=80 man canje-import 2>/dev/null | grep -q 'custody_roster'"
check "man canje lists the groups and the exit statuses" \
  bash -c "MANWIDTH=200 man canje 2>/dev/null | grep -q 'Exit status: 0 ok, 2 usage'"
check "man 5 canje-formats has the list formats" \
  bash -c "MANWIDTH=80 man 5 canje-formats 2>/dev/null | grep -q 'LIST FILES (IMPORT)'"

# The unit and the configuration name this prefix (anything but /usr: PREFIX/etc).
unit=$root/lib/systemd/system/canje-serve.service
check "the unit runs this installation's binary with its configuration" \
  grep -qx 'ExecStart=/opt/canje/bin/canje serve --config /opt/canje/etc/canje/serve.conf' "$unit"
check "the configuration names this installation's key" \
  grep -qx 'master-key = /opt/canje/etc/canje/private/master.key' "$root/etc/canje/serve.conf"

# Bash completion from the installed script, as bash-completion loads it.
completion=$root/share/bash-completion/completions/canje
complete_words() {  # complete_words WORD... : the completions of the last word, one a line
  local words=""
  for word in "$@"; do words+=" $(printf '%q' "$word")"; done
  bash -c "source '$completion'; COMP_WORDS=($words); COMP_CWORD=$(($# - 1)); _canje;
           printf '%s\n' \"\${COMPREPLY[@]}\"" 2>/dev/null | sort | tr '\n' ' '
}
check "complete -p names the function" \
  bash -c "source '$completion' && complete -p canje | grep -q -- '-F _canje canje'"
check "compgen: command groups" test "$(complete_words canje ex)" = "exchange export "
check "compgen: roles" test "$(complete_words canje user add ana --role v)" = "verifier "
check "compgen: list kinds" \
  test "$(complete_words canje import f.csv --kind '')" = \
  "claim_list custody_roster documentation_list transfer_manifest "
"$canje" --db "$tmp/store.db" --quiet init >/dev/null
"$canje" --db "$tmp/store.db" party add VEN --name Venezuela >/dev/null
"$canje" --db "$tmp/store.db" party add SLV --name "El Salvador" >/dev/null
check "compgen: party codes from the store named by --db" \
  test "$(complete_words canje --db "$tmp/store.db" persons --holder '')" = "OPERATOR SLV VEN "
check "compgen: party codes from CANJE_DB" \
  test "$(CANJE_DB=$tmp/store.db complete_words canje exchange party add X1 V)" = "VEN "
check "compgen: user names for --as" \
  test "$(complete_words canje --db "$tmp/store.db" --as '')" = "admin "

# The shipped configuration starts canje serve (store and key moved to this test's folder; the
# command line's --listen wins over the file's). It runs under strace, answering requests and a
# SIGHUP, so that every system call it makes is checked against the unit's filter.
sed -e "s|^db = .*|db = $tmp/store.db|" -e "s|^master-key = .*|master-key = $tmp/store.db.key|" \
  "$root/etc/canje/serve.conf" >"$tmp/serve.conf"
"$canje" --db "$tmp/store.db" user add ven --party VEN --role negotiator >/dev/null
token=$("$canje" --db "$tmp/store.db" --json user token create ven | sed -n 's/.*"token": "\([^"]*\)".*/\1/p')
# As the service would, it runs as an unprivileged user: as root, `nobody` (SQLite, for one,
# calls fchown only when it runs as root).
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  chmod 0711 "$tmp"
  chown nobody "$tmp/store.db" "$tmp/store.db.key" "$tmp"/store.db-* 2>/dev/null || true
  mkdir -m 0700 "$tmp/service" && chown nobody "$tmp/service"
  mv "$tmp"/store.db* "$tmp/service/"
  sed -i -e "s|$tmp/store.db|$tmp/service/store.db|" "$tmp/serve.conf"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
strace -f -qq -o "$tmp/trace" "${as_user[@]}" "$canje" serve --config "$tmp/serve.conf" \
  --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
strace_pid=$!
for _ in $(seq 300); do
  grep -q '^listening on' "$tmp/serve.out" 2>/dev/null && break
  sleep 0.1
done
server_pid=$(pgrep -P "$strace_pid" || true)  # strace holds fatal signals: signal canje itself
check "serve starts with the shipped configuration" grep -q '^listening on http://127.0.0.1:' "$tmp/serve.out"
port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$tmp/serve.out")
request() {  # request PATH: the response's status line and headers, over loopback
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\nConnection: close\r\n\r\n' \
    "$1" "$token" >&3
  cat <&3
  exec 3<&-
}
request /v1/whoami >"$tmp/whoami.txt"
request /v1/persons >/dev/null
check "an answer carries its request id" grep -qi '^x-request-id: [0-9a-f]\{32\}' "$tmp/whoami.txt"
id=$(sed -n 's/^[Xx]-[Rr]equest-[Ii]d: \([0-9a-f]*\).*/\1/p' "$tmp/whoami.txt")
kill -HUP "$server_pid"
for _ in $(seq 50); do
  grep -q '"event":"reload"' "$tmp/serve.err" && break
  sleep 0.1
done
kill -TERM "$server_pid"
status=0
wait "$strace_pid" || status=$?  # strace exits with canje's status
server_pid=""
check "serve stops on SIGTERM with status 0" test "$status" -eq 0
check "the log has the request's line under the id the client saw" \
  bash -c "grep '\"request_id\":\"$id\"' '$tmp/serve.err' | grep -q '\"route\":\"/v1/whoami\",\"status\":200'"
check "serve logs its start, reload and stop as JSON lines" bash -c "grep -q '\"event\":\"start\"' '$tmp/serve.err' &&
  grep -q '\"event\":\"reload\",\"outcome\":\"done\"' '$tmp/serve.err' && grep -q '\"event\":\"stop\"' '$tmp/serve.err'"
check "the log holds no token" bash -c "! grep -qF '$token' '$tmp/serve.err'"

# The unit's SystemCallFilter: @system-service less @privileged and @resources.
expand() {  # the system calls of a systemd group, nested groups included
  systemd-analyze syscall-filter "$1" </dev/null | sed -n 's/^    \([@a-z0-9_-]*\)$/\1/p' |
    while read -r name; do
    if [[ $name == @* ]]; then expand "$name"; else echo "$name"; fi
  done
}
expand @system-service | sort -u >"$tmp/allowed"
{ expand @privileged; expand @resources; } | sort -u >"$tmp/denied"
comm -23 "$tmp/allowed" "$tmp/denied" >"$tmp/filter"
# From canje's own start on (not strace's or setpriv's calls before it).
awk -v exe="execve(\"$canje\"" 'index($0, exe) { started = 1 } started' "$tmp/trace" |
  sed -n 's/^[0-9]* *\([a-z0-9_]*\)(.*/\1/p' | sort -u >"$tmp/used"
outside=$(comm -23 "$tmp/used" "$tmp/filter" | tr '\n' ' ')
check "canje serve made $(wc -l <"$tmp/used") kinds of system call, all allowed by the unit's filter${outside:+ (not: $outside)}" \
  test -z "$outside"
check "canje serve maps no memory writable and executable (MemoryDenyWriteExecute)" \
  bash -c "! grep -E 'mmap|mprotect' '$tmp/trace' | grep -q 'PROT_WRITE|PROT_EXEC'"

# Configuration errors name their file and line, with the usage exit status.
printf 'listen = 127.0.0.1:0\n# a comment\nlisten-address = 127.0.0.1:1\n' >"$tmp/unknown.conf"
status=0
"$canje" --db "$tmp/store.db" serve --config "$tmp/unknown.conf" >/dev/null 2>"$tmp/unknown.err" ||
  status=$?
check "an unknown key: exit 2" test "$status" -eq 2
check "an unknown key names FILE:LINE" grep -q "$tmp/unknown.conf:3: unknown key 'listen-address'" "$tmp/unknown.err"
printf 'threads = 0\n' >"$tmp/bad.conf"
status=0
"$canje" --db "$tmp/store.db" serve --config "$tmp/bad.conf" >/dev/null 2>"$tmp/bad.err" || status=$?
check "a bad value: exit 2 naming FILE:LINE" \
  bash -c "test $status -eq 2 && grep -q '$tmp/bad.conf:1: threads = .0.:' '$tmp/bad.err'"

finish

#!/usr/bin/env bash
# The Debian package as `make deb` builds it: its control fields and contents, lintian (no
# error; every warning listed in docs/operations.md), the unit's sandbox score (as
# docs/operations.md states it), then the package installed and used as the README says:
# `dpkg -i canje_*.deb`, `canje version`, `man canje`, the system user and the first store,
# `systemd-analyze verify`, `systemctl start canje-serve` (a request answered and found in the
# journal by its id, `systemctl reload`, `systemctl stop`), then `dpkg --purge`.
#
# Where it is installed: in a throwaway machine booted with systemd (tests/install/machine.sh:
# this computer's system in namespaces of its own, its changes discarded), when this runs as
# root where namespaces can be made; else, as root on a computer without canje, on the computer
# itself, without the service's part (no systemd runs there to start it), purged afterwards with
# what the package kept; else not at all (the test says why).
#
# Usage: package_test.sh BUILD_DIR SOURCE_DIR    (run by ctest; cleans up after itself)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
installed_here=""
source "$(dirname "$0")/machine.sh"
cleanup() {
  machine_stop
  if [[ -n $installed_here ]]; then
    dpkg --purge canje >/dev/null 2>&1 || true
    rm -rf /var/lib/canje /etc/canje
    userdel canje 2>/dev/null || true
    groupdel canje 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check.sh"
operations=$source_dir/docs/operations.md

cpack --config "$build/CPackConfig.cmake" -B "$tmp/package" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/package/canje_*.deb)
version=$("$build/canje" version | sed -n 's/^canje \([^ ]*\) .*/\1/p')
arch=$(dpkg --print-architecture)
check "the package is canje_${version}_${arch}.deb" test "$(basename "$deb")" = "canje_${version}_${arch}.deb"
field() { dpkg-deb --field "$deb" "$1"; }
check "Package and Version" test "$(field Package) $(field Version)" = "canje $version"
depends=$(field Depends)
echo "Depends: $depends"
for library in libc6 libsqlite3-0 libpq5 libssl3 'libicu[0-9]' libstdc++6 adduser; do
  check "Depends names $library (dpkg-shlibdeps)" bash -c "grep -q '$library' <<<'$depends'"
done
dpkg-deb --contents "$deb" | awk '{print $6}' >"$tmp/contents"
for file in ./usr/bin/canje ./usr/share/man/man1/canje.1.gz ./usr/share/man/man1/canje-exchange.1.gz \
  ./usr/share/man/man5/canje-formats.5.gz ./usr/share/bash-completion/completions/canje \
  ./usr/lib/systemd/system/canje-serve.service ./etc/canje/serve.conf \
  ./usr/share/doc/canje/copyright ./usr/share/doc/canje/changelog.gz \
  ./usr/share/doc/canje/docs/operations.md ./usr/share/doc/canje/examples/solver/README.md; do
  check "the package holds $file" grep -qx "$file" "$tmp/contents"
done
dpkg-deb --control "$deb" "$tmp/control"
check "serve.conf is a conffile" grep -qx /etc/canje/serve.conf "$tmp/control/conffiles"

# lintian: no error, and each warning explained in docs/operations.md.
status=0
lintian --fail-on error --display-level '>=warning' --tag-display-limit 0 "$deb" \
  >"$tmp/lintian.txt" 2>&1 || status=$?
cat "$tmp/lintian.txt"
check "lintian finds no error" test "$status" -eq 0
for tag in $(sed -n 's/^W: canje[^:]*: \([a-z0-9-]*\).*/\1/p' "$tmp/lintian.txt" | sort -u); do
  check "lintian warning $tag is explained in docs/operations.md" grep -q "\`$tag\`" "$operations"
done

# The unit's exposure score, offline, as systemd rates it; docs/operations.md states it.
dpkg-deb --extract "$deb" "$tmp/root"
unit=$tmp/root/usr/lib/systemd/system/canje-serve.service
check "the unit runs /usr/bin/canje with /etc/canje/serve.conf" \
  grep -qx 'ExecStart=/usr/bin/canje serve --config /etc/canje/serve.conf' "$unit"
systemd-analyze security --offline=true --root="$tmp/root" "$unit" >"$tmp/security.txt" 2>&1 || true
score=$(sed -n 's/.*Overall exposure level for canje-serve.service: \([0-9.]*\).*/\1/p' "$tmp/security.txt")
echo "systemd-analyze security: exposure $score"
check "systemd-analyze security rates the unit (exposure $score)" test -n "$score"
check "docs/operations.md states the exposure score $score" grep -q "exposure level $score" "$operations"
check "the exposure is 2.0 or less (\"OK\")" awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'

# The package installed and used. `on COMMAND...` runs a command where it is installed.
package=$(basename "$deb")
reason=$(machine_unavailable "$tmp/probe")
if [[ -z $reason ]]; then
  where="a throwaway machine booted with systemd"
  if ! machine_start "$tmp/machine"; then
    check "the throwaway machine boots" false
    finish
  fi
  on() { machine_run "$@"; }
  on mkdir -p /root/download
  on sh -c "cat >/root/download/$package" <"$deb"
  # A container image's policy (Docker's policy-rc.d) forbids maintainer scripts to start or
  # stop services; a Debian machine has none.
  on rm -f /usr/sbin/policy-rc.d
  folder=/root/download
elif [[ $(id -u) -ne 0 ]]; then
  :
elif dpkg-query -W canje >/dev/null 2>&1; then
  reason="no throwaway machine ($reason), and a canje package is installed here already"
elif getent passwd canje >/dev/null || getent group canje >/dev/null || [[ -e /var/lib/canje || -e /etc/canje ]]; then
  reason="no throwaway machine ($reason), and this computer has a canje user, /var/lib/canje or /etc/canje of its own"
else
  echo "no throwaway machine ($reason): installing on this computer, without starting the service"
  where="this computer"
  reason=""
  installed_here=yes
  on() { "$@"; }
  folder=$(dirname "$deb")
fi
if [[ -z ${where:-} ]]; then
  finish_skipped "dpkg -i and the service ($reason)"
fi
echo "installing in $where"

# As the README prints it (as root, so without sudo).
check "dpkg -i canje_*.deb" on sh -c "cd '$folder' && dpkg -i canje_*.deb"
check "canje version" on sh -c "canje version | grep -q '^canje $version '"
check "man canje" on sh -c "MANWIDTH=80 man canje 2>/dev/null | grep -q 'canje-exchange(1)'"
check "man -l canje-import.1.gz" \
  on sh -c "MANWIDTH=80 man -l /usr/share/man/man1/canje-import.1.gz | grep -q custody_roster"
check "man canje-serve" on sh -c "MANWIDTH=80 man canje-serve 2>/dev/null | grep -q 'KEY = VALUE'"
check "the postinst made the system user canje" \
  on sh -c "getent passwd canje | grep -q ':/var/lib/canje:/usr/sbin/nologin$'"
check "the store's folder belongs to canje, mode 0700" \
  test "$(on stat -c '%U %a' /var/lib/canje)" = "canje 700"
check "the master key belongs to canje, mode 0600" \
  test "$(on stat -c '%U %a' /etc/canje/private/master.key)" = "canje 600"
# The store, acted on as docs/operations.md says (there with sudo -u canje).
admin() {
  on runuser -u canje -- env CANJE_DB=/var/lib/canje/canje.db \
    CANJE_MASTER_KEY_FILE=/etc/canje/private/master.key canje "$@"
}
check "the first store opens with its key and verifies" admin --quiet log verify
check "systemd-analyze verify accepts the installed unit" \
  on systemd-analyze verify /usr/lib/systemd/system/canje-serve.service
check "dpkg knows /etc/canje/serve.conf as a conffile" \
  on sh -c "dpkg-query -W -f='\${Conffiles}' canje | grep -q /etc/canje/serve.conf"

if [[ $where != "this computer" ]]; then
  # The service, started as the README says, on the packaged configuration.
  request() {  # request PATH [TOKEN]: the answer's status line, headers and body
    on bash -c 'exec 3<>/dev/tcp/127.0.0.1/8420 || exit 1
      printf "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" "$1" >&3
      if [[ -n ${2:-} ]]; then printf "Authorization: Bearer %s\r\n" "$2" >&3; fi
      printf "\r\n" >&3
      timeout 10 cat <&3' request "$@"
  }
  journal() { on journalctl -u canje-serve -o cat --no-pager; }
  journal_has() {  # journal_has PATTERN...: a line of the journal matches every pattern
    local lines
    lines=$(journal | grep -F -e "$1") || return 1
    shift
    for pattern in "$@"; do lines=$(grep -F -e "$pattern" <<<"$lines") || return 1; done
  }
  check "systemctl start canje-serve" on systemctl start canje-serve
  for _ in $(seq 100); do
    request /healthz 2>/dev/null | grep -q '^HTTP/1.1 200' && break
    sleep 0.1
  done
  check "canje-serve is active" on systemctl is-active --quiet canje-serve
  healthy() { request /healthz | grep -q '^HTTP/1.1 200'; }
  check "it answers /healthz on 127.0.0.1:8420 (serve.conf's address)" healthy
  check "canje-admin party add VEN" admin party add VEN --name Venezuela
  check "canje-admin user add ana" admin user add ana --party VEN --role negotiator
  token=$(admin --json user token create ana --expires-days 30 |
    sed -n 's/.*"token": "\([^"]*\)".*/\1/p')
  request /v1/whoami "$token" >"$tmp/whoami.txt" || true
  check "a user's token, made with the store's commands, is accepted by the service" \
    grep -q '^HTTP/1.1 200' "$tmp/whoami.txt"
  id=$(sed -n 's/^[Xx]-[Rr]equest-[Ii]d: \([0-9a-f]*\).*/\1/p' "$tmp/whoami.txt")
  for _ in $(seq 50); do
    journal_has "\"request_id\":\"${id:-none}\"" && break
    sleep 0.1
  done
  check "the journal has the request's line under the id the client saw (${id:-none})" \
    journal_has "\"request_id\":\"${id:-none}\"" '"route":"/v1/whoami","status":200' '"user":"ana"'
  check "the journal holds no token" test -n "$token" -a -z "$(journal | grep -F -e "$token")"
  check "systemctl reload canje-serve" on systemctl reload canje-serve
  for _ in $(seq 50); do
    journal_has '"event":"reload","outcome":"done"' && break
    sleep 0.1
  done
  check "the reload read serve.conf again" journal_has '"event":"reload","outcome":"done"'
  check "systemctl stop canje-serve" on systemctl stop canje-serve
  stopped=$(for property in ActiveState Result ExecMainStatus; do
    on systemctl show -p "$property" --value canje-serve
  done | tr '\n' ' ')
  check "it stopped cleanly: inactive, success, exit status 0 (${stopped})" \
    test "$stopped" = "inactive success 0 "
  check "its stop is in the journal" journal_has '"event":"stop"'
  on systemd-analyze security --no-pager canje-serve >"$tmp/security-live.txt" 2>&1 || true
  echo "systemd-analyze security (live): $(grep 'Overall exposure' "$tmp/security-live.txt")"
  # Enabled and running when the package is removed: stopped, still enabled once reinstalled,
  # and its links gone with the purge.
  check "systemctl enable --now canje-serve" on systemctl enable --now canje-serve
  check "enabled at boot" on systemctl is-enabled --quiet canje-serve
  check "dpkg -r canje" on dpkg -r canje
  check "the removal stopped the service" \
    test "$(on systemctl show -p ActiveState --value canje-serve)" = inactive
  check "dpkg -i again" on sh -c "cd '$folder' && dpkg -i canje_*.deb"
  check "the reinstalled service is still enabled" on systemctl is-enabled --quiet canje-serve
  check "and starts" on systemctl start canje-serve
fi

check "dpkg --purge canje" on dpkg --purge canje
check "the binary is gone" on test ! -e /usr/bin/canje
check "the unit is gone" on test ! -e /usr/lib/systemd/system/canje-serve.service
if [[ $where != "this computer" ]]; then
  check "the purge stopped the service" \
    test "$(on systemctl show -p ActiveState --value canje-serve)" = inactive
  check "and removed its links (nothing of it left in /etc/systemd/system)" \
    test -z "$(on find /etc/systemd/system -name 'canje-serve*')"
fi
check "the purge kept the store and the key" \
  on test -e /var/lib/canje/canje.db -a -e /etc/canje/private/master.key
finish

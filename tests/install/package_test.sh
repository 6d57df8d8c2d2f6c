#!/usr/bin/env bash
# The Debian package as `make deb` builds it: its control fields and contents, lintian (no
# error; every warning listed in docs/operations.md), the unit's sandbox score (as
# docs/operations.md states it), and, when run as root on a machine without canje, a real
# `dpkg -i`: the system user, the first store, `canje version`, `man`, `systemd-analyze verify`,
# then `dpkg --purge` and the removal of what the package kept, leaving the machine as it was.
#
# Usage: package_test.sh BUILD_DIR SOURCE_DIR    (run by ctest; cleans up after itself)
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
installed_here=""
cleanup() {
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

# A real installation, when this is root on a machine that has no canje of its own.
reason=""
if [[ $(id -u) -ne 0 ]]; then
  reason="not root"
elif dpkg-query -W canje >/dev/null 2>&1; then
  reason="a canje package is installed already"
elif getent passwd canje >/dev/null || getent group canje >/dev/null || [[ -e /var/lib/canje || -e /etc/canje ]]; then
  reason="this machine has a canje user, /var/lib/canje or /etc/canje of its own"
fi
if [[ -n $reason ]]; then
  echo "skipped dpkg -i: $reason"
  finish
fi
installed_here=yes
check "dpkg -i installs the package" dpkg -i "$deb"
check "canje version" bash -c "canje version | grep -q '^canje $version '"
check "man -l canje.1.gz" bash -c "MANWIDTH=80 man -l /usr/share/man/man1/canje.1.gz | grep -q 'canje-exchange(1)'"
check "man canje-serve" bash -c "MANWIDTH=80 man canje-serve 2>/dev/null | grep -q 'KEY = VALUE'"
check "the postinst made the system user canje" \
  bash -c "getent passwd canje | grep -q ':/var/lib/canje:/usr/sbin/nologin$'"
check "the store's folder belongs to canje, mode 0700" \
  test "$(stat -c '%U %a' /var/lib/canje)" = "canje 700"
check "the master key belongs to canje, mode 0600" \
  test "$(stat -c '%U %a' /etc/canje/private/master.key)" = "canje 600"
check "the first store opens with its key and verifies" \
  runuser -u canje -- canje --db /var/lib/canje/canje.db --master-key /etc/canje/private/master.key \
  --quiet log verify
check "systemd-analyze verify accepts the installed unit" \
  systemd-analyze verify /usr/lib/systemd/system/canje-serve.service
check "dpkg knows /etc/canje/serve.conf as a conffile" \
  bash -c "dpkg-query -W -f='\${Conffiles}' canje | grep -q /etc/canje/serve.conf"
check "dpkg --purge removes the package" dpkg --purge canje
check "the binary is gone" test ! -e /usr/bin/canje
check "the purge kept the store and the key" \
  test -e /var/lib/canje/canje.db -a -e /etc/canje/private/master.key
finish

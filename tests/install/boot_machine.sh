#!/usr/bin/env bash
# The inside of a throwaway machine (tests/install/machine.sh starts it in new mount, PID,
# network, UTS, IPC and cgroup namespaces): this computer's root file system seen through an
# overlay whose changes go to DIR/upper and vanish with it, its own /proc, /sys, /dev, /run and
# cgroup tree, a loopback network of its own, then systemd as PID 1, booted to basic.target
# without timers.
#
# Usage: boot_machine.sh DIR    (DIR holds empty folders upper/, work/ and root/)
set -euo pipefail
dir=$1
root=$dir/root

mount -t overlay overlay -o "lowerdir=/,upperdir=$dir/upper,workdir=$dir/work" "$root"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$root/run"

# A /dev of its own with the usual character devices (nothing written lands in this computer's).
mount -t tmpfs -o mode=0755,nosuid dev "$root/dev"
for device in null zero full random urandom tty; do
  touch "$root/dev/$device"
  mount --bind "/dev/$device" "$root/dev/$device"
done
mkdir -m 0755 "$root/dev/pts"
mkdir -m 1777 "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"

hostname canje-test
echo canje-test >"$root/etc/hostname"
# No timers: this computer's daily jobs (apt's, dpkg's database backup) would compete for
# dpkg's lock with the test's dpkg -i.
mkdir -p "$root/etc/systemd/system"
ln -sf /dev/null "$root/etc/systemd/system/timers.target"
# The overlay becomes the root of this mount namespace (pivot_root, not chroot: systemd makes
# user namespaces for PrivateUsers=, which the kernel refuses to a chrooted process).
cd "$root"
pivot_root . .
umount -l .
exec /usr/bin/env -i container=canje-test \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /lib/systemd/systemd --unit=basic.target

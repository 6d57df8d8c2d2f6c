# shellcheck shell=bash
# Sourced by the install tests: a throwaway machine booted with systemd, in which a package can
# be installed with dpkg and its service started with systemctl, leaving this computer as it was.
# It is this computer's own system (its root file system through an overlay: whatever the
# bootstrap installed is there) in namespaces of its own (tests/install/boot_machine.sh); what
# it writes goes to a folder that is deleted afterwards; its network is a loopback of its own.
#
#   machine_unavailable DIR      prints why no machine can be started here (nothing if it can)
#   machine_start DIR            boots one, its files in DIR (an empty folder); waits for systemd
#   machine_run COMMAND...       runs a command inside, as root, in a clean environment
#   machine_stop                 powers it off and removes its control group (DIR is the caller's)

machine_pid=""
machine_launcher=""
machine_cgroup=""

machine_unavailable() {  # machine_unavailable DIR (an empty folder, for a trial overlay)
  local dir=$1
  if [[ $(id -u) -ne 0 ]]; then
    echo "not root"
  elif [[ ! -x /lib/systemd/systemd ]]; then
    echo "systemd is not installed"
  elif [[ -z $(findmnt -t cgroup2 -n -o TARGET | head -n 1) ]]; then
    echo "no cgroup2 hierarchy is mounted"
  elif ! unshare --mount --pid --fork --net --uts --ipc --cgroup --propagation private true \
    2>/dev/null; then
    echo "namespaces cannot be created here (unshare refused)"
  elif ! mkdir -p "$dir/upper" "$dir/work" "$dir/root" ||
    ! unshare --mount --propagation private mount -t overlay overlay \
      -o "lowerdir=/,upperdir=$dir/upper,workdir=$dir/work" "$dir/root" 2>/dev/null; then
    echo "the root file system cannot be overlaid with a folder of $dir"
  fi
}

machine_run() {
  nsenter --target "$machine_pid" --mount --pid --uts --net --ipc --cgroup --root --wd \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 TERM=dumb "$@"
}

machine_start() {
  local dir=$1 state=""
  mkdir -p "$dir/upper" "$dir/work" "$dir/root"
  # A control group of its own, which becomes the root of the machine's cgroup namespace.
  machine_cgroup=$(findmnt -t cgroup2 -n -o TARGET | head -n 1)/canje-test-$$-$RANDOM
  mkdir "$machine_cgroup"
  (
    echo "$BASHPID" >"$machine_cgroup/cgroup.procs"
    exec unshare --mount --pid --fork --net --uts --ipc --cgroup --propagation private \
      "$(dirname "${BASH_SOURCE[0]}")/boot_machine.sh" "$dir"
  ) >"$dir/console.log" 2>&1 &
  machine_launcher=$!
  for _ in $(seq 100); do
    machine_pid=$(pgrep -P "$machine_launcher" || true)
    [[ -n $machine_pid ]] && break
    sleep 0.1
  done
  [[ -n $machine_pid ]] || { cat "$dir/console.log"; return 1; }
  # Up when systemd says so (a container may come up "degraded": some of this computer's units
  # do not apply in it).
  for _ in $(seq 600); do
    state=$(machine_run systemctl is-system-running 2>/dev/null || true)
    [[ $state == running || $state == degraded ]] && return 0
    kill -0 "$machine_launcher" 2>/dev/null || break
    sleep 0.2
  done
  echo "the machine did not come up (state: ${state:-none})"
  cat "$dir/console.log"
  return 1
}

machine_stop() {
  if [[ -n $machine_launcher ]]; then
    machine_run systemctl --no-block poweroff >/dev/null 2>&1 || true
    for _ in $(seq 150); do
      kill -0 "$machine_launcher" 2>/dev/null || break
      sleep 0.2
    done
    # PID 1 of the machine killed takes every process of the machine with it.
    if kill -0 "$machine_launcher" 2>/dev/null; then kill -KILL "$machine_pid" 2>/dev/null || true; fi
    wait "$machine_launcher" 2>/dev/null || true
    machine_launcher=""
  fi
  if [[ -n $machine_cgroup && -d $machine_cgroup ]]; then
    for _ in $(seq 50); do
      find "$machine_cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || true
      [[ -d $machine_cgroup ]] || break
      sleep 0.1
    done
  fi
  machine_cgroup=""
}

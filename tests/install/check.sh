# Sourced by the install tests: check DESCRIPTION COMMAND... runs the command and reports it;
# finish prints the counts and exits non-zero when a check failed.
passed=0
failed=0
check() {
  local what=$1
  shift
  if "$@"; then
    echo "ok: $what"
    passed=$((passed + 1))
  else
    echo "FAILED: $what"
    failed=$((failed + 1))
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  exit $((failed == 0 ? 0 : 1))
}

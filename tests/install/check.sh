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

# finish_skipped REASON: like finish, but a run whose checks all passed exits 77, which ctest
# reports as "skipped" with REASON: part of the test could not run here.
finish_skipped() {
  echo "$passed passed, $failed failed; not run: $1"
  exit $((failed == 0 ? 77 : 1))
}

# Writes the manual pages and the bash completion into OUT_DIR (run with cmake -P by
# packaging/CMakeLists.txt once `canje` is built):
#   OUT_DIR/man/man1/*.1.gz     from the command definitions (`canje reference --man`)
#   OUT_DIR/man/man5/canje-formats.5.gz   from docs/formats.md (scripts/markdown-to-man)
#   OUT_DIR/bash-completion/canje         (`canje reference --bash-completion`)
# Inputs: CANJE, SOURCE_DIR, OUT_DIR, VERSION.
file(REMOVE_RECURSE "${OUT_DIR}/man" "${OUT_DIR}/bash-completion")
file(MAKE_DIRECTORY "${OUT_DIR}/man/man5")

execute_process(
  COMMAND "${CANJE}" reference --man "${OUT_DIR}/man/man1"
          --bash-completion "${OUT_DIR}/bash-completion/canje"
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "canje reference failed (${failed})")
endif()

execute_process(
  COMMAND "${SOURCE_DIR}/scripts/markdown-to-man" "${SOURCE_DIR}/docs/formats.md" canje-formats
          5 "${VERSION}" "the files canje reads and writes, its outputs and exit statuses"
  OUTPUT_FILE "${OUT_DIR}/man/man5/canje-formats.5"
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "scripts/markdown-to-man failed (${failed})")
endif()

# Debian wants manual pages compressed with gzip -9n (no name or time stamp: reproducible).
file(GLOB_RECURSE pages "${OUT_DIR}/man/*.[15]")
execute_process(COMMAND gzip -9nf ${pages} RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "gzip failed (${failed})")
endif()

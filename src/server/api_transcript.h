// For the server's tests: every answer a test receives is appended to a transcript, which
// tests/api/check_responses.mjs then checks against the OpenAPI document
// (src/server/openapi.json), so that the document cannot drift from what the server answers.
//
// Recording is on only when the environment variable CANJE_API_TRANSCRIPT_DIR names a folder
// (the test suite sets it for the server's tests, see src/server/CMakeLists.txt). Each test
// process appends to its own file there, `<program>-<pid>.jsonl`: one JSON object per line,
// {"origin", "method", "target", "status", "content_type", "body"}. Safe to call from several
// threads.
#pragma once

#include <string_view>

namespace canje::server::testing {

void RecordAnswer(std::string_view method, std::string_view target, int status,
                  std::string_view content_type, std::string_view body);

}  // namespace canje::server::testing

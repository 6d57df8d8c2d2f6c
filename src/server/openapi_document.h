// The OpenAPI 3.1 description of the HTTP API, compiled into canje from src/server/openapi.json
// (served at GET /v1/openapi.json). The file is the one description: a test checks that it
// names exactly the routes the server has, and tests/api/check_responses.mjs checks every
// answer the server's tests receive against it.
#pragma once

#include <string_view>

namespace canje::server {

// The document's JSON text, byte for byte as in src/server/openapi.json.
std::string_view OpenApiDocument();

}  // namespace canje::server

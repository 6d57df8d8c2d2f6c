// The web console's files (console/, built by `npm run build`; docs/console.md) as
// `canje serve` answers them, beside the API:
//   GET or HEAD  /                 -> index.html   (Cache-Control: no-cache)
//   GET or HEAD  /assets/<name>    -> that file    (Cache-Control: public, max-age=31536000,
//                                                    immutable: Vite names assets by content hash)
// and nothing else: every other path stays the API's (GET /v1/... included). The console routes
// by the URL's fragment (#/persons/P1), which never reaches the server.
//
// A name is one path segment of letters, digits, '.', '-' and '_', not starting with '.', so
// '..', absolute paths, hidden files and percent escapes never name a file; a file whose real
// path (symlinks resolved) leaves the folder is refused as if it did not exist (404). Each
// answer carries a strict Content-Security-Policy (scripts, styles and requests from this origin
// only; no framing), `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`.
// Without a console folder, / answers a short HTML page saying how to build one (404).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "server/http_types.h"

namespace canje::server {

inline constexpr std::string_view kConsoleContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// The console folder `canje serve` uses. `given` (--console DIR), when not empty, must hold an
// index.html (kUsage naming it otherwise). Else the first of `<executable's folder>/console` and
// `<executable's folder>/../share/canje/console` (where `make install` puts it) that holds an
// index.html; "" when neither does.
Result<std::string> FindConsoleFolder(const std::string& given,
                                      const std::filesystem::path& executable);

// The Content-Type of a file by its extension ("index.html" -> "text/html; charset=utf-8");
// application/octet-stream for an unknown one.
std::string_view ConsoleContentType(std::string_view file_name);

class ConsoleFiles {
 public:
  // `folder`: the built console, or "" when there is none.
  explicit ConsoleFiles(std::string folder);

  // True when the request's path (its query aside) is /, or /assets/ followed by anything: the
  // console answers it, whatever the method.
  static bool IsConsolePath(std::string_view target);

  // The answer to a request for which IsConsolePath() holds: the file (200), the same headers
  // without the body for HEAD, 404 for a name that is not a file of the folder, 405 with Allow
  // for another method. Never throws.
  HttpResponse Answer(const HttpRequest& request) const;

 private:
  std::string folder_;  // canonical, or ""
};

}  // namespace canje::server

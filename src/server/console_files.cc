#include "server/console_files.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "core/utf8.h"
#include "server/problem.h"

namespace canje::server {
namespace fs = std::filesystem;
namespace http = boost::beast::http;

namespace {

constexpr std::string_view kAssetsPrefix = "/assets/";

bool HoldsIndex(const fs::path& folder) {
  std::error_code error;
  return fs::is_regular_file(folder / "index.html", error);
}

// One segment of letters, digits, '.', '-', '_', not starting with '.'.
bool IsPlainName(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.size() > 255) return false;
  for (char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
    if (!plain) return false;
  }
  return true;
}

// The file's bytes, when its real path is a regular file inside `folder` (canonical).
std::optional<std::string> ReadInside(const std::string& folder, const fs::path& relative) {
  std::error_code error;
  fs::path real = fs::canonical(fs::path(folder) / relative, error);
  if (error || !fs::is_regular_file(real, error)) return std::nullopt;
  fs::path inside = real.lexically_relative(folder);
  if (inside.empty() || *inside.begin() == "..") return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void AddConsoleHeaders(HttpResponse& response) {
  response.set("Content-Security-Policy", std::string(kConsoleContentSecurityPolicy));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("X-Frame-Options", "DENY");
}

constexpr std::string_view kNotBuiltPage =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>canje: the web console is not installed</title></head><body><main>\n"
    "<h1>The web console is not installed</h1>\n"
    "<p>This <code>canje serve</code> found no console folder, so it serves the HTTP API only "
    "(<a href=\"/v1/openapi.json\">/v1/openapi.json</a> describes it).</p>\n"
    "<p>To build the console: in canje's source tree run <code>make build</code> (it runs "
    "<code>npm run build</code> in <code>console/</code> into <code>build/console/</code>, "
    "beside <code>build/canje</code>), or <code>make install</code> to put it in "
    "<code>PREFIX/share/canje/console</code>; or start the server with "
    "<code>--console DIR</code>. docs/console.md says more.</p>\n"
    "</main></body></html>\n";

}  // namespace

Result<std::string> FindConsoleFolder(const std::string& given, const fs::path& executable) {
  if (!given.empty()) {
    if (!HoldsIndex(given)) {
      return Status::Usage("--console " + QuoteUntrusted(given) +
                           ": no index.html there; give the folder `npm run build` wrote (make "
                           "build writes build/console/)");
    }
    return given;
  }
  // PREFIX/bin/canje -> PREFIX/share/canje/console (`executable` is a real path: /proc/self/exe).
  const fs::path beside = executable.parent_path();
  for (const fs::path& candidate :
       {beside / "console", beside.parent_path() / "share" / "canje" / "console"}) {
    if (HoldsIndex(candidate)) return candidate.string();
  }
  return std::string();
}

std::string_view ConsoleContentType(std::string_view file_name) {
  struct Type {
    std::string_view extension, content_type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},               {".json", "application/json"},
      {".map", "application/json"},           {".txt", "text/plain; charset=utf-8"},
  };
  for (const Type& type : kTypes) {
    if (file_name.size() > type.extension.size() &&
        file_name.substr(file_name.size() - type.extension.size()) == type.extension) {
      return type.content_type;
    }
  }
  return "application/octet-stream";
}

ConsoleFiles::ConsoleFiles(std::string folder) {
  std::error_code error;
  if (!folder.empty()) folder_ = fs::canonical(folder, error).string();
  if (error) folder_.clear();
}

bool ConsoleFiles::IsConsolePath(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  return path == "/" || path.starts_with(kAssetsPrefix);
}

HttpResponse ConsoleFiles::Answer(const HttpRequest& request) const {
  std::string_view target = View(request.target());
  std::string_view path = target.substr(0, target.find('?'));
  const bool head = request.method() == http::verb::head;
  if (!head && request.method() != http::verb::get) {
    HttpResponse refused =
        ProblemResponse(MethodNotAllowedProblem(View(request.method_string()), path, "GET, HEAD"),
                        request.version(), request.keep_alive());
    refused.set(http::field::allow, "GET, HEAD");
    return refused;
  }
  const bool index = path == "/";
  std::string name = index ? "index.html" : std::string(path.substr(kAssetsPrefix.size()));
  std::optional<std::string> body;
  if (folder_.empty()) {
    if (index) body = std::string(kNotBuiltPage);
  } else if (index) {
    body = ReadInside(folder_, "index.html");
  } else if (IsPlainName(name)) {
    body = ReadInside(folder_, fs::path("assets") / name);
  }
  if (!body) {
    return ProblemResponse(
        ProblemFromStatus(Status::NotFound(
            folder_.empty() ? "the web console is not installed; GET / says how to build it"
                            : "no file " + QuoteUntrusted(path) + " in the web console")),
        request.version(), request.keep_alive());
  }
  HttpResponse response{folder_.empty() ? http::status::not_found : http::status::ok,
                        request.version()};
  response.set(http::field::content_type, std::string(ConsoleContentType(name)));
  response.set(http::field::cache_control,
               index ? "no-cache" : "public, max-age=31536000, immutable");
  AddConsoleHeaders(response);
  response.keep_alive(request.keep_alive());
  response.body() = std::move(*body);
  response.prepare_payload();
  if (head) {
    // The headers of the GET, Content-Length included, and no body.
    const auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  return response;
}

}  // namespace canje::server

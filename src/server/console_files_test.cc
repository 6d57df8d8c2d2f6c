// The web console's files as the server answers them (server/console_files.h): real files in a
// temporary folder, and the API answering / and /assets/... from it without a token while
// everything else still needs one.
#include "server/console_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "instance/testing/test_instance.h"
#include "server/api.h"

namespace canje::server {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class ConsoleFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("canje-console-files-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    folder_ = root_ / "console";
    WriteFile(folder_ / "index.html", "<!doctype html><title>canje</title>");
    WriteFile(folder_ / "assets" / "index-AbC12_x.js", "console.log('canje')");
    WriteFile(folder_ / "assets" / "index-9zY.css", "body{}");
    WriteFile(folder_ / "assets" / ".hidden.js", "hidden");
    WriteFile(folder_ / "secret.txt", "not an asset");
    WriteFile(root_ / "outside.js", "outside the console");
  }
  void TearDown() override { fs::remove_all(root_); }

  HttpResponse Get(const ConsoleFiles& files, const std::string& target,
                   http::verb method = http::verb::get) {
    HttpRequest request{method, target, 11};
    return files.Answer(request);
  }

  fs::path root_, folder_;
};

TEST_F(ConsoleFilesTest, TheRootIsIndexHtmlNeverCachedWithoutRevalidation) {
  ConsoleFiles files(folder_.string());
  HttpResponse index = Get(files, "/");
  EXPECT_EQ(index.result_int(), 200);
  EXPECT_EQ(index.body(), "<!doctype html><title>canje</title>");
  EXPECT_EQ(View(index[http::field::content_type]), "text/html; charset=utf-8");
  EXPECT_EQ(View(index[http::field::cache_control]), "no-cache");
  EXPECT_EQ(View(index["Content-Security-Policy"]), kConsoleContentSecurityPolicy);
  EXPECT_NE(std::string(index["Content-Security-Policy"]).find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(View(index["X-Content-Type-Options"]), "nosniff");
  EXPECT_EQ(Get(files, "/?lang=es").body(), index.body());
}

TEST_F(ConsoleFilesTest, AssetsAreTypedByExtensionAndCachedForAYear) {
  ConsoleFiles files(folder_.string());
  HttpResponse script = Get(files, "/assets/index-AbC12_x.js");
  EXPECT_EQ(script.result_int(), 200);
  EXPECT_EQ(script.body(), "console.log('canje')");
  EXPECT_EQ(View(script[http::field::content_type]), "text/javascript; charset=utf-8");
  EXPECT_EQ(View(script[http::field::cache_control]), "public, max-age=31536000, immutable");
  EXPECT_EQ(View(Get(files, "/assets/index-9zY.css")[http::field::content_type]),
            "text/css; charset=utf-8");
  EXPECT_EQ(ConsoleContentType("logo.svg"), "image/svg+xml");
  EXPECT_EQ(ConsoleContentType("font.woff2"), "font/woff2");
  EXPECT_EQ(ConsoleContentType("README"), "application/octet-stream");
}

TEST_F(ConsoleFilesTest, HeadAnswersTheHeadersOfGetWithoutTheBody) {
  ConsoleFiles files(folder_.string());
  HttpResponse head = Get(files, "/assets/index-AbC12_x.js", http::verb::head);
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head.body(), "");
  EXPECT_EQ(View(head[http::field::content_length]), "20");
  EXPECT_EQ(View(head[http::field::cache_control]), "public, max-age=31536000, immutable");
}

TEST_F(ConsoleFilesTest, NothingOutsideTheAssetsIsServed) {
  fs::create_symlink(root_ / "outside.js", folder_ / "assets" / "escape.js");
  fs::create_symlink(folder_ / "assets" / "index-9zY.css", folder_ / "assets" / "alias.css");
  ConsoleFiles files(folder_.string());
  for (const char* target :
       {"/assets/../secret.txt", "/assets/..", "/assets/%2e%2e/secret.txt", "/assets/.hidden.js",
        "/assets//etc/passwd", "/assets/", "/assets/sub/index-9zY.css", "/assets/escape.js",
        "/assets/missing.js", "/assets/a\\b.js", "/assets/index-AbC12_x.js/"}) {
    HttpResponse refused = Get(files, target);
    EXPECT_EQ(refused.result_int(), 404) << target;
    EXPECT_EQ(View(refused[http::field::content_type]), "application/problem+json") << target;
    EXPECT_EQ(refused.body().find("outside the console"), std::string::npos) << target;
  }
  // A symlink that stays inside the folder is followed.
  EXPECT_EQ(Get(files, "/assets/alias.css").body(), "body{}");
}

TEST_F(ConsoleFilesTest, OnlyGetAndHeadAreAnswered) {
  ConsoleFiles files(folder_.string());
  HttpResponse post = Get(files, "/", http::verb::post);
  EXPECT_EQ(post.result_int(), 405);
  EXPECT_EQ(View(post[http::field::allow]), "GET, HEAD");
}

TEST_F(ConsoleFilesTest, WithoutAFolderTheRootSaysHowToBuildTheConsole) {
  ConsoleFiles files("");
  HttpResponse page = Get(files, "/");
  EXPECT_EQ(page.result_int(), 404);
  EXPECT_EQ(View(page[http::field::content_type]), "text/html; charset=utf-8");
  EXPECT_NE(page.body().find("make build"), std::string::npos);
  EXPECT_EQ(Get(files, "/assets/index-AbC12_x.js").result_int(), 404);
}

TEST_F(ConsoleFilesTest, TheFolderIsGivenOrFoundBesideTheExecutableOrInShare) {
  // Given: must hold an index.html.
  EXPECT_EQ(*FindConsoleFolder(folder_.string(), "/nowhere/bin/canje"), folder_.string());
  Result<std::string> empty = FindConsoleFolder((root_ / "assets").string(), "/nowhere/canje");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kUsage);
  EXPECT_NE(empty.status().message().find("index.html"), std::string::npos);
  // Beside the executable: root_/console next to root_/canje.
  EXPECT_EQ(*FindConsoleFolder("", root_ / "canje"), folder_.string());
  // Installed: PREFIX/bin/canje finds PREFIX/share/canje/console.
  const fs::path prefix = root_ / "prefix";
  WriteFile(prefix / "share" / "canje" / "console" / "index.html", "installed");
  EXPECT_EQ(*FindConsoleFolder("", prefix / "bin" / "canje"),
            (prefix / "share" / "canje" / "console").string());
  // None: "".
  EXPECT_EQ(*FindConsoleFolder("", root_ / "elsewhere" / "bin" / "canje"), "");
}

// Through the API: the console needs no token; the API's paths still do.
TEST_F(ConsoleFilesTest, TheApiAnswersTheConsoleBeforeAskingForAToken) {
  instance::testing::TestInstance store;
  ASSERT_TRUE(store.ok()) << store.error();
  InstancePool pool(InstancePool::Options{store.options()});
  ApiOptions options;
  options.console = folder_.string();
  auto api = Api::Create(pool, options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  HttpRequest index{http::verb::get, "/", 11};
  EXPECT_EQ((*api)->Handle(index).result_int(), 200);
  HttpRequest asset{http::verb::get, "/assets/index-AbC12_x.js", 11};
  EXPECT_EQ((*api)->Handle(asset).body(), "console.log('canje')");
  HttpRequest whoami{http::verb::get, "/v1/whoami", 11};
  EXPECT_EQ((*api)->Handle(whoami).result_int(), 401);
  HttpRequest unknown{http::verb::get, "/index.html", 11};
  EXPECT_EQ((*api)->Handle(unknown).result_int(), 401);

  // Without the option, / is the API's: a token first.
  auto plain = Api::Create(pool);
  ASSERT_TRUE(plain.ok());
  HttpRequest root{http::verb::get, "/", 11};
  EXPECT_EQ((*plain)->Handle(root).result_int(), 401);
}

}  // namespace
}  // namespace canje::server

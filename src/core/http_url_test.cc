#include "core/http_url.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(HttpUrlTest, ReadsHostPortAndPrefix) {
  Result<HttpUrl> url = ParseHttpUrl("http://witness.example:8080/ven/");
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_EQ(url->host, "witness.example");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->path, "/ven");
  EXPECT_EQ(url->ToString(), "http://witness.example:8080/ven");

  url = ParseHttpUrl("http://127.0.0.1");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->path, "");
  EXPECT_EQ(url->ToString(), "http://127.0.0.1");

  url = ParseHttpUrl("http://[::1]:9000");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->ToString(), "http://[::1]:9000");
}

TEST(HttpUrlTest, RefusesWhatItCannotSpeakSayingWhy) {
  for (const auto& [text, says] : std::vector<std::pair<std::string, std::string>>{
           {"https://w.example", "https is not supported"},
           {"ftp://w.example", "must start with http://"},
           {"http://", "no host"},
           {"http://:80", "no host"},
           {"http://w.example:", "port is empty"},
           {"http://w.example:0", "1 to 65535"},
           {"http://w.example:65536", "1 to 65535"},
           {"http://w.example:8a", "1 to 65535"},
           {"http://u:p@w.example", "user information"},
           {"http://w.example/?x=1", "query"},
           {"http://w.example/a b", "space"},
           {"http://[::1", "']'"},
       }) {
    Result<HttpUrl> url = ParseHttpUrl(text);
    ASSERT_FALSE(url.ok()) << text;
    EXPECT_EQ(url.status().code(), StatusCode::kUsage);
    EXPECT_NE(url.status().message().find(says), std::string::npos) << url.status().message();
  }
}

}  // namespace
}  // namespace canje

#include "server/request_framing.h"

#include <gtest/gtest.h>

namespace canje::server {
namespace {

namespace http = boost::beast::http;
using State = HeaderScan::State;

TEST(ScanHeaderBytes, FindsTheEndOfAWellFormedHeader) {
  std::string header = "GET /v1/whoami HTTP/1.1\r\nHost: x\r\n\r\n";
  HeaderScan scan = ScanHeaderBytes(header + "POST /next");
  EXPECT_EQ(scan.state, State::kComplete);
  EXPECT_EQ(scan.header_end, header.size());
  EXPECT_EQ(scan.skip, 0u);
  // Empty lines before the request line are skipped, not counted in the header.
  scan = ScanHeaderBytes("\r\n\r\n" + header);
  EXPECT_EQ(scan.state, State::kComplete);
  EXPECT_EQ(scan.skip, 4u);
  EXPECT_EQ(scan.header_end, 4 + header.size());
}

TEST(ScanHeaderBytes, WaitsForMoreAtEveryCutOfAGoodHeader) {
  std::string header = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  for (size_t cut = 0; cut < header.size(); ++cut) {
    EXPECT_EQ(ScanHeaderBytes(header.substr(0, cut)).state, State::kNeedMore) << cut;
  }
}

TEST(ScanHeaderBytes, RefusesBareLineFeedsFoldingAndNul) {
  for (std::string bad : {
           std::string("GET / HTTP/1.1\nHost: x\n\n"),            // bare LF
           std::string("GET / HTTP/1.1\r\nHost: x\n\r\n"),        // one bare LF
           std::string("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n"),  // obsolete folding
           std::string("GET / HTTP/1.1\r\nX-A: 1\r\n\t2\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 28),  // NUL
           std::string("GET / HTTP/1.1\rHost: x\r\n\r\n"),          // CR without LF
       }) {
    HeaderScan scan = ScanHeaderBytes(bad);
    EXPECT_EQ(scan.state, State::kFault) << bad;
    EXPECT_EQ(scan.fault.status, 400);
    EXPECT_FALSE(scan.fault.detail.empty());
  }
}

HttpRequest Header(std::initializer_list<std::pair<http::field, std::string>> fields) {
  HttpRequest request{http::verb::post, "/v1/x", 11};
  for (const auto& [name, value] : fields) request.insert(name, value);
  return request;
}

TEST(CheckBodyFraming, AcceptsContentLengthOrChunkedAlone) {
  EXPECT_FALSE(CheckBodyFraming(Header({})));
  EXPECT_FALSE(CheckBodyFraming(Header({{http::field::content_length, "5"}})));
  EXPECT_FALSE(CheckBodyFraming(Header({{http::field::transfer_encoding, "chunked"}})));
  EXPECT_FALSE(CheckBodyFraming(Header({{http::field::transfer_encoding, " Chunked "}})));
}

TEST(CheckBodyFraming, RefusesWhatCouldBeReadAsTwoRequests) {
  for (const char* coding : {"xchunked", "identity", "gzip", "chunked, identity", "chunkedx", ""}) {
    auto fault = CheckBodyFraming(Header({{http::field::transfer_encoding, coding}}));
    ASSERT_TRUE(fault) << coding;
    EXPECT_EQ(fault->status, 400) << coding;
  }
  auto both = CheckBodyFraming(
      Header({{http::field::transfer_encoding, "chunked"}, {http::field::content_length, "3"}}));
  ASSERT_TRUE(both);
  EXPECT_EQ(both->status, 400);
  // Chunked last but after another coding: well framed, not implemented.
  auto gzip = CheckBodyFraming(Header({{http::field::transfer_encoding, "gzip, chunked"}}));
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->status, 501);
  auto two_fields = CheckBodyFraming(Header(
      {{http::field::transfer_encoding, "gzip"}, {http::field::transfer_encoding, "chunked"}}));
  ASSERT_TRUE(two_fields);
  EXPECT_EQ(two_fields->status, 501);
}

TEST(ParseFault, TellsParseErrorsFromTheEndOfTheStream) {
  EXPECT_TRUE(IsParseError(http::error::bad_content_length));
  EXPECT_TRUE(IsParseError(http::error::bad_chunk));
  EXPECT_FALSE(IsParseError(http::error::end_of_stream));
  EXPECT_FALSE(IsParseError(http::error::partial_message));
  EXPECT_FALSE(IsParseError(boost::asio::error::connection_reset));
  EXPECT_NE(ParseFault(http::error::bad_content_length).detail.find("Content-Length"),
            std::string::npos);
}

TEST(ExpectsContinue, OnlyAnHttp11RequestAskingFor100Continue) {
  HttpRequest request{http::verb::post, "/v1/lists", 11};
  EXPECT_FALSE(ExpectsContinue(request));
  request.set(http::field::expect, "100-continue");
  EXPECT_TRUE(ExpectsContinue(request));
  request.set(http::field::expect, " 100-Continue ");
  EXPECT_TRUE(ExpectsContinue(request));
  request.set(http::field::expect, "200-ok");
  EXPECT_FALSE(ExpectsContinue(request));
  HttpRequest old{http::verb::post, "/v1/lists", 10};
  old.set(http::field::expect, "100-continue");
  EXPECT_FALSE(ExpectsContinue(old));
}

}  // namespace
}  // namespace canje::server

// A small HTTP load generator for `canje serve` over loopback: N keep-alive connections, each
// on its own thread sending GET requests one after the other for D seconds, then requests per
// second and latency percentiles. Not a test; bench/server/run uses it.
//
//   server_load_generator --port 8420 --token canje_... --path /v1/whoami --connections 8
//       --seconds 10
#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  int port = 8420;
  std::string token;
  std::string path = "/v1/whoami";
  int connections = 4;
  double seconds = 5;
};

struct WorkerResult {
  std::vector<double> latencies_ms;
  long errors = 0;
  long non_200 = 0;
};

void Work(const Options& options, Clock::time_point deadline, WorkerResult& result) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code error;
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                               static_cast<uint16_t>(options.port)),
                 error);
  if (error) {
    ++result.errors;
    return;
  }
  beast::flat_buffer buffer;
  http::request<http::empty_body> request{http::verb::get, options.path, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::authorization, "Bearer " + options.token);
  request.keep_alive(true);
  while (Clock::now() < deadline) {
    auto start = Clock::now();
    http::write(stream, request, error);
    http::response<http::string_body> response;
    if (!error) http::read(stream, buffer, response, error);
    if (error) {
      ++result.errors;
      return;
    }
    if (response.result_int() != 200) ++result.non_200;
    result.latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t index = static_cast<size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--port") {
      options.port = std::atoi(value.c_str());
    } else if (flag == "--token") {
      options.token = value;
    } else if (flag == "--path") {
      options.path = value;
    } else if (flag == "--connections") {
      options.connections = std::atoi(value.c_str());
    } else if (flag == "--seconds") {
      options.seconds = std::atof(value.c_str());
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (options.token.empty() || options.connections < 1) {
    std::fprintf(stderr,
                 "usage: server_load_generator --port P --token T [--path /v1/whoami] "
                 "[--connections N] [--seconds S]\n");
    return 2;
  }
  std::vector<WorkerResult> results(static_cast<size_t>(options.connections));
  std::vector<std::thread> threads;
  auto start = Clock::now();
  auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(options.seconds));
  for (int i = 0; i < options.connections; ++i) {
    threads.emplace_back(Work, std::cref(options), deadline,
                         std::ref(results[static_cast<size_t>(i)]));
  }
  for (auto& thread : threads) thread.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  long errors = 0, non_200 = 0;
  for (const auto& result : results) {
    all.insert(all.end(), result.latencies_ms.begin(), result.latencies_ms.end());
    errors += result.errors;
    non_200 += result.non_200;
  }
  std::sort(all.begin(), all.end());
  std::printf(
      "%s connections=%d requests=%zu seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f "
      "p99_ms=%.2f max_ms=%.2f non_200=%ld errors=%ld\n",
      options.path.c_str(), options.connections, all.size(), elapsed,
      static_cast<double>(all.size()) / elapsed, Percentile(all, 50), Percentile(all, 90),
      Percentile(all, 99), all.empty() ? 0 : all.back(), non_200, errors);
  return errors == 0 && non_200 == 0 ? 0 : 1;
}

// The listener's back-pressure and graceful stop, on a real HttpServer over loopback with real
// sockets. The handler is a gate: each request it is given waits until the test opens it, so
// the test knows — by counts, never by durations — how many requests are being handled and how
// many wait, and what the server answers beyond its limits.
#include "server/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace canje::server {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

// Answers 200 "done <target>" once the test opens the gate; counts what it was given.
class GateHandler : public RequestHandler {
 public:
  HttpResponse Handle(const HttpRequest& request) override {
    ++entered;
    {
      std::unique_lock lock(mutex_);
      opened_.wait(lock, [this] { return open_; });
    }
    HttpResponse response{http::status::ok, request.version()};
    response.body() = "done " + std::string(View(request.target()));
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    ++handled;
    return response;
  }
  void Open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    opened_.notify_all();
  }

  std::atomic<int> entered{0};
  std::atomic<int> handled{0};

 private:
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
};

// Waits for `condition`, up to a minute (a hang fails the test instead of blocking it).
template <typename Condition>
bool WaitFor(Condition condition) {
  for (int i = 0; i < 6000; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return condition();
}

// One client connection, from `source` (any loopback address) to the server.
class Client {
 public:
  Client(uint16_t port, const std::string& source = "127.0.0.1") : stream_(io_) {
    tcp::socket& socket = stream_.socket();
    socket.open(tcp::v4());
    socket.bind(tcp::endpoint(net::ip::make_address(source), 0));
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }
  void Send(const std::string& method, const std::string& target, const std::string& body = "") {
    http::request<http::string_body> request{method == "POST" ? http::verb::post : http::verb::get,
                                             target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!body.empty()) {
      request.set(http::field::content_type, "application/json");
      request.body() = body;
    }
    request.prepare_payload();
    http::write(stream_, request);
  }
  // The answer; status 0 when the connection closed without one (or nothing came in a
  // minute: `timed_out()` then says so).
  http::response<http::string_body> Read() {
    http::response<http::string_body> response;
    // Asynchronous, so that the stream's deadline applies (a synchronous read ignores it).
    stream_.expires_after(std::chrono::seconds(60));
    beast::error_code error;
    http::async_read(stream_, buffer_, response,
                     [&error](beast::error_code read_error, size_t) { error = read_error; });
    io_.restart();
    io_.run();
    timed_out_ = error == beast::error::timeout;
    if (error) response.result(0);
    return response;
  }
  bool timed_out() const { return timed_out_; }

 private:
  net::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  bool timed_out_ = false;
};

// A server with its own thread; stopped and joined at the end.
class RunningServer {
 public:
  RunningServer(HttpServerOptions options, RequestHandler& handler)
      : server_((options.port = 0, options.handle_signals = false, options), handler) {
    listened_ = server_.Listen();
    if (listened_.ok()) thread_ = std::thread([this] { server_.Run(); });
  }
  ~RunningServer() {
    server_.Stop();
    if (thread_.joinable()) thread_.join();
  }
  HttpServer& operator*() { return server_; }
  HttpServer* operator->() { return &server_; }
  const Status& listened() const { return listened_; }
  void Join() { thread_.join(); }

 private:
  HttpServer server_;
  Status listened_;
  std::thread thread_;
};

// Options for a server of `threads` workers and a queue of `max_queue` requests that wait at
// most `queue_timeout` for a worker.
HttpServerOptions QueueOptions(int threads, int max_queue,
                               std::chrono::milliseconds queue_timeout) {
  HttpServerOptions options;
  options.threads = threads;
  options.max_queue = max_queue;
  options.queue_timeout = queue_timeout;
  return options;
}

void ExpectBusy(const http::response<http::string_body>& response, const std::string& what) {
  EXPECT_EQ(response.result_int(), 503u) << what << ": " << response.body();
  EXPECT_EQ(View(response[http::field::retry_after]), "1") << what;
  EXPECT_EQ(View(response[http::field::content_type]), kProblemType) << what;
  auto problem = nlohmann::json::parse(response.body(), nullptr, false);
  ASSERT_TRUE(problem.is_object()) << what << ": " << response.body();
  EXPECT_EQ(problem.value("type", ""), "urn:canje:problem:unavailable") << what;
  EXPECT_EQ(problem.value("status", 0), 503) << what;
  EXPECT_FALSE(problem.value("detail", "").empty()) << what;
}

TEST(HttpServerTest, ASaturatedServerAnswers503ForTheExcessAndServesTheRest) {
  GateHandler gate;
  RunningServer server(QueueOptions(2, 3, std::chrono::hours(1)), gate);
  ASSERT_TRUE(server.listened().ok()) << server.listened().message();
  const uint16_t port = server->port();

  std::vector<std::unique_ptr<Client>> admitted;
  for (int i = 0; i < 2; ++i) {
    admitted.push_back(std::make_unique<Client>(port));
    admitted.back()->Send("GET", "/running/" + std::to_string(i));
  }
  ASSERT_TRUE(WaitFor([&] { return gate.entered == 2; })) << gate.entered;
  for (int i = 0; i < 3; ++i) {
    admitted.push_back(std::make_unique<Client>(port));
    admitted.back()->Send("GET", "/waiting/" + std::to_string(i));
  }
  ASSERT_TRUE(WaitFor([&] { return server->RequestsWaiting() == 3; })) << server->RequestsWaiting();

  // Both workers busy, the line full: every further request is refused at once, while the
  // admitted ones are still waiting for their answers — a read, and a write with a body.
  for (int i = 0; i < 4; ++i) {
    Client excess(port);
    if (i % 2 == 0) {
      excess.Send("GET", "/excess/" + std::to_string(i));
    } else {
      excess.Send("POST", "/excess/" + std::to_string(i), R"({"write":"refused"})");
    }
    ExpectBusy(excess.Read(), "excess request " + std::to_string(i));
  }
  EXPECT_EQ(gate.entered, 2) << "a refused request reached the handler";
  EXPECT_EQ(server->RequestsRunning(), 2);
  EXPECT_EQ(server->RequestsWaiting(), 3);

  gate.Open();
  for (size_t i = 0; i < admitted.size(); ++i) {
    auto response = admitted[i]->Read();
    EXPECT_EQ(response.result_int(), 200u) << "admitted request " << i;
    EXPECT_EQ(response.body().rfind("done /", 0), 0u) << response.body();
  }
  EXPECT_EQ(gate.handled, 5) << "only the admitted requests were run";
  // With room again, a new request is served.
  Client after(port);
  after.Send("GET", "/after");
  EXPECT_EQ(after.Read().result_int(), 200u);
}

TEST(HttpServerTest, OneClientAddressMayHoldOnlySoManyConnections) {
  GateHandler gate;
  gate.Open();
  HttpServerOptions options;
  options.max_client_connections = 3;
  RunningServer server(options, gate);
  ASSERT_TRUE(server.listened().ok()) << server.listened().message();
  const uint16_t port = server->port();

  std::vector<std::unique_ptr<Client>> open;
  for (int i = 0; i < 3; ++i) {
    open.push_back(std::make_unique<Client>(port, "127.0.0.1"));
    open.back()->Send("GET", "/kept");
    EXPECT_EQ(open.back()->Read().result_int(), 200u) << "connection " << i;
  }
  {
    Client fourth(port, "127.0.0.1");
    auto refused = fourth.Read();  // answered without a request: the connection is refused
    ExpectBusy(refused, "the fourth connection from 127.0.0.1");
    EXPECT_NE(refused.body().find("your address"), std::string::npos) << refused.body();
  }
  // Another address is not held back by the first one's connections.
  Client other(port, "127.0.0.2");
  other.Send("GET", "/other");
  EXPECT_EQ(other.Read().result_int(), 200u);

  // One of the three closes: the address may connect again once the server has seen it go.
  open.pop_back();
  EXPECT_TRUE(WaitFor([&] {
    Client again(port, "127.0.0.1");
    again.Send("GET", "/again");
    return again.Read().result_int() == 200u;
  }));
  EXPECT_EQ(gate.handled, 5);
}

TEST(HttpServerTest, ARequestThatWaitedTooLongForAWorkerIsAnswered503AndNotRun) {
  GateHandler gate;
  RunningServer server(QueueOptions(1, 4, std::chrono::milliseconds(20)), gate);
  ASSERT_TRUE(server.listened().ok()) << server.listened().message();
  Client first(server->port()), second(server->port());
  first.Send("GET", "/first");
  ASSERT_TRUE(WaitFor([&] { return gate.entered == 1; }));
  second.Send("POST", "/second", R"({"write":"too late"})");
  ASSERT_TRUE(WaitFor([&] { return server->RequestsWaiting() == 1; }));
  // Longer than the queue timeout, for certain: the second request has waited past it.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  gate.Open();
  EXPECT_EQ(first.Read().result_int(), 200u);
  ExpectBusy(second.Read(), "the request that waited");
  EXPECT_EQ(gate.entered, 1) << "the expired request was run";
}

TEST(HttpServerTest, ARequestHandledLongerThanTheRequestTimeoutHasItsConnectionCut) {
  GateHandler gate;
  HttpServerOptions options;
  options.limits.request_timeout = std::chrono::seconds(1);
  RunningServer server(options, gate);
  ASSERT_TRUE(server.listened().ok()) << server.listened().message();
  Client slow(server->port());
  slow.Send("GET", "/slow");
  ASSERT_TRUE(WaitFor([&] { return gate.entered == 1; }));
  auto cut = slow.Read();  // the gate is still shut: only the timeout can end this read
  EXPECT_EQ(cut.result_int(), 0u) << "an answer came: " << cut.body();
  EXPECT_FALSE(slow.timed_out()) << "the server did not cut the connection";
  gate.Open();
  Client next(server->port());
  next.Send("GET", "/next");
  EXPECT_EQ(next.Read().result_int(), 200u);
}

TEST(HttpServerTest, AGracefulStopAnswersTheRequestsRunningAndWaiting) {
  GateHandler gate;
  RunningServer server(QueueOptions(1, 4, std::chrono::hours(1)), gate);
  ASSERT_TRUE(server.listened().ok()) << server.listened().message();
  const uint16_t port = server->port();
  Client running(port), waiting(port), idle(port);
  running.Send("GET", "/running");
  ASSERT_TRUE(WaitFor([&] { return gate.entered == 1; }));
  waiting.Send("POST", "/waiting", R"({"write":"in flight"})");
  ASSERT_TRUE(WaitFor([&] { return server->RequestsWaiting() == 1; }));

  server->Stop();
  EXPECT_EQ(idle.Read().result_int(), 0u) << "an idle connection closes at once";
  gate.Open();
  auto first = running.Read();
  auto second = waiting.Read();
  EXPECT_EQ(first.result_int(), 200u);
  EXPECT_EQ(second.result_int(), 200u) << "the waiting request was dropped by the stop";
  EXPECT_FALSE(first.keep_alive());
  EXPECT_FALSE(second.keep_alive());
  server.Join();  // Run() returned once both were answered
  EXPECT_EQ(gate.handled, 2);
}

}  // namespace
}  // namespace canje::server

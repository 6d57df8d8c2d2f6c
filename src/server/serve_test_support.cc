#include "server/serve_test_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>
#include <cctype>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <optional>
#include <thread>

#include "server/api_transcript.h"

extern char** environ;

namespace canje::server::testing {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

ServeProcess::ServeProcess(const cli::testing::CanjeRunner& runner,
                           const std::vector<std::string>& extra_args,
                           const std::vector<std::string>& prefix,
                           const std::vector<std::string>& command) {
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    error_ = "cannot make a pipe";
    return;
  }
  std::vector<std::string> argv = prefix;
  argv.push_back(CANJE_BINARY);
  argv.insert(argv.end(), command.begin(), command.end());
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  std::vector<std::string> environment;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    if (std::strncmp(*variable, "CANJE_", 6) != 0) environment.push_back(*variable);
  }
  environment.push_back("CANJE_DB=" + runner.database());
  if (runner.on_postgres()) {
    environment.push_back("CANJE_MASTER_KEY_FILE=" + runner.Path("canje.db.key").string());
  }
  std::vector<char*> args, envp;
  for (auto& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addchdir_np(&actions, runner.dir().c_str());
  int spawned = posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
  if (spawned != 0) {
    pid_ = -1;
    error_ = std::string("cannot start canje serve: ") + strerror(spawned);
    return;
  }
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd fd = {stdout_fd_, POLLIN, 0};
    if (poll(&fd, 1, 200) <= 0) continue;
    char buffer[256];
    ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  const std::string announced = "listening on http://127.0.0.1:";
  if (line.rfind(announced, 0) != 0) {
    error_ = "canje did not say where it listens; its stdout: '" + line + "'";
    return;
  }
  port_ = std::atoi(line.c_str() + announced.size());
}

ServeProcess::~ServeProcess() { Stop(); }

int ServeProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ServeProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
}

int64_t ServeProcess::ResidentKilobytes() const {
  if (pid_ <= 0) return -1;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6);
  }
  return -1;
}

double ServeProcess::CpuSeconds() const {
  if (pid_ <= 0) return -1;
  std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  size_t paren = text.rfind(')');  // the command name may hold spaces
  if (paren == std::string::npos) return -1;
  std::istringstream fields(text.substr(paren + 2));
  std::string field;
  double ticks = 0;
  for (int index = 3; fields >> field; ++index) {
    if (index == 14 || index == 15) ticks += std::atof(field.c_str());  // utime, stime
    if (index == 15) break;
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::vector<int> RawReply::Statuses() const {
  std::vector<int> statuses;
  for (size_t at = bytes.find("HTTP/1."); at != std::string::npos;
       at = bytes.find("HTTP/1.", at + 1)) {
    if (at + 12 <= bytes.size() && bytes[at + 8] == ' ') {
      statuses.push_back(std::atoi(bytes.substr(at + 9, 3).c_str()));
    }
  }
  return statuses;
}

int ConnectRaw(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Set before connecting: a server that stopped accepting fills its backlog, and connect()
  // would then wait for minutes (SO_SNDTIMEO bounds it too).
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

RawReply RawExchange(int port, const std::string& request, std::chrono::milliseconds wait) {
  RawReply reply;
  int fd = ConnectRaw(port);
  if (fd < 0) return reply;
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  while (true) {
    pollfd ready = {fd, POLLIN, 0};
    if (poll(&ready, 1, static_cast<int>(wait.count())) <= 0) break;
    char buffer[4096];
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      reply.closed = true;
      break;
    }
    reply.bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return reply;
}

std::string HttpResult::Header(const std::string& lower_case_name) const {
  auto found = headers.find(lower_case_name);
  return found == headers.end() ? "" : found->second;
}

struct HttpTestClient::Connection {
  boost::asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  int port = 0;
  int opened = 0;
};

HttpTestClient::HttpTestClient(int port) : connection_(std::make_unique<Connection>()) {
  connection_->port = port;
}

HttpTestClient::~HttpTestClient() {
  if (connection_->stream) {
    beast::error_code ignored;
    connection_->stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
}

int HttpTestClient::connections() const { return connection_->opened; }

HttpResult HttpTestClient::Send(const std::string& method, const std::string& target,
                                const std::string& token, const std::string& body,
                                const std::map<std::string, std::string>& headers) {
  HttpResult result;
  Connection& c = *connection_;
  beast::error_code error;
  if (!c.stream) {
    c.stream.emplace(c.io);
    c.buffer.clear();
    c.stream->connect(
        tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), static_cast<uint16_t>(c.port)),
        error);
    if (error) {
      c.stream.reset();
      result.error = "connect: " + error.message();
      return result;
    }
    ++c.opened;
  }
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "127.0.0.1");
  if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty()) {
    if (request.find(http::field::content_type) == request.end()) {
      request.set(http::field::content_type, "application/json");
    }
    request.body() = body;
  }
  request.keep_alive(true);
  request.prepare_payload();
  // Asynchronous, so that the stream's expiry applies (a synchronous read would wait forever on
  // a server that accepted the connection and then hung).
  auto run = [&c] {
    c.io.restart();
    c.io.run();
  };
  c.stream->expires_after(std::chrono::seconds(60));
  http::async_write(*c.stream, request,
                    [&error](beast::error_code written, std::size_t) { error = written; });
  run();
  http::response<http::string_body> response;
  if (!error) {
    http::async_read(*c.stream, c.buffer, response,
                     [&error](beast::error_code read, std::size_t) { error = read; });
    run();
  }
  if (error) {
    c.stream.reset();
    result.error = "request: " + error.message();
    return result;
  }
  result.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    result.headers[name] = std::string(field.value());
  }
  result.body = response.body();
  if (!response.keep_alive()) c.stream.reset();
  RecordAnswer(method, target, result.status, result.Header("content-type"), result.body);
  return result;
}

std::string CreateApiToken(const cli::testing::CanjeRunner& runner, const std::string& user) {
  const cli::testing::RunResult created = runner.Run({"user", "token", "create", user, "--json"});
  if (created.exit_status != 0) {
    [&] { FAIL() << "canje user token create " << user << ": " << created.err; }();
    return "";
  }
  return nlohmann::json::parse(created.out)["token"];
}

}  // namespace canje::server::testing

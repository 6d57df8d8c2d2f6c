#include "cli/cli_test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

extern char** environ;

namespace canje::cli::testing {

namespace {

// This process's environment without its CANJE_ variables (tests set their own), then `env`.
std::vector<std::string> EnvironmentWith(const std::vector<std::string>& env) {
  std::vector<std::string> environment;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    std::string entry = *variable;
    if (entry.rfind("CANJE_", 0) == 0) continue;
    environment.push_back(entry);
  }
  environment.insert(environment.end(), env.begin(), env.end());
  return environment;
}

}  // namespace

RunResult RunProgram(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                     const std::vector<std::string>& env) {
  int out_pipe[2], err_pipe[2];
  // Close-on-exec, so that only the child's stdout and stderr (dup2 clears the flag) are left
  // open: a daemon it starts (a test database server) must not hold the pipes open.
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> environment = EnvironmentWith(env);
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  RunResult result;
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    result.err = std::string("cannot start ") + argv[0] + ": " + strerror(spawned);
    return result;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      } else {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

bool Contains(const std::string& text, const std::string& part) {
  return !part.empty() && text.find(part) != std::string::npos;
}

bool MakeEd25519KeyPair(const std::filesystem::path& dir, const std::string& name) {
  RunResult made =
      RunProgram({"openssl", "genpkey", "-algorithm", "ed25519", "-out", name + ".pem"}, dir, {});
  EXPECT_EQ(made.exit_status, 0) << made.err;
  if (made.exit_status != 0) return false;
  RunResult public_key = RunProgram(
      {"openssl", "pkey", "-in", name + ".pem", "-pubout", "-out", name + ".pub.pem"}, dir, {});
  EXPECT_EQ(public_key.exit_status, 0) << public_key.err;
  return public_key.exit_status == 0;
}

void KillWhenReady(std::vector<std::string> argv, std::vector<std::string> env,
                   const std::function<bool()>& ready, std::chrono::microseconds poll,
                   const std::string& what) {
  std::vector<std::string> environment = EnvironmentWith(env);
  std::vector<char*> args, envp;
  for (auto& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), envp.data()), 0);
  int status = 0;
  bool exited = false;
  while (!ready()) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(poll);
  }
  ASSERT_FALSE(exited) << what << " ended before it could be killed";
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
}

void KillKeyRotationHalfWay(const CanjeRunner& canje) {
  KillWhenReady(
      {CANJE_BINARY, "key", "rotate"},
      {"CANJE_DB=" + canje.database(),
       "CANJE_MASTER_KEY_FILE=" + canje.Path("canje.db.key").string()},
      [&] { return canje.ReadFile("canje.db.key").find("previous") != std::string::npos; },
      std::chrono::microseconds(200), "the rotation");
}

std::vector<LogTampering> TamperingsOnEitherBackend() {
  return {
      {"changed", "UPDATE events SET actor = 'mallory' WHERE seq = 5", "entry 5"},
      {"deleted", "DELETE FROM event_subjects WHERE seq = 7; DELETE FROM events WHERE seq = 7",
       "entry 7: missing"},
      {"payload_swapped",
       "UPDATE events SET payload = (SELECT payload FROM events WHERE seq = 2), "
       "payload_key = (SELECT payload_key FROM events WHERE seq = 2), "
       "salt = (SELECT salt FROM events WHERE seq = 2) WHERE seq = 1",
       "entry 1 (party.added): its payload does not match"},
  };
}

void ExpectTamperingsCaught(
    std::vector<LogTampering> cases,
    const std::function<RunResult(const std::string&, const std::string&)>& verify_tampered) {
  for (LogTampering& common : TamperingsOnEitherBackend()) cases.push_back(std::move(common));
  for (const LogTampering& test : cases) {
    RunResult result = verify_tampered(test.name, test.sql);
    EXPECT_EQ(result.exit_status, 65) << test.name << ": " << result.out;
    EXPECT_NE(result.err.find(test.expected), std::string::npos) << test.name << ": " << result.err;
  }
}

RunResult RunPsql(const std::string& url, const std::string& sql) {
  return RunProgram({"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql},
                    std::filesystem::temp_directory_path(), {});
}

CanjeRunner::CanjeRunner() {
  std::string pattern = (std::filesystem::temp_directory_path() / "canje-test-XXXXXX").string();
  dir_ = mkdtemp(pattern.data());
  database_ = (dir_ / "canje.db").string();
  if (TestsUsePostgres()) {
    std::string name = "canje_test_" + dir_.filename().string().substr(11);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    RunResult created = RunPsql(TestPostgresUrl(), "CREATE DATABASE " + name);
    EXPECT_EQ(created.exit_status, 0) << "cannot create the test database: " << created.err;
    postgres_database_ = name;
    database_ = PostgresUrlForDatabase(TestPostgresUrl(), name);
  }
}

CanjeRunner::~CanjeRunner() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
  if (!postgres_database_.empty()) {
    RunPsql(TestPostgresUrl(), "DROP DATABASE IF EXISTS " + postgres_database_ + " WITH (FORCE)");
  }
}

RunResult CanjeRunner::Run(const std::vector<std::string>& args,
                           const std::vector<std::string>& extra_env) const {
  std::vector<std::string> argv = {CANJE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> env = {"CANJE_DB=" + database_};
  if (on_postgres()) env.push_back("CANJE_MASTER_KEY_FILE=" + (dir_ / "canje.db.key").string());
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  return RunProgram(argv, dir_, env);
}

std::string CanjeRunner::RunOk(const std::vector<std::string>& args) const {
  RunResult result = Run(args);
  std::string command = "canje";
  for (const std::string& arg : args) command += " " + arg;
  EXPECT_EQ(result.exit_status, 0) << command << ": " << result.err;
  return result.out;
}

void CanjeRunner::Init() const {
  RunResult result = Run({"init"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
}

void CanjeRunner::WriteFile(const std::string& name, const std::string& content) const {
  std::ofstream out(dir_ / name, std::ios::binary);
  out << content;
}

std::string CanjeRunner::ReadFile(const std::string& name) const {
  std::ifstream in(dir_ / name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

namespace {

// The store `canje demo` made for this test program, kept until it exits: the SQLite file (or the
// PostgreSQL template database) and its master key file, in a folder of its own.
class DemoStore {
 public:
  static const DemoStore& Get() {
    static DemoStore demo;
    return demo;
  }
  const std::string& failure() const { return failure_; }
  const std::filesystem::path& folder() const { return folder_; }
  const std::string& template_database() const { return template_database_; }

 private:
  DemoStore() {
    std::string pattern = (std::filesystem::temp_directory_path() / "canje-demo-XXXXXX").string();
    folder_ = mkdtemp(pattern.data());
    std::string database = (folder_ / "canje.db").string();
    if (TestsUsePostgres()) {
      template_database_ = "canje_demo_" + std::to_string(getpid());
      RunResult created = RunPsql(TestPostgresUrl(), "CREATE DATABASE " + template_database_);
      if (created.exit_status != 0) {
        failure_ = "cannot create the demo's database: " + created.err;
        return;
      }
      database = PostgresUrlForDatabase(TestPostgresUrl(), template_database_);
    }
    std::vector<std::string> env = {"CANJE_DB=" + database,
                                    "CANJE_MASTER_KEY_FILE=" + (folder_ / "canje.db.key").string()};
    RunResult demo = RunProgram({CANJE_BINARY, "demo"}, folder_, env);
    if (demo.exit_status != 0) failure_ = "canje demo failed: " + demo.err;
  }
  ~DemoStore() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    if (!template_database_.empty()) {
      RunPsql(TestPostgresUrl(), "DROP DATABASE IF EXISTS " + template_database_ + " WITH (FORCE)");
    }
  }

  std::filesystem::path folder_;
  std::string template_database_;
  std::string failure_;
};

}  // namespace

void CanjeRunner::LoadDemo() const {
  const DemoStore& demo = DemoStore::Get();
  ASSERT_EQ(demo.failure(), "");
  // The files the demo wrote beside its store (the scenario's lists), and the master key.
  for (const auto& entry : std::filesystem::directory_iterator(demo.folder())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("canje.db", 0) == 0 && name != "canje.db.key") continue;
    std::filesystem::copy(entry.path(), dir_ / name,
                          std::filesystem::copy_options::overwrite_existing |
                              std::filesystem::copy_options::recursive);
  }
  if (on_postgres()) {
    RunResult dropped = RunPsql(TestPostgresUrl(), "DROP DATABASE " + postgres_database_);
    ASSERT_EQ(dropped.exit_status, 0) << dropped.err;
    RunResult copied = RunPsql(TestPostgresUrl(), "CREATE DATABASE " + postgres_database_ +
                                                      " TEMPLATE " + demo.template_database());
    ASSERT_EQ(copied.exit_status, 0) << copied.err;
    return;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::filesystem::path from = demo.folder() / (std::string("canje.db") + suffix);
    std::filesystem::remove(dir_ / (std::string("canje.db") + suffix));
    if (std::filesystem::exists(from)) {
      std::filesystem::copy_file(from, dir_ / (std::string("canje.db") + suffix));
    }
  }
}

void MultiUserTest::LoadDemoWithUsers(const std::vector<UserSpec>& users) const {
  canje_.LoadDemo();
  if (::testing::Test::HasFatalFailure()) return;
  for (const auto& [user, party, role] : users) {
    RunResult added = canje_.Run({"user", "add", user, "--party", party, "--role", role});
    ASSERT_EQ(added.exit_status, 0) << added.err;
    parties_[user] = party;
  }
}

void MultiUserTest::LoadDemoWithDelegations(const std::vector<UserSpec>& extra) const {
  std::vector<UserSpec> users = {{"med", "PUENTE", "mediator"},
                                 {"ver", "PUENTE", "verifier"},
                                 {"slv", "SLV", "negotiator"},
                                 {"usa", "USA", "negotiator"},
                                 {"ven", "VEN", "negotiator"}};
  users.insert(users.end(), extra.begin(), extra.end());
  LoadDemoWithUsers(users);
}

void MultiUserTest::LoadDemoWithRosters(size_t min_roster, size_t min_us,
                                        const std::vector<UserSpec>& extra) {
  LoadDemoWithDelegations(extra);
  if (::testing::Test::HasFatalFailure()) return;
  roster_ = PersonIds({"--list", "L1"});
  ASSERT_GE(roster_.size(), min_roster);
  us_ = PersonIds({"--list", "L2", "--nationality", "USA"});
  ASSERT_GE(us_.size(), min_us);
}

void MultiUserTest::TableCecotVersion(const std::string& name, int from_roster) const {
  CreateCecotExchange(name);
  std::string csv = "person,from,to\n";
  for (int i = 0; i < from_roster; ++i) csv += roster_[i] + ",SLV,VEN\n";
  csv += us_[0] + ",VEN,USA\n" + us_[1] + ",VEN,USA\n";
  canje_.WriteFile("v1.csv", csv);
  Ok("med", {"proposal", "create", "X1", "--transfers", "v1.csv"});
  Ok("med", {"proposal", "table", "V1"});
}

std::vector<std::string> MultiUserTest::PersonIds(const std::vector<std::string>& filters) const {
  std::vector<std::string> args = {"persons"};
  args.insert(args.end(), filters.begin(), filters.end());
  args.push_back("--json");
  RunResult listed = canje_.Run(args);
  EXPECT_EQ(listed.exit_status, 0) << listed.err;
  std::vector<std::string> ids;
  for (const nlohmann::json& person : nlohmann::json::parse(listed.out)) {
    ids.push_back(person["id"].get<std::string>());
  }
  return ids;
}

RunResult MultiUserTest::As(const std::string& user, std::vector<std::string> args) const {
  args.insert(args.begin(), {"--as", user});
  return canje_.Run(args);
}

std::string MultiUserTest::Ok(const std::string& user, std::vector<std::string> args) const {
  args.insert(args.begin(), {"--as", user});
  return canje_.RunOk(args);
}

void MultiUserTest::CreateCecotExchange(const std::string& name,
                                        const std::vector<std::string>& flags) const {
  std::vector<std::string> create = {"exchange", "create", name, "--mediator", "PUENTE"};
  create.insert(create.end(), flags.begin(), flags.end());
  Ok("med", create);
  Ok("med", {"exchange", "party", "add", "X1", "SLV", "--bloc", "SLV+USA"});
  Ok("med", {"exchange", "party", "add", "X1", "USA", "--bloc", "SLV+USA"});
  Ok("med", {"exchange", "party", "add", "X1", "VEN", "--bloc", "VEN"});
}

void MultiUserTest::SignManifest(const std::string& user, const std::string& party) const {
  ASSERT_TRUE(MakeEd25519KeyPair(canje_.dir(), user));
  Ok(user, {"party", "key", "add", party, "--pem", user + ".pub.pem"});
  Ok(user, {"sign", "--key", user + ".pem", "--manifest", "manifest.json", "--out", user + ".sig"});
}

int64_t MultiUserTest::LogSize() const {
  return nlohmann::json::parse(canje_.Run({"summary", "--json"}).out)["events"].get<int64_t>();
}

void MultiUserTest::Refused(const std::string& user, const std::vector<std::string>& args,
                            int exit_status, const std::string& message) const {
  const int64_t before = LogSize();
  RunResult result = As(user, args);
  EXPECT_EQ(result.exit_status, exit_status)
      << "canje " << args[0] << " " << args[1] << ": " << result.err;
  EXPECT_NE(result.err.find(message), std::string::npos)
      << "expected: " << message << "\ngot: " << result.err;
  EXPECT_EQ(LogSize(), before) << "a refused step wrote to the log";
}

void ExpectOnlyErased(const nlohmann::json& before, const nlohmann::json& after, size_t erased) {
  ASSERT_EQ(after.size(), before.size());  // counts stay
  EXPECT_EQ(after[erased]["erased"], true);
  EXPECT_FALSE(after[erased].contains("name"));
  EXPECT_EQ(after[erased]["custody"], before[erased]["custody"]);
  for (size_t i = 0; i < after.size(); ++i) {
    if (i != erased) {
      EXPECT_EQ(after[i], before[i]) << i;
    }
  }
}

}  // namespace canje::cli::testing

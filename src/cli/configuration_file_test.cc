#include "cli/configuration_file.h"

#include <gtest/gtest.h>

namespace canje::cli {
namespace {

TEST(ConfigurationFileTest, ReadsSettingsSkippingCommentsAndBlankLinesWithTheirLineNumbers) {
  auto entries = ParseConfiguration(
      "\xEF\xBB\xBF# the service\r\n"
      "\n"
      "  listen =  127.0.0.1:8420  \r\n"
      "   # indented comment\n"
      "db=postgresql://canje@db.example/office?sslmode=verify-full\n"
      "log-file =\n",
      "serve.conf");
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].key, "listen");
  EXPECT_EQ((*entries)[0].value, "127.0.0.1:8420");
  EXPECT_EQ((*entries)[0].line, 3);
  EXPECT_EQ((*entries)[1].key, "db");
  EXPECT_EQ((*entries)[1].value, "postgresql://canje@db.example/office?sslmode=verify-full");
  EXPECT_EQ((*entries)[1].line, 5);
  EXPECT_EQ((*entries)[2].key, "log-file");
  EXPECT_EQ((*entries)[2].value, "");
  EXPECT_EQ((*entries)[2].line, 6);
}

TEST(ConfigurationFileTest, ALineThatIsNotASettingIsRefusedWithItsLine) {
  auto entries = ParseConfiguration("threads = 4\nlisten 127.0.0.1:8420\n", "serve.conf");
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().code(), StatusCode::kUsage);
  EXPECT_EQ(entries.status().message().rfind("serve.conf:2: 'listen 127.0.0.1:8420' is not a "
                                             "setting: write KEY = VALUE",
                                             0),
            0u)
      << entries.status().message();

  auto no_key = ParseConfiguration("# x\n = 4\n", "serve.conf");
  ASSERT_FALSE(no_key.ok());
  EXPECT_EQ(no_key.status().message(), "serve.conf:2: a setting needs a key before '='");
}

TEST(ConfigurationFileTest, AKeyGivenTwiceNamesBothLines) {
  auto entries = ParseConfiguration("threads = 4\n\nthreads = 8\n", "serve.conf");
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().message(),
            "serve.conf:3: 'threads' was already set on line 1; keep one of the two");
}

TEST(ConfigurationFileTest, AMissingFileIsNotFound) {
  auto entries = ReadConfigurationFile("/nonexistent/canje/serve.conf");
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.status().code(), StatusCode::kNotFound);
  EXPECT_NE(entries.status().message().find("/nonexistent/canje/serve.conf"), std::string::npos);
}

// A command with two options, as `canje serve` defines its flags.
class ApplyConfigurationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    accepted_ = {
        app_.add_option("--listen", listen_, "ADDRESS:PORT"),
        app_.add_option("--threads", threads_, "Worker threads")->check(CLI::Range(1, 64)),
        app_.add_option("--log-level", level_, "Level")->check(CLI::IsMember({"error", "info"})),
    };
  }
  Status Apply(const std::string& text, const std::vector<std::string>& command_line = {}) {
    // CLI11 takes a vector of arguments last first.
    std::vector<std::string> reversed(command_line.rbegin(), command_line.rend());
    app_.parse(reversed);
    std::vector<const CLI::Option*> given;
    for (const CLI::Option* option : accepted_) {
      if (option->count() > 0) given.push_back(option);
    }
    auto entries = ParseConfiguration(text, "serve.conf");
    if (!entries.ok()) return entries.status();
    return ApplyConfiguration(*entries, "serve.conf", accepted_, given);
  }
  CLI::App app_;
  std::vector<CLI::Option*> accepted_;
  std::string listen_ = "127.0.0.1:8420";
  int threads_ = 4;
  std::string level_ = "info";
};

TEST_F(ApplyConfigurationTest, SetsTheOptionsAndTheCommandLineWins) {
  Status applied =
      Apply("listen = 127.0.0.1:9000\nthreads = 8\nlog-level = error\n", {"--threads", "2"});
  ASSERT_TRUE(applied.ok()) << applied.message();
  EXPECT_EQ(listen_, "127.0.0.1:9000");
  EXPECT_EQ(threads_, 2);  // from the command line
  EXPECT_EQ(level_, "error");
}

TEST_F(ApplyConfigurationTest, AnUnknownKeyNamesItsLineAndTheAcceptedKeys) {
  Status applied = Apply("listen = 127.0.0.1:9000\n# comment\nthread = 8\n");
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.code(), StatusCode::kUsage);
  EXPECT_EQ(applied.message(),
            "serve.conf:3: unknown key 'thread'; the keys are listen, threads, log-level");
}

TEST_F(ApplyConfigurationTest, ABadValueIsCheckedAsTheFlagsValueAndNamesItsLine) {
  Status out_of_range = Apply("threads = 65\n");
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.message().rfind("serve.conf:1: threads = '65': ", 0), 0u)
      << out_of_range.message();
  EXPECT_NE(out_of_range.message().find("64"), std::string::npos) << out_of_range.message();

  Status not_a_number = Apply("\nthreads = four\n");
  ASSERT_FALSE(not_a_number.ok());
  EXPECT_EQ(not_a_number.message().rfind("serve.conf:2: threads = 'four': ", 0), 0u)
      << not_a_number.message();

  Status not_a_level = Apply("log-level = verbose\n");
  ASSERT_FALSE(not_a_level.ok());
  EXPECT_EQ(not_a_level.message().rfind("serve.conf:1: log-level = 'verbose': ", 0), 0u)
      << not_a_level.message();
}

}  // namespace
}  // namespace canje::cli

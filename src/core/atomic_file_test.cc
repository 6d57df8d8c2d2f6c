#include "core/atomic_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace canje {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/canje-atomic-file-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void Write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  // Every name in the folder (a temporary left behind would be one more).
  std::vector<std::string> Names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  mode_t Mode(const std::filesystem::path& path) {
    struct stat info {};
    EXPECT_EQ(stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 07777;
  }

  std::filesystem::path folder_;
};

TEST_F(AtomicFileTest, WritesTheWholeContentAndReplacesWhatWasThere) {
  const std::filesystem::path target = folder_ / "out.txt";
  std::string content(300000, 'x');  // more than one buffer's worth
  content += "end\n";
  ASSERT_TRUE(WriteFileAtomically(target, content, {}).ok());
  EXPECT_EQ(Read(target), content);
  ASSERT_TRUE(WriteFileAtomically(target, "second\n", {}).ok());
  EXPECT_EQ(Read(target), "second\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.txt"});
}

TEST_F(AtomicFileTest, StreamsPieceByPiece) {
  const std::filesystem::path target = folder_ / "rows.csv";
  AtomicFileWriter writer(target, {});
  ASSERT_TRUE(writer.Open().ok());
  EXPECT_TRUE(writer.is_open());
  for (int i = 0; i < 20000; ++i) writer.stream() << "row," << i << '\n';
  EXPECT_FALSE(std::filesystem::exists(target)) << "nothing shows before Commit";
  ASSERT_TRUE(writer.Commit().ok());
  EXPECT_FALSE(writer.is_open());
  const std::string text = Read(target);
  EXPECT_EQ(text.substr(0, 12), "row,0\nrow,1\n");
  EXPECT_EQ(text.substr(text.size() - 10), "row,19999\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"rows.csv"});
}

TEST_F(AtomicFileTest, HonoursTheMode) {
  const mode_t old_umask = umask(022);
  ASSERT_TRUE(WriteFileAtomically(folder_ / "key", "secret\n", {.mode = 0600}).ok());
  ASSERT_TRUE(WriteFileAtomically(folder_ / "public", "text\n", {.mode = 0644}).ok());
  ASSERT_TRUE(WriteFileAtomically(folder_ / "export", "rows\n", {.mode = 0666}).ok());
  // Replacing a file that others could read does not keep its permissions.
  Write(folder_ / "was-open", "old\n");
  std::filesystem::permissions(folder_ / "was-open", std::filesystem::perms::all);
  ASSERT_TRUE(WriteFileAtomically(folder_ / "was-open", "new\n", {.mode = 0600}).ok());
  umask(old_umask);
  EXPECT_EQ(Mode(folder_ / "key"), 0600u);
  EXPECT_EQ(Mode(folder_ / "public"), 0644u);
  EXPECT_EQ(Mode(folder_ / "export"), 0644u) << "0666 less the umask";
  EXPECT_EQ(Mode(folder_ / "was-open"), 0600u);
}

TEST_F(AtomicFileTest, AFolderThatDoesNotExistFailsAndLeavesNothing) {
  const std::filesystem::path target = folder_ / "missing" / "out.txt";
  Status status = WriteFileAtomically(target, "text", {.label = "the report " + target.string()});
  EXPECT_EQ(status.code(), StatusCode::kCannotWrite);
  EXPECT_NE(status.message().find("cannot write the report " + target.string()), std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("No such file or directory"), std::string::npos)
      << status.message();
  EXPECT_TRUE(Names().empty());
}

TEST_F(AtomicFileTest, ATargetThatIsAFolderIsLeftIntact) {
  const std::filesystem::path target = folder_ / "taken";
  std::filesystem::create_directory(target);
  Write(target / "inside", "kept\n");
  Status status = WriteFileAtomically(target, "text", {});
  EXPECT_EQ(status.code(), StatusCode::kCannotWrite) << status.ToString();
  EXPECT_NE(status.message().find("cannot rename into place"), std::string::npos)
      << status.message();
  EXPECT_TRUE(std::filesystem::is_directory(target));
  EXPECT_EQ(Read(target / "inside"), "kept\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"taken"}) << "the temporary is removed";
}

// A write the system refuses half-way (here the file size limit, which binds root too, as a full
// disk would): the old content stays, whole, and the temporary goes.
TEST_F(AtomicFileTest, AWriteThatFailsLeavesTheOldContent) {
  const std::filesystem::path target = folder_ / "state";
  Write(target, "old content\n");
  struct rlimit old_limit {};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  struct sigaction ignore = {};
  struct sigaction old_action = {};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(sigaction(SIGXFSZ, &ignore, &old_action), 0);
  struct rlimit small = old_limit;
  small.rlim_cur = 100000;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  Status whole = WriteFileAtomically(target, std::string(300000, 'y'), {});
  AtomicFileWriter writer(target, {});
  Status opened = writer.Open();
  for (int i = 0; opened.ok() && i < 50000; ++i) writer.stream() << "a longer row " << i << '\n';
  Status streamed = opened.ok() ? writer.Commit() : opened;
  setrlimit(RLIMIT_FSIZE, &old_limit);
  sigaction(SIGXFSZ, &old_action, nullptr);

  EXPECT_EQ(whole.code(), StatusCode::kCannotWrite) << whole.ToString();
  EXPECT_NE(whole.message().find("File too large"), std::string::npos) << whole.message();
  EXPECT_TRUE(opened.ok()) << opened.ToString();
  EXPECT_EQ(streamed.code(), StatusCode::kCannotWrite) << streamed.ToString();
  EXPECT_EQ(Read(target), "old content\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"state"});
}

TEST_F(AtomicFileTest, AnAbandonedWriterLeavesTheTargetAsItWas) {
  const std::filesystem::path target = folder_ / "out.csv";
  Write(target, "before\n");
  {
    AtomicFileWriter writer(target, {});
    ASSERT_TRUE(writer.Open().ok());
    writer.stream() << "half of it";
    EXPECT_EQ(Names().size(), 2u) << "the temporary sits beside the target";
  }  // destroyed without Commit
  {
    AtomicFileWriter writer(target, {});
    ASSERT_TRUE(writer.Open().ok());
    writer.stream() << "half of it";
    writer.Abandon();
    EXPECT_FALSE(writer.is_open());
  }
  EXPECT_EQ(Read(target), "before\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

TEST_F(AtomicFileTest, WithoutReplaceAnExistingTargetIsAConflictAndStays) {
  const std::filesystem::path target = folder_ / "backup";
  ASSERT_TRUE(WriteFileAtomically(target, "first\n", {.replace = false}).ok());
  Status again = WriteFileAtomically(target, "second\n", {.replace = false});
  EXPECT_EQ(again.code(), StatusCode::kConflict) << again.ToString();
  EXPECT_EQ(again.message(), target.string() + " already exists");
  EXPECT_EQ(Read(target), "first\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"backup"});
}

}  // namespace
}  // namespace canje

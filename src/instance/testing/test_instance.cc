#include "instance/testing/test_instance.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "instance/parties_and_users.h"

namespace canje::instance::testing {

TestInstance::TestInstance() {
  std::string pattern = (std::filesystem::temp_directory_path() / "canje-instance-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    error_ = "cannot make a temporary folder";
    return;
  }
  dir_ = pattern;
  options_.database = (dir_ / "canje.db").string();
  options_.master_key_file = (dir_ / "canje.db.key").string();
  if (store::testing::TestsUsePostgres()) {
    database_.emplace();
    if (!database_->ok()) {
      error_ = "cannot create the test database: " + database_->error();
      return;
    }
    options_.database = database_->url();
  }
  Result<InitResult> made = Instance::Initialize({options_.database, options_.master_key_file});
  if (!made.ok()) {
    error_ = "cannot create the store: " + made.status().ToString();
    return;
  }
  Result<std::unique_ptr<Instance>> admin = Instance::Open(options_);
  if (!admin.ok()) {
    error_ = "cannot open the new store: " + admin.status().ToString();
    return;
  }
  admin_ = std::move(*admin);
}

TestInstance::~TestInstance() {
  admin_.reset();
  database_.reset();  // dropped before its folder goes
  std::error_code ignored;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
}

Result<std::unique_ptr<Instance>> TestInstance::Open(const std::string& user) const {
  OpenOptions options = options_;
  options.user = user;
  return Instance::Open(options);
}

void TestInstance::AddParty(const std::string& code, const std::string& name,
                            const std::string& kind) {
  Status added = instance::AddParty(admin(), {code, name, kind});
  EXPECT_TRUE(added.ok()) << "party " << code << ": " << added.ToString();
}

void TestInstance::AddUser(const std::string& name, const std::string& party,
                           const std::string& role) {
  Status added = instance::AddUser(admin(), {name, party, role});
  EXPECT_TRUE(added.ok()) << "user " << name << ": " << added.ToString();
}

}  // namespace canje::instance::testing

#include "instance/testing/test_instance.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "core/encoding.h"
#include "instance/parties_and_users.h"
#include "protect/sealing_contexts.h"

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

std::string TestInstance::LastEventPayload(store::EventRow* event) {
  store::EventRow last;
  Status read = admin().store().ForEachEvent([&](const store::EventRow& row) {
    last = row;
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  if (event != nullptr) *event = last;
  Result<Bytes> key = admin().vault().UnwrapKey(last.payload_key, protect::kEventPayloadContext);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  if (!key.ok()) return "(no key: " + key.status().ToString() + ")";
  Result<Bytes> text = admin().vault().Open(*key, last.payload, protect::kEventPayloadContext);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  if (!text.ok()) return "(not opened: " + text.status().ToString() + ")";
  return std::string(AsText(*text));
}

int64_t TestInstance::LogSize() {
  int64_t size = 0;
  Status read = admin().store().ForEachEvent([&](const store::EventRow&) {
    ++size;
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  return size;
}

void TestInstance::AddUser(const std::string& name, const std::string& party,
                           const std::string& role) {
  Status added = instance::AddUser(admin(), {name, party, role});
  EXPECT_TRUE(added.ok()) << "user " << name << ": " << added.ToString();
}

void TestInstance::AddVenezuelaNegotiator() {
  AddParty("VEN", "Venezuela", "state");
  AddUser("ven", "VEN", "negotiator");
}

void VenezuelaNegotiatorTest::SetUp() {
  ASSERT_TRUE(store_.ok()) << store_.error();
  admin_ = &store_.admin();
  store_.AddVenezuelaNegotiator();
}

}  // namespace canje::instance::testing

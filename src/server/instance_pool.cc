#include "server/instance_pool.h"

namespace canje::server {

InstancePool::Lease::~Lease() {
  if (pool_ != nullptr && instance_ != nullptr && !discard_) {
    pool_->Return(user_, std::move(instance_));
  }
}

Result<InstancePool::Lease> InstancePool::Acquire(const std::string& user) {
  {
    std::lock_guard lock(mutex_);
    auto found = idle_.find(user);
    auto now = std::chrono::steady_clock::now();
    while (found != idle_.end() && !found->second.empty()) {
      Idle idle = std::move(found->second.back());
      found->second.pop_back();
      if (now - idle.since <= options_.max_idle_age) {
        return Lease(this, user, std::move(idle.instance));
      }
    }
  }
  instance::OpenOptions open = options_.open;
  open.user = user;
  CANJE_ASSIGN_OR_RETURN(auto instance, instance::Instance::Open(open));
  return Lease(this, user, std::move(instance));
}

void InstancePool::Return(const std::string& user, std::unique_ptr<instance::Instance> instance) {
  std::lock_guard lock(mutex_);
  auto& idle = idle_[user];
  if (idle.size() >= options_.max_idle_per_user) return;  // closed as it goes out of scope
  idle.push_back({std::move(instance), std::chrono::steady_clock::now()});
}

void InstancePool::Clear() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

size_t InstancePool::IdleCount() const {
  std::lock_guard lock(mutex_);
  size_t count = 0;
  for (const auto& [user, idle] : idle_) count += idle.size();
  return count;
}

}  // namespace canje::server

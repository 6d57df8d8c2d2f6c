// Open instances kept for reuse, per user: each request acts as its token's user through an
// instance::Instance opened for that user, and opening one costs a database connection, the
// master key file read and the index key unwrapped (docs/api.md, "Opening an instance per
// request", has the measured cost). The pool keeps up to `max_idle_per_user` idle instances
// per user and hands each to one request at a time (a Store is used by one thread at a time).
//
// Invariants: an instance is never shared by two leases; a lease that saw the store fail
// (kUnavailable, kInternal) is discarded rather than returned, so a broken connection is not
// reused. The pool holds only what a request would open anyway; it caches no data of its own,
// so what a request reads is the store's current state. A user's role or party changed while
// the server runs is seen by instances opened afterwards (the pool is emptied by Clear(), and
// idle instances older than `max_idle_age` are dropped).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::server {

class InstancePool {
 public:
  struct Options {
    instance::OpenOptions open;  // database and master key; `user` is set per Acquire
    size_t max_idle_per_user = 4;
    std::chrono::seconds max_idle_age{60};
  };
  explicit InstancePool(Options options) : options_(std::move(options)) {}

  class Lease {
   public:
    Lease(InstancePool* pool, std::string user, std::unique_ptr<instance::Instance> instance)
        : pool_(pool), user_(std::move(user)), instance_(std::move(instance)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    instance::Instance& operator*() { return *instance_; }
    instance::Instance* operator->() { return instance_.get(); }
    // Do not return the instance to the pool (its connection may be broken).
    void Discard() { discard_ = true; }

   private:
    InstancePool* pool_;
    std::string user_;
    std::unique_ptr<instance::Instance> instance_;
    bool discard_ = false;
  };

  // An instance acting as `user` (empty: the store's default user, the admin created by init):
  // an idle one, or a newly opened one. The errors of instance::Instance::Open.
  Result<Lease> Acquire(const std::string& user);

  // Drops every idle instance.
  void Clear();
  // Idle instances now held (for tests).
  size_t IdleCount() const;

 private:
  struct Idle {
    std::unique_ptr<instance::Instance> instance;
    std::chrono::steady_clock::time_point since;
  };
  void Return(const std::string& user, std::unique_ptr<instance::Instance> instance);

  Options options_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Idle>> idle_;
};

}  // namespace canje::server

#include "server/hangup_watcher.h"

#include <csignal>

namespace canje::server {

HangupWatcher::HangupWatcher(std::function<void()> on_hangup)
    : on_hangup_(std::move(on_hangup)), io_(1), signals_(io_, SIGHUP) {
  Wait();
  thread_ = std::thread([this] { io_.run(); });
}

HangupWatcher::~HangupWatcher() {
  io_.stop();
  thread_.join();
}

void HangupWatcher::Wait() {
  signals_.async_wait([this](boost::system::error_code error, int) {
    if (error) return;
    on_hangup_();
    Wait();
  });
}

}  // namespace canje::server

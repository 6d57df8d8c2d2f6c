// SIGHUP for `canje serve`: the conventional "read your configuration again, reopen your log
// file" signal (systemctl reload, logrotate). While a HangupWatcher lives, each SIGHUP the
// process receives calls `on_hangup` on the watcher's own thread, one call at a time; without
// one, SIGHUP would end the process.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <functional>
#include <thread>

namespace canje::server {

class HangupWatcher {
 public:
  explicit HangupWatcher(std::function<void()> on_hangup);
  ~HangupWatcher();  // stops watching and waits for a call in progress
  HangupWatcher(const HangupWatcher&) = delete;
  HangupWatcher& operator=(const HangupWatcher&) = delete;

 private:
  void Wait();

  std::function<void()> on_hangup_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  std::thread thread_;
};

}  // namespace canje::server

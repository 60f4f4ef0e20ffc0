#pragma once
// Runs tests/pipeline/refresh/replay_server.mjs (node) for a test: a server on 127.0.0.1 that
// answers from a scenario (see the script), stopped when this goes. Nothing outside the machine.
#include <string>

#include <nlohmann/json.hpp>

namespace ccap::testing {

class ReplayServer {
 public:
  explicit ReplayServer(const nlohmann::json& scenario);
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;
  bool running() const { return port_ > 0; }
  std::string url(const std::string& path) const;  // "http://127.0.0.1:<port><path>"
  nlohmann::json requests() const;                 // what was asked: [{method, url, headers}]

 private:
  std::string scenario_path_;
  int pid_ = 0, port_ = 0;
  void* pipe_ = nullptr;  // FILE*
};

}  // namespace ccap::testing

#include "pipeline/refresh/replay_server.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "pipeline/refresh/http_fetch.h"
#include "test_paths.h"

namespace ccap::testing {

ReplayServer::ReplayServer(const nlohmann::json& scenario) {
  static int count = 0;
  scenario_path_ = (std::filesystem::temp_directory_path() /
                    ("ccap-replay-" + std::to_string(::getpid()) + "-" + std::to_string(++count) + ".json"))
                       .string();
  std::ofstream(scenario_path_) << scenario.dump();
  // The shell prints its pid, then becomes node (exec): that pid is the server's. It is told this
  // process's pid, and stops by itself when this process is gone: a test that dies (an ASan abort)
  // must not leave it holding ctest's output pipe open, which would hang the run.
  const std::string command = "sh -c 'echo $$; exec node " + std::string(CCAP_REPLAY_SERVER) + " " + scenario_path_ +
                              " --parent " + std::to_string(::getpid()) + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return;
  pipe_ = pipe;
  char line[128];
  if (std::fgets(line, sizeof line, pipe)) pid_ = std::atoi(line);
  if (std::fgets(line, sizeof line, pipe) && std::sscanf(line, "port %d", &port_) != 1) port_ = 0;
}

ReplayServer::~ReplayServer() {
  if (pid_ > 0) ::kill(pid_, SIGTERM);
  if (pipe_) ::pclose(static_cast<FILE*>(pipe_));
  std::error_code ec;
  std::filesystem::remove(scenario_path_, ec);
}

std::string ReplayServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

nlohmann::json ReplayServer::requests() const {
  const pipeline::HttpResponse r = pipeline::http_get({url("/__requests")}, [](double) {});
  return r.ok() ? nlohmann::json::parse(r.body, nullptr, false) : nlohmann::json::array();
}

}  // namespace ccap::testing

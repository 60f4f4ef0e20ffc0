#include "pipeline/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace ccap::pipeline {
namespace {

namespace fs = std::filesystem;

// The pid of a process that has ended.
pid_t ended_process() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST(AtomicFile, AWriteRemovesWhatAKilledRunLeftAndKeepsWhatALiveOneIsWriting) {
  const fs::path dir = fs::temp_directory_path() / ("ccap-atomic-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string target = (dir / "out.ccapaq").string();
  const auto touch = [](const fs::path& p) { std::ofstream(p) << "half a file"; };
  const fs::path killed = target + ".tmp-" + std::to_string(ended_process());
  const fs::path live = target + ".tmp-" + std::to_string(::getppid());  // our parent runs
  const fs::path other = (dir / "other.ccapaq.tmp-1").string();          // another target's
  touch(killed);
  touch(live);
  touch(other);
  const std::vector<std::uint8_t> bytes{1, 2, 3};
  EXPECT_EQ(write_file_atomically(target, bytes), "");
  EXPECT_FALSE(fs::exists(killed)) << "left by a run that was killed";
  EXPECT_TRUE(fs::exists(live)) << "its writer may still be writing";
  EXPECT_TRUE(fs::exists(other));
  EXPECT_EQ(fs::file_size(target), 3u);
  fs::remove_all(dir);
}

// A run killed at random moments while writing leaves the previous output whole, and the next
// run leaves no temporary file behind.
TEST(AtomicFile, KillingTheWriterAtRandomMomentsNeverLeavesHalfAFile) {
  const fs::path dir = fs::temp_directory_path() / ("ccap-atomic-kill-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string target = (dir / "out.bin").string();
  const std::vector<std::uint8_t> first(4 << 20, 0xaa), second(4 << 20, 0x55);
  ASSERT_EQ(write_file_atomically(target, first), "");
  for (int round = 0; round < 12; ++round) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      for (;;) write_file_atomically(target, second);  // killed somewhere in here
    }
    ::usleep(static_cast<useconds_t>(1000 + round * 2500));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    ASSERT_EQ(fs::file_size(target), first.size()) << "the output is always whole";
  }
  ASSERT_EQ(write_file_atomically(target, first), "");
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename(), "out.bin") << "left behind: " << entry.path();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ccap::pipeline

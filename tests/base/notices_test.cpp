#include "base/notices.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ccap {

TEST(Notices, DoNotPileUp) {
  Notices n;
  for (int i = 0; i < 100; ++i) n.add(Notice::Level::Warning, "font missing");
  n.add(Notice::Level::Warning, "another");
  EXPECT_EQ(n.all().size(), 2u);
}

TEST(Notices, JsonNamesTheLevel) {
  Notices n;
  n.add(Notice::Level::Error, "basemap.bin: bad checksum");
  n.add(Notice::Level::Info, "hello");
  const nlohmann::json j = n.to_json();
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["level"], "error");
  EXPECT_EQ(j[0]["text"], "basemap.bin: bad checksum");
  EXPECT_EQ(j[1]["level"], "info");
}

}  // namespace ccap

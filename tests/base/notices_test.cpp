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

namespace ccap {

TEST(Notices, ManyProblemsAreCountedInOneNoticeAndEveryOneIsKept) {
  Notices n;
  std::vector<std::string> problems;
  for (int i = 0; i < 12; ++i) problems.push_back("c.json: /cities/" + std::to_string(i) + "/lat: is 95");
  n.add_problems(Notice::Level::Warning, "c.json", problems);
  ASSERT_EQ(n.all().size(), 1u);
  EXPECT_EQ(n.all()[0].text, "c.json: 12 problems; what each names was left out");
  EXPECT_EQ(n.all()[0].details, problems);
  EXPECT_EQ(n.to_json()[0]["details"].size(), 12u);
  n.add_problems(Notice::Level::Warning, "d.json", {"d.json: /x: is missing"});
  EXPECT_EQ(n.all()[1].text, "d.json: /x: is missing") << "one problem is said as it is";
  n.add_problems(Notice::Level::Warning, "e.json", {});
  EXPECT_EQ(n.all().size(), 2u);
}

TEST(Notices, StayBoundedHoweverManyComeIn) {
  Notices n;
  for (int i = 0; i < 1000; ++i) n.add(Notice::Level::Warning, "problem " + std::to_string(i));
  ASSERT_EQ(n.all().size(), kMaxNotices);
  EXPECT_EQ(n.all().back().text, "problem 999");
  EXPECT_EQ(n.all().front().text, "problem " + std::to_string(1000 - kMaxNotices));
  std::vector<std::string> many(5000, "a problem");
  n.add_problems(Notice::Level::Warning, "big.json", many);
  ASSERT_EQ(n.all().back().details.size(), kMaxNoticeDetails + 1);
  EXPECT_EQ(n.all().back().details.back(), "… and 4900 more");
  EXPECT_EQ(n.all().back().text, "big.json: 5000 problems; what each names was left out");
}

TEST(Notices, CountWhatCameAfterARevisionAndNotARepeat) {
  Notices n;
  EXPECT_EQ(n.revision(), 0u);
  n.add(Notice::Level::Warning, "a");
  const std::size_t seen = n.revision();
  n.add(Notice::Level::Warning, "a");  // already shown: nothing new
  EXPECT_EQ(n.newer_than(seen), 0u);
  n.add(Notice::Level::Error, "b");
  n.add_problems(Notice::Level::Warning, "x.json", {"one", "two"});
  EXPECT_EQ(n.newer_than(seen), 2u);
  EXPECT_EQ(n.newer_than(0), 3u);
  EXPECT_EQ(n.newer_than(n.revision()), 0u);
}

TEST(Notices, RemoveAboutAFileTakesItsSummaryAndItsSingleProblem) {
  Notices n;
  n.add_problems(Notice::Level::Warning, "The link", {"The link: a", "The link: b"});
  n.add(Notice::Level::Warning, "The link: c");
  n.add(Notice::Level::Error, "Basemap not loaded");
  n.remove_about("The link");
  ASSERT_EQ(n.all().size(), 1u);
  EXPECT_EQ(n.all()[0].text, "Basemap not loaded");
}

}  // namespace ccap

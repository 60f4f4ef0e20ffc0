#include "features/knowledge/model/text_search.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(TextFolding, DiacriticsCaseAndWidthFoldAway) {
  EXPECT_EQ(fold_text("Hải Phòng"), "hai phong");
  EXPECT_EQ(fold_text("Đà Nẵng"), "da nang");
  EXPECT_EQ(fold_text("ĐÀ LẠT"), "da lat");
  EXPECT_EQ(fold_text("BANGKOK"), "bangkok");
  EXPECT_EQ(fold_text("Ｔａｉｐｅｉ"), "taipei") << "full-width letters";
  EXPECT_EQ(fold_text("São Paulo"), "sao paulo");
  EXPECT_EQ(fold_text("µg/m³"), "μg/m3");
}

TEST(TextFolding, Tokens) {
  EXPECT_EQ(tokenize("Public bike-sharing, Taipei's 2015 system"),
            (std::vector<std::string>{"public", "bike", "sharing", "taipei", "s", "2015", "system"}));
  EXPECT_EQ(tokenize("  Hải   Phòng "), (std::vector<std::string>{"hai", "phong"}));
  EXPECT_TRUE(tokenize(" ,.- ").empty());
  EXPECT_EQ(tokenize("北九州市"), (std::vector<std::string>{"北九州市"})) << "other scripts stay whole";
}

TEST(SearchIndex, FindsAcrossDiacriticsWithAndSemantics) {
  SearchIndex index;
  index.add(
      {{"Kitakyushu: industrial pollution reduction", 3}, {"From the 1960s the city and industry cut emissions", 1}});
  index.add({{"Taipei public bike-sharing", 3}, {"Pasig twinned with Taipei on bike sharing", 1}});
  index.add({{"Hải Phòng emissions inventory", 3}, {"Industrial zones and ports", 1}});
  index.add({{"Bangkok emissions inventory", 3}, {"With San Diego", 1}});
  auto ids = [&](std::string_view q, bool prefix = true) {
    std::vector<std::size_t> out;
    for (const auto& h : index.search(q, prefix)) out.push_back(h.document);
    return out;
  };
  EXPECT_EQ(ids("hai phong"), (std::vector<std::size_t>{2}));
  EXPECT_EQ(ids("HẢI"), (std::vector<std::size_t>{2}));
  EXPECT_EQ(ids("emissions bangkok"), (std::vector<std::size_t>{3}));
  EXPECT_EQ(ids("bike"), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(ids("bike bangkok").empty()) << "every word must match";
  EXPECT_TRUE(ids("").empty());
}

TEST(SearchIndex, PrefixWhileTypingAndRanking) {
  SearchIndex index;
  index.add({{"Air-quality monitoring network", 1}});               // 0: 'emissions' nowhere
  index.add({{"Notes", 3}, {"emissions from ports", 1}});           // 1: in the body
  index.add({{"Emissions inventory training", 3}});                 // 2: in the title
  index.add({{"Emission standards", 3}, {"emissions limits", 1}});  // 3: title (prefix) and body
  const auto hits = index.search("emis");
  ASSERT_EQ(hits.size(), 3u);
  // Title beats body; two occurrences beat one.
  EXPECT_EQ(hits[0].document, 3u);
  EXPECT_EQ(hits[1].document, 2u);
  EXPECT_EQ(hits[2].document, 1u);
  EXPECT_TRUE(index.search("emis", /*prefix_last=*/false).empty()) << "an unfinished word, matched exactly";
  // An exact word outranks a word it merely begins, at equal weight.
  SearchIndex exact;
  exact.add({{"port", 1}});
  exact.add({{"ports", 1}});
  const auto e = exact.search("port");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].document, 0u);
  EXPECT_GT(e[0].score, e[1].score);
}

}  // namespace ccap

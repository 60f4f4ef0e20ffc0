// The Knowledge Platform's CSV files, read back with a strict RFC 4180 reader: the built content's
// search results, peer matches and comparison, row for row as the panel shows them.
#include "features/knowledge/model/knowledge_tables.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/formats/export_names.h"
#include "knowledge_fixtures.h"
#include "test_paths.h"

namespace ccap {
namespace {

using Table = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader of what CsvWriter writes: a UTF-8 BOM, then records ending in CRLF (the
// last too), fields quoted when they hold a comma, quote, CR or LF. nullopt on anything else: no
// BOM, a bare CR or LF outside quotes, a quote inside an unquoted field, an unterminated quote, a
// last record without its CRLF, records of different widths.
std::optional<Table> read_csv(const std::string& text) {
  const std::string bom = "\xEF\xBB\xBF";
  if (text.rfind(bom, 0) != 0) return std::nullopt;
  Table table;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = bom.size();
  bool at_field_start = true;
  while (i < text.size()) {
    const char c = text[i];
    if (at_field_start && c == '"') {  // a quoted field, to its closing quote
      ++i;
      for (;;) {
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      at_field_start = false;
      if (i < text.size() && text[i] != ',' && text[i] != '\r') return std::nullopt;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') return std::nullopt;
      record.push_back(std::move(field));
      field.clear();
      table.push_back(std::move(record));
      record.clear();
      at_field_start = true;
      i += 2;
    } else if (c == '\n' || c == '"') {
      return std::nullopt;
    } else {
      field += c;
      at_field_start = false;
      ++i;
    }
  }
  if (!record.empty() || !field.empty() || !at_field_start) return std::nullopt;  // no CRLF at the end
  for (const auto& r : table)
    if (r.size() != table.front().size()) return std::nullopt;
  return table;
}

// A column's index by its header name; npos when there is none.
std::size_t column(const Table& t, const std::string& name) {
  const auto it = std::find(t.front().begin(), t.front().end(), name);
  return it == t.front().end() ? std::string::npos : static_cast<std::size_t>(it - t.front().begin());
}

struct Content {
  Partnership partnership;
  Knowledge knowledge;
};

// The built content, as the app reads it.
Content built_content() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  PartnershipLoad pl = parse_partnership(text.str(), "partnership.json");
  EXPECT_TRUE(pl.partnership);
  if (!pl.partnership) return {};
  KnowledgeLoad kl = parse_knowledge(pl.document, *pl.partnership, "partnership.json");
  EXPECT_TRUE(kl.knowledge);
  if (!kl.knowledge) return {};
  return {std::move(*pl.partnership), std::move(*kl.knowledge)};
}

const std::string& entry_id(const Knowledge& k, const EntryRef& e) {
  switch (e.kind) {
    case EntryKind::Practice: return k.practices[e.index].id;
    case EntryKind::Expert: return k.experts[e.index].id;
    case EntryKind::Training: return k.trainings[e.index].id;
  }
  return k.practices[e.index].id;
}

const std::vector<Link>& entry_sources(const Knowledge& k, const EntryRef& e) {
  switch (e.kind) {
    case EntryKind::Practice: return k.practices[e.index].sources;
    case EntryKind::Expert: return k.experts[e.index].sources;
    case EntryKind::Training: return k.trainings[e.index].sources;
  }
  return k.practices[e.index].sources;
}

CityId city(const Partnership& p, const char* id) {
  const auto c = p.find_city(id);
  EXPECT_TRUE(c) << id;
  return c.value_or(CityId(0));
}

}  // namespace

TEST(KnowledgeTables, TheReaderIsStrict) {
  EXPECT_TRUE(
      read_csv("\xEF\xBB\xBF"
               "a,b\r\n1,\"x,\"\"y\"\"\r\nz\"\r\n"));
  EXPECT_EQ((*read_csv("\xEF\xBB\xBF"
                       "a,b\r\n1,\"x,\"\"y\"\"\r\nz\"\r\n"))[1][1],
            "x,\"y\"\r\nz");
  EXPECT_FALSE(read_csv("a,b\r\n")) << "no BOM";
  EXPECT_FALSE(
      read_csv("\xEF\xBB\xBF"
               "a,b\n"))
      << "LF alone";
  EXPECT_FALSE(
      read_csv("\xEF\xBB\xBF"
               "a,b"))
      << "no CRLF at the end";
  EXPECT_FALSE(
      read_csv("\xEF\xBB\xBF"
               "a,b\r\n1\r\n"))
      << "a short record";
  EXPECT_FALSE(
      read_csv("\xEF\xBB\xBF"
               "a,b\"c\r\n"))
      << "a quote in an unquoted field";
}

TEST(KnowledgeTables, SearchResultsRowForRowWithTheirSources) {
  const Content c = built_content();
  const Knowledge& k = c.knowledge;
  const Partnership& p = c.partnership;
  const KnowledgeSearch search(k, p);
  const KnowledgeResults all = search.run({});
  ASSERT_GE(all.entries.size(), 50u);
  const std::string text = search_results_csv(k, p, search, all);
  ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << "a BOM first";
  ASSERT_EQ(text.substr(text.size() - 2), "\r\n");
  const auto table = read_csv(text);
  ASSERT_TRUE(table) << "strict RFC 4180 with CRLF";
  const Table& t = *table;
  const std::vector<std::string> first{"rank", "kind", "id", "title", "summary", "cities", "city_ids", "countries"};
  ASSERT_GE(t.front().size(), first.size());
  EXPECT_EQ(std::vector<std::string>(t.front().begin(), t.front().begin() + 8), first);
  std::size_t most = 0;
  for (const EntryRef& e : all.entries) most = std::max(most, entry_sources(k, e).size());
  EXPECT_EQ(t.front().back(), "source_" + std::to_string(most) + "_url")
      << "as many source columns as the entry with the most sources";
  ASSERT_EQ(t.size(), all.entries.size() + 1) << "one row per result";

  const std::size_t title = column(t, "title"), city_ids = column(t, "city_ids"), url1 = column(t, "source_1_url");
  ASSERT_NE(url1, std::string::npos);
  bool saw_comma = false;
  for (std::size_t i = 0; i < all.entries.size(); ++i) {
    const EntryRef& e = all.entries[i];
    const auto& row = t[i + 1];
    EXPECT_EQ(row[0], std::to_string(i + 1));
    EXPECT_EQ(row[1], entry_kind_name(e.kind));
    EXPECT_EQ(row[2], entry_id(k, e)) << "in the results' order";
    EXPECT_EQ(row[title], search.title(e)) << "every title round-trips, commas and quotes too";
    saw_comma |= search.title(e).find(',') != std::string::npos;
    // Every source's title and address, in order, in the numbered columns.
    const auto& sources = entry_sources(k, e);
    ASSERT_FALSE(sources.empty());
    for (std::size_t s = 0; s < sources.size(); ++s) {
      EXPECT_EQ(row[url1 - 1 + 2 * s], sources[s].title);
      EXPECT_EQ(row[url1 + 2 * s], sources[s].url);
    }
    for (std::size_t s = url1 + 2 * sources.size() - 1; s < row.size(); ++s) EXPECT_EQ(row[s], "");
    std::string ids;
    for (CityId x : entry_cities(k, e)) ids += (ids.empty() ? "" : "; ") + p.city(x).id;
    EXPECT_EQ(row[city_ids], ids);
  }
  EXPECT_TRUE(saw_comma) << "the content has titles that need quoting";

  // A practice's row in full: Kitakyushu and Hai Phong's cooperation.
  const auto it = std::find_if(all.entries.begin(), all.entries.end(), [&](const EntryRef& e) {
    return e.kind == EntryKind::Practice && entry_id(k, e) == "kitakyushu-haiphong-green-growth-cooperation";
  });
  ASSERT_NE(it, all.entries.end());
  const auto& row = t[static_cast<std::size_t>(it - all.entries.begin()) + 1];
  EXPECT_EQ(row[city_ids], "kitakyushu; haiphong");
  EXPECT_EQ(row[column(t, "countries")], "JP; VN");
  EXPECT_FALSE(row[column(t, "area_ids")].empty());
  EXPECT_EQ(row[column(t, "summary")], k.practices[it->index].summary);

  // A search narrowed by a filter: its own results, in its order.
  KnowledgeQuery q;
  q.text = "bus";
  const KnowledgeResults some = search.run(q);
  ASSERT_FALSE(some.entries.empty());
  const auto narrowed = read_csv(search_results_csv(k, p, search, some));
  ASSERT_TRUE(narrowed);
  ASSERT_EQ(narrowed->size(), some.entries.size() + 1);
  for (std::size_t i = 0; i < some.entries.size(); ++i) EXPECT_EQ((*narrowed)[i + 1][2], entry_id(k, some.entries[i]));
  // No results: the header alone.
  q.text = "zebra zebra";
  const auto none = read_csv(search_results_csv(k, p, search, search.run(q)));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->size(), 1u);
}

TEST(KnowledgeTables, TextsThatNeedQuotingOrAGuardRoundTrip) {
  const Partnership p = testing::sample_partnership();
  Knowledge k = testing::sample_knowledge();
  k.practices[0].title = "=HYPERLINK(\"https://evil.example\", \"click\")";
  k.practices[0].summary = "Buses, \"on batteries\"\nand a second line";
  k.practices[0].outcomes = {{"less smoke", "-12%"}, {"quieter streets", ""}};
  const KnowledgeSearch search(k, p);
  const KnowledgeResults all = search.run({});
  const auto t = read_csv(search_results_csv(k, p, search, all));
  ASSERT_TRUE(t);
  ASSERT_EQ(t->size(), 6u);
  const auto bus = std::find_if(t->begin(), t->end(), [](const auto& r) { return r[2] == "bus"; });
  ASSERT_NE(bus, t->end());
  const auto& row = *bus;
  EXPECT_EQ(row[column(*t, "title")], "'" + k.practices[0].title) << "a formula is written as text";
  EXPECT_EQ(row[column(*t, "summary")], k.practices[0].summary);
  EXPECT_EQ(row[column(*t, "outcomes")], "less smoke (-12%)\nquieter streets");
  EXPECT_EQ(row[column(*t, "cities")], "Haiphong");
  EXPECT_EQ(row[column(*t, "areas")], "Air quality standards and monitoring");
  EXPECT_EQ(row[column(*t, "pollutants")], "PM2.5; NO2");
  EXPECT_EQ(row[column(*t, "source_1_url")], "https://example.org");
  // The institution: its type, country and city.
  const auto expert = std::find_if(t->begin(), t->end(), [](const auto& r) { return r[1] == "expert"; });
  ASSERT_NE(expert, t->end());
  EXPECT_EQ((*expert)[column(*t, "institution_type")], "city-agency");
  EXPECT_EQ((*expert)[column(*t, "countries")], "JP");
  EXPECT_EQ((*expert)[column(*t, "city_ids")], "c");
  EXPECT_EQ((*expert)[column(*t, "source_1_url")], "https://example.org/bureau");
}

TEST(KnowledgeTables, PeerMatchesBestFirstWithEveryPartOfTheScore) {
  const Content c = built_content();
  const Knowledge& k = c.knowledge;
  const Partnership& p = c.partnership;
  const CityId you = city(p, "kitakyushu");
  const std::vector<PeerMatch> peers = find_peers(profile_of(you, p, k), p, k, 5);
  ASSERT_EQ(peers.size(), 5u);
  const std::string text = peer_matches_csv(k, p, you, peers);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
  const auto table = read_csv(text);
  ASSERT_TRUE(table);
  const Table& t = *table;
  EXPECT_EQ(t.front(), (std::vector<std::string>{"rank",
                                                 "your_city_id",
                                                 "your_city",
                                                 "peer_city_id",
                                                 "peer_city",
                                                 "peer_country",
                                                 "score",
                                                 "known_parts",
                                                 "parts",
                                                 "similar_size_points",
                                                 "similar_size_max",
                                                 "similar_size_why",
                                                 "similar_air_points",
                                                 "similar_air_max",
                                                 "similar_air_why",
                                                 "shared_sources_points",
                                                 "shared_sources_max",
                                                 "shared_sources_why",
                                                 "teaches_your_topics_points",
                                                 "teaches_your_topics_max",
                                                 "teaches_your_topics_why",
                                                 "a_step_ahead_points",
                                                 "a_step_ahead_max",
                                                 "a_step_ahead_why",
                                                 "nearby_points",
                                                 "nearby_max",
                                                 "nearby_why",
                                                 "lessons",
                                                 "lesson_ids"}));
  ASSERT_EQ(t.size(), peers.size() + 1);
  for (std::size_t r = 0; r < peers.size(); ++r) {
    const PeerMatch& m = peers[r];
    const auto& row = t[r + 1];
    EXPECT_EQ(row[0], std::to_string(r + 1));
    EXPECT_EQ(row[1], "kitakyushu");
    EXPECT_EQ(row[2], "Kitakyushu");
    EXPECT_EQ(row[3], p.city(m.city).id) << "best first, as the panel lists them";
    EXPECT_EQ(row[4], p.city(m.city).name);
    EXPECT_EQ(row[5], p.city(m.city).country);
    EXPECT_NEAR(std::stod(row[6]), m.score, 0.05);
    EXPECT_EQ(row[7], std::to_string(m.known_parts));
    EXPECT_EQ(row[8], "6");
    for (std::size_t i = 0; i < m.parts.size(); ++i) {
      const ScorePart& part = m.parts[i];
      if (part.known) {
        EXPECT_NEAR(std::stod(row[9 + 3 * i]), part.points, 0.05);
        EXPECT_EQ(row[11 + 3 * i], part.why);
      } else {
        EXPECT_EQ(row[9 + 3 * i], "") << "an unknown part has no points";
        EXPECT_EQ(row[11 + 3 * i], "unknown, not counted: " + part.why);
      }
      EXPECT_EQ(row[10 + 3 * i], std::to_string(static_cast<int>(part.max)));
    }
    std::string titles, ids;
    for (std::size_t i : m.lessons) {
      titles += (titles.empty() ? "" : "\n") + k.practices[i].title;
      ids += (ids.empty() ? "" : "; ") + k.practices[i].id;
    }
    EXPECT_EQ(row[27], titles);
    EXPECT_EQ(row[28], ids);
  }

  // A city described by hand: no id of its own.
  CityProfile described;
  described.population = 2'000'000;
  described.topics = {"aqm-monitoring"};
  const std::vector<PeerMatch> theirs = find_peers(described, p, k, 5);
  ASSERT_FALSE(theirs.empty());
  const auto d = read_csv(peer_matches_csv(k, p, std::nullopt, theirs));
  ASSERT_TRUE(d);
  ASSERT_EQ(d->size(), theirs.size() + 1);
  EXPECT_EQ((*d)[1][1], "");
  EXPECT_EQ((*d)[1][2], "your city (described)");
  EXPECT_EQ((*d)[1][column(*d, "nearby_points")], "") << "its place is not given";
}

TEST(KnowledgeTables, TheComparisonOneRowPerCityInTheOrderCompared) {
  const Content c = built_content();
  const Knowledge& k = c.knowledge;
  const Partnership& p = c.partnership;
  const std::vector<CityId> cities{city(p, "taipei"), city(p, "pasig"), city(p, "kitakyushu")};
  const std::string text = comparison_csv(k, p, cities);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);
  const auto table = read_csv(text);
  ASSERT_TRUE(table);
  const Table& t = *table;
  EXPECT_EQ(t.front(), (std::vector<std::string>{"city_id", "city", "country", "population", "pm25_annual", "pm25_year",
                                                 "pm25_times_guideline", "pm25_method", "pm25_coverage",
                                                 "pm25_stations", "certification", "certification_level_id",
                                                 "certification_status", "certification_year", "criteria_met",
                                                 "practices", "practice_ids", "twins", "twin_city_ids"}));
  ASSERT_EQ(t.size(), cities.size() + 1);
  for (std::size_t i = 0; i < cities.size(); ++i) {
    const City& x = p.city(cities[i]);
    const auto& row = t[i + 1];
    EXPECT_EQ(row[0], x.id);
    EXPECT_EQ(row[1], x.name);
    EXPECT_EQ(row[2], x.country);
    EXPECT_EQ(row[3], x.population > 0 ? std::to_string(x.population) : "");
    if (!x.pm25_annual.empty()) {
      const auto latest = std::max_element(x.pm25_annual.begin(), x.pm25_annual.end(),
                                           [](const auto& a, const auto& b) { return a.year < b.year; });
      EXPECT_NEAR(std::stod(row[4]), latest->value, 0.05);
      EXPECT_EQ(row[5], std::to_string(latest->year));
      EXPECT_NEAR(std::stod(row[6]), latest->value / 5, 0.05);
    }
    std::string ids;
    for (std::size_t j : k.practices_of(cities[i])) ids += (ids.empty() ? "" : "; ") + k.practices[j].id;
    EXPECT_EQ(row[16], ids);
  }
  // Taipei's mean: its agency's manual monitors, January to November, two stations.
  EXPECT_EQ(t[1][7], "agency monitors");
  EXPECT_EQ(t[1][8], "January to November");
  EXPECT_EQ(t[1][9], "2");
  EXPECT_EQ(t[2][7], "") << "Pasig has no published mean";
  // Taipei and Pasig are twins: each names the other.
  EXPECT_EQ(t[1][18], "pasig");
  EXPECT_EQ(t[2][18], "taipei");
  EXPECT_EQ(t[1][17].rfind("Pasig", 0), 0u);
  EXPECT_NE(t[1][15].find("\n"), std::string::npos) << "Taipei's practices, one per line";

  // A city with no certification and no PM2.5 published: empty cells, "none recorded".
  const Partnership sp = testing::sample_partnership();
  const Knowledge sk = testing::sample_knowledge();
  const auto s = read_csv(comparison_csv(sk, sp, {CityId(3), CityId(1)}));
  ASSERT_TRUE(s);
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[1][0], "d");
  EXPECT_EQ((*s)[1][4], "");
  EXPECT_EQ((*s)[1][10], "none recorded");
  EXPECT_EQ((*s)[1][18], "a");
  EXPECT_EQ((*s)[2][1], "Haiphong");
  EXPECT_EQ((*s)[2][4], "28.0");
  EXPECT_EQ((*s)[2][6], "5.6");
  EXPECT_EQ((*s)[2][7], "agency monitors");
  EXPECT_EQ((*s)[2][8], "");
  EXPECT_EQ((*s)[2][9], "");
  EXPECT_EQ((*s)[2][10], "Bronze (certified 2016)");
  EXPECT_EQ((*s)[2][11], "bronze");
  EXPECT_EQ((*s)[2][13], "2016");
}

TEST(KnowledgeTables, CompareLabelsAnIQAirMeanAnEstimate) {
  const Content c = built_content();
  const Partnership& p = c.partnership;
  EXPECT_EQ(comparison_pm25_cell(p.city(city(p, "kathmandu"))),
            "40.7 µg/m³ (2022, IQAir estimate): 8.1 x the guideline");
  EXPECT_EQ(comparison_pm25_cell(p.city(city(p, "taichung"))),
            "15.6 µg/m³ (2023, agency monitors): 3.1 x the guideline")
      << "the latest of its two years";
  EXPECT_EQ(comparison_pm25_cell(p.city(city(p, "pasig"))), "") << "none published";
  const auto table = read_csv(comparison_csv(c.knowledge, p, {city(p, "kathmandu"), city(p, "singapore")}));
  ASSERT_TRUE(table);
  EXPECT_EQ((*table)[1][7], "IQAir estimate");
}

TEST(KnowledgeTables, CompareStatesADifferenceOnlyBetweenMeansMadeTheSameWay) {
  const Content c = built_content();
  const Partnership& p = c.partnership;
  // Two IQAir estimates of 2022: a difference.
  EXPECT_EQ(comparison_pm25_lines(p, {city(p, "kathmandu"), city(p, "singapore")}),
            (std::vector<std::string>{"Kathmandu 27.4 µg/m³ above Singapore (2022, both IQAir estimates)"}));
  // An IQAir estimate and an agency's monitors of the same year: none, and why.
  EXPECT_EQ(comparison_pm25_lines(p, {city(p, "bangkok"), city(p, "taichung")}),
            (std::vector<std::string>{"Bangkok and Taichung: not comparable (different methods: IQAir estimate and "
                                      "agency monitors)"}));
  // Three cities: three pairs, in the order compared; a city without a mean is named.
  const std::vector<std::string> three =
      comparison_pm25_lines(p, {city(p, "taipei"), city(p, "taoyuan"), city(p, "pasig")});
  EXPECT_EQ(three, (std::vector<std::string>{
                       "Taipei and Taoyuan: not comparable (different coverage: January to November and not stated)",
                       "Taipei and Pasig: not comparable (no published annual mean for Pasig)",
                       "Taoyuan and Pasig: not comparable (no published annual mean for Pasig)"}));
  EXPECT_EQ(comparison_pm25_lines(p, {city(p, "pasig"), city(p, "kitakyushu")}),
            (std::vector<std::string>{
                "Pasig and Kitakyushu: not comparable (no published annual mean for Pasig or Kitakyushu)"}));
  // No line between two cities of different methods carries a figure.
  for (const char* a : {"bangkok", "jakarta", "kathmandu", "singapore"})
    for (const char* b : {"kaohsiung", "shimla", "taichung", "taipei", "taoyuan", "varanasi"})
      for (const std::string& line : comparison_pm25_lines(p, {city(p, a), city(p, b)}))
        EXPECT_EQ(line.find("µg/m³"), std::string::npos) << line;
}

TEST(KnowledgeTables, FileNamesSayWhat) {
  const Partnership p = testing::sample_partnership();
  EXPECT_EQ(export_file_name(search_results_what("Bus lanes, 2024"), 0, "csv"),
            "clean-air-atlas_knowledge-search-bus-lanes-2024_1970-01-01_0000Z.csv");
  EXPECT_EQ(search_results_what(""), "knowledge-search-all");
  EXPECT_EQ(search_results_what("  "), "knowledge-search-all");
  EXPECT_EQ(peer_matches_what(p, CityId(1)), "peers-of-b");
  EXPECT_EQ(peer_matches_what(p, std::nullopt), "peers-of-described-city");
  EXPECT_EQ(comparison_what(p, {CityId(0), CityId(2), CityId(3)}), "compare-a-c-d");
}

}  // namespace ccap

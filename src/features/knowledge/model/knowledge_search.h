#pragma once
// One search over the Knowledge Platform's practices, experts and trainings: ranked full-text
// search (features/knowledge/model/text_search.h: diacritics and case folded, the last word matched as a prefix while
// typing) narrowed by facet filters, with live counts.
//
// Facets: kind (practice, expert, training), Guidance Framework area, pollutant, sector, country,
// city. Values chosen within one facet widen the result (OR); facets narrow each other (AND). A
// facet's counts are those of the results under the query and every *other* facet's choices
// ("disjunctive" facets): choosing a value never makes its siblings' counts drop to zero.
// An empty query lists every entry that passes the filters, practices first, then experts and
// trainings, each by title.
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/text_search.h"

namespace ccap {

enum class EntryKind : std::uint8_t { Practice, Expert, Training };
const char* entry_kind_name(EntryKind k);  // "practice", "expert", "training"

enum class Facet : std::uint8_t { Kind, Area, Pollutant, Sector, Country, City };
inline constexpr std::size_t kFacetCount = 6;
const char* facet_name(Facet f);  // "Type", "Guidance Framework area", ...

struct EntryRef {
  EntryKind kind = EntryKind::Practice;
  std::size_t index = 0;  // into Knowledge::practices, experts or trainings
  friend bool operator==(const EntryRef&, const EntryRef&) = default;
};

// The cities an entry is tied to: a practice's, an institution's city (a training: none).
std::vector<CityId> entry_cities(const Knowledge& k, const EntryRef& e);

struct FacetCount {
  std::string value;  // what a filter names: "practice", "aqm-monitoring", "PM2.5", "TW", "taipei"
  std::string label;  // what a person reads: "Practice", "Air quality standards and monitoring", ...
  int count = 0;
};

struct KnowledgeQuery {
  std::string text;
  std::array<std::set<std::string>, kFacetCount> chosen;  // per Facet
};

struct KnowledgeResults {
  std::vector<EntryRef> entries;                            // best first
  std::array<std::vector<FacetCount>, kFacetCount> facets;  // per Facet, most results first
};

class KnowledgeSearch {
 public:
  KnowledgeSearch() = default;
  KnowledgeSearch(const Knowledge& knowledge, const Partnership& partnership);

  KnowledgeResults run(const KnowledgeQuery& query) const;
  std::size_t size() const { return docs_.size(); }
  const std::string& title(const EntryRef& e) const;

 private:
  struct Doc {
    EntryRef ref;
    std::string title;
    std::array<std::vector<std::uint16_t>, kFacetCount> values;  // indices into values_[facet]
  };

  std::vector<Doc> docs_;                   // practices, then experts, then trainings, each in content order
  std::array<std::size_t, 3> first_doc_{};  // per EntryKind: where its entries start in docs_
  std::vector<std::size_t> browse_order_;
  SearchIndex index_;
  // Per facet, every value once (interned: documents keep indices) and its label.
  std::array<std::vector<std::string>, kFacetCount> values_, labels_;
};

}  // namespace ccap

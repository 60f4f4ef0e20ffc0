#include "features/knowledge/model/knowledge_search.h"
#include "domain/country_names.h"

#include <algorithm>
#include <map>

namespace ccap {

namespace {
void add_unique(std::vector<std::uint16_t>& v, std::uint16_t x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}
}  // namespace

const char* entry_kind_name(EntryKind k) {
  switch (k) {
    case EntryKind::Practice: return "practice";
    case EntryKind::Expert: return "expert";
    case EntryKind::Training: return "training";
  }
  return "";
}

const char* facet_name(Facet f) {
  switch (f) {
    case Facet::Kind: return "Type";
    case Facet::Area: return "Guidance Framework area";
    case Facet::Pollutant: return "Pollutant";
    case Facet::Sector: return "Sector";
    case Facet::Country: return "Country";
    case Facet::City: return "City";
  }
  return "";
}

KnowledgeSearch::KnowledgeSearch(const Knowledge& k, const Partnership& p) {
  std::map<std::string, std::uint16_t> interned[kFacetCount];
  const auto facet = [](Facet f) { return static_cast<std::size_t>(f); };
  // Adds `value` (shown as `label`) to a document's values for facet f.
  const auto tag = [&](Doc& d, Facet f, const std::string& value, const std::string& label) {
    if (value.empty()) return;
    const std::size_t i = facet(f);
    const auto [it, added] = interned[i].try_emplace(value, static_cast<std::uint16_t>(values_[i].size()));
    if (added) {
      values_[i].push_back(value);
      labels_[i].push_back(label);
    }
    add_unique(d.values[i], it->second);
  };
  const auto add_doc = [&](EntryRef ref, std::string title, const std::vector<AreaId>& areas,
                           const std::vector<std::string>& pollutants, std::vector<WeightedText> text) {
    Doc d;
    d.ref = ref;
    d.title = std::move(title);
    const std::string kind = entry_kind_name(ref.kind);
    tag(d, Facet::Kind, kind, capitalised(kind) + "s");
    for (AreaId a : areas) {
      tag(d, Facet::Area, p.area(a).id, p.area(a).name);
      text.push_back({p.area(a).name, 1.5f});
    }
    for (const std::string& pol : pollutants) {
      tag(d, Facet::Pollutant, pol, pol);
      text.push_back({pol, 2});
    }
    index_.add(text);
    docs_.push_back(std::move(d));
  };
  const auto add_city = [&](Doc& d, CityId city, std::vector<WeightedText>* text) {
    const City& c = p.city(city);
    tag(d, Facet::City, c.id, c.name);
    tag(d, Facet::Country, c.country, country_name(c.country));
    if (text) text->push_back({c.name + " " + c.local_name, 2});
  };

  first_doc_[static_cast<std::size_t>(EntryKind::Practice)] = docs_.size();
  for (std::size_t i = 0; i < k.practices.size(); ++i) {
    const Practice& x = k.practices[i];
    std::vector<WeightedText> text{{x.title, 3}, {x.summary, 1}, {x.years, 1}};
    for (const Outcome& o : x.outcomes) text.push_back({o.text + " " + o.figure, 1});
    for (const std::string& s : x.sectors) text.push_back({s, 2});
    for (CityId c : x.cities) text.push_back({p.city(c).name + " " + p.city(c).local_name, 2});
    add_doc({EntryKind::Practice, i}, x.title, x.areas, x.pollutants, text);
    Doc& d = docs_.back();
    for (CityId c : x.cities) add_city(d, c, nullptr);
    for (const std::string& s : x.sectors) tag(d, Facet::Sector, s, capitalised(s));
  }
  first_doc_[static_cast<std::size_t>(EntryKind::Expert)] = docs_.size();
  for (std::size_t i = 0; i < k.experts.size(); ++i) {
    const Expert& x = k.experts[i];
    std::vector<WeightedText> text{{x.name, 3}, {x.role, 1}, {x.kind, 1}};
    if (x.city) text.push_back({p.city(*x.city).name + " " + p.city(*x.city).local_name, 2});
    add_doc({EntryKind::Expert, i}, x.name, x.areas, x.pollutants, text);
    Doc& d = docs_.back();
    if (x.city) add_city(d, *x.city, nullptr);
    tag(d, Facet::Country, x.country, country_name(x.country));
  }
  first_doc_[static_cast<std::size_t>(EntryKind::Training)] = docs_.size();
  for (std::size_t i = 0; i < k.trainings.size(); ++i) {
    const Training& x = k.trainings[i];
    std::vector<WeightedText> text{{x.title, 3}, {x.summary, 1}, {x.provider, 2}, {x.level + " " + x.format, 1}};
    for (const std::string& c : x.criteria) text.push_back({c, 1});
    add_doc({EntryKind::Training, i}, x.title, x.areas, x.pollutants, text);
  }

  browse_order_.resize(docs_.size());
  for (std::size_t i = 0; i < docs_.size(); ++i) browse_order_[i] = i;
  std::stable_sort(browse_order_.begin(), browse_order_.end(), [&](std::size_t a, std::size_t b) {
    if (docs_[a].ref.kind != docs_[b].ref.kind) return docs_[a].ref.kind < docs_[b].ref.kind;
    return docs_[a].title < docs_[b].title;
  });
}

const std::string& KnowledgeSearch::title(const EntryRef& e) const {
  const std::size_t i = first_doc_[static_cast<std::size_t>(e.kind)] + e.index;
  static const std::string none;
  return i < docs_.size() && docs_[i].ref == e ? docs_[i].title : none;
}

KnowledgeResults KnowledgeSearch::run(const KnowledgeQuery& q) const {
  KnowledgeResults out;
  std::vector<std::size_t> matched;  // by the text, best first
  if (tokenize(q.text).empty()) {
    matched = browse_order_;
  } else {
    for (const SearchIndex::Hit& h : index_.search(q.text)) matched.push_back(h.document);
  }
  // The choices as flags per interned value; a facet with no choice lets everything through.
  std::array<std::vector<char>, kFacetCount> chosen;
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    chosen[f].assign(values_[f].size(), 0);
    for (std::size_t v = 0; v < values_[f].size(); ++v) chosen[f][v] = q.chosen[f].count(values_[f][v]) > 0;
  }
  // One pass: which facets each document fails; it is a result when it fails none, and it counts
  // for facet f when it fails none but (perhaps) f.
  std::array<std::vector<int>, kFacetCount> counts;
  for (std::size_t f = 0; f < kFacetCount; ++f) counts[f].assign(values_[f].size(), 0);
  for (std::size_t i : matched) {
    const Doc& d = docs_[i];
    unsigned fails = 0;
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      if (q.chosen[f].empty()) continue;
      if (std::none_of(d.values[f].begin(), d.values[f].end(), [&](std::uint16_t v) { return chosen[f][v] != 0; }))
        fails |= 1u << f;
    }
    if (fails == 0) out.entries.push_back(d.ref);
    for (std::size_t f = 0; f < kFacetCount; ++f)
      if ((fails & ~(1u << f)) == 0)
        for (std::uint16_t v : d.values[f]) ++counts[f][v];
  }
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    for (std::size_t v = 0; v < values_[f].size(); ++v)
      if (counts[f][v] > 0 || chosen[f][v]) out.facets[f].push_back({values_[f][v], labels_[f][v], counts[f][v]});
    std::stable_sort(out.facets[f].begin(), out.facets[f].end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
  }
  return out;
}

std::vector<CityId> entry_cities(const Knowledge& k, const EntryRef& e) {
  switch (e.kind) {
    case EntryKind::Practice: return k.practices[e.index].cities;
    case EntryKind::Expert:
      return k.experts[e.index].city ? std::vector<CityId>{*k.experts[e.index].city} : std::vector<CityId>{};
    case EntryKind::Training: return {};
  }
  return {};
}

}  // namespace ccap

#include "core/knowledge_search.h"

#include <algorithm>
#include <map>

namespace ccap {

namespace {
void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
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
  std::map<std::string, std::string> labels[kFacetCount];
  const auto facet = [](Facet f) { return static_cast<std::size_t>(f); };
  const auto add_doc = [&](EntryRef ref, std::string title, const std::vector<std::size_t>& areas,
                           const std::vector<std::string>& pollutants, std::vector<WeightedText> text) {
    Doc d;
    d.ref = ref;
    d.title = std::move(title);
    const std::string kind = entry_kind_name(ref.kind);
    d.values[facet(Facet::Kind)] = {kind};
    labels[facet(Facet::Kind)][kind] = capitalised(kind) + "s";
    for (std::size_t a : areas) {
      add_unique(d.values[facet(Facet::Area)], k.areas[a].id);
      labels[facet(Facet::Area)][k.areas[a].id] = k.areas[a].name;
      text.push_back({k.areas[a].name, 1.5f});
    }
    for (const std::string& pol : pollutants) {
      add_unique(d.values[facet(Facet::Pollutant)], pol);
      labels[facet(Facet::Pollutant)][pol] = pol;
      text.push_back({pol, 2});
    }
    index_.add(text);
    docs_.push_back(std::move(d));
  };
  const auto add_city = [&](Doc& d, std::size_t city, std::vector<WeightedText>* text) {
    const City& c = p.cities[city];
    add_unique(d.values[facet(Facet::City)], c.id);
    labels[facet(Facet::City)][c.id] = c.name;
    add_unique(d.values[facet(Facet::Country)], c.country);
    labels[facet(Facet::Country)][c.country] = c.country;
    if (text) text->push_back({c.name + " " + c.local_name, 2});
  };

  for (std::size_t i = 0; i < k.practices.size(); ++i) {
    const Practice& x = k.practices[i];
    std::vector<WeightedText> text{{x.title, 3}, {x.summary, 1}, {x.years, 1}};
    for (const Outcome& o : x.outcomes) text.push_back({o.text + " " + o.figure, 1});
    for (const std::string& s : x.sectors) text.push_back({s, 2});
    for (std::size_t c : x.cities) text.push_back({p.cities[c].name + " " + p.cities[c].local_name, 2});
    add_doc({EntryKind::Practice, i}, x.title, x.areas, x.pollutants, text);
    Doc& d = docs_.back();
    for (std::size_t c : x.cities) add_city(d, c, nullptr);
    for (const std::string& s : x.sectors) {
      add_unique(d.values[facet(Facet::Sector)], s);
      labels[facet(Facet::Sector)][s] = capitalised(s);
    }
  }
  for (std::size_t i = 0; i < k.experts.size(); ++i) {
    const Expert& x = k.experts[i];
    std::vector<WeightedText> text{{x.name, 3}, {x.role, 1}, {x.kind, 1}};
    if (x.city) text.push_back({p.cities[*x.city].name + " " + p.cities[*x.city].local_name, 2});
    add_doc({EntryKind::Expert, i}, x.name, x.areas, x.pollutants, text);
    Doc& d = docs_.back();
    if (x.city) add_city(d, *x.city, nullptr);
    if (!x.country.empty()) {
      add_unique(d.values[facet(Facet::Country)], x.country);
      labels[facet(Facet::Country)][x.country] = x.country;
    }
  }
  for (std::size_t i = 0; i < k.trainings.size(); ++i) {
    const Training& x = k.trainings[i];
    std::vector<WeightedText> text{{x.title, 3}, {x.summary, 1}, {x.provider, 2}, {x.level + " " + x.format, 1}};
    for (const std::string& c : x.criteria) text.push_back({c, 1});
    add_doc({EntryKind::Training, i}, x.title, x.areas, x.pollutants, text);
  }

  for (std::size_t f = 0; f < kFacetCount; ++f) labels_[f].assign(labels[f].begin(), labels[f].end());
  browse_order_.resize(docs_.size());
  for (std::size_t i = 0; i < docs_.size(); ++i) browse_order_[i] = i;
  std::stable_sort(browse_order_.begin(), browse_order_.end(), [&](std::size_t a, std::size_t b) {
    if (docs_[a].ref.kind != docs_[b].ref.kind) return docs_[a].ref.kind < docs_[b].ref.kind;
    return docs_[a].title < docs_[b].title;
  });
}

const std::string& KnowledgeSearch::title(const EntryRef& e) const {
  for (const Doc& d : docs_)
    if (d.ref == e) return d.title;
  static const std::string none;
  return none;
}

bool KnowledgeSearch::passes(const Doc& d, const KnowledgeQuery& q, int except) const {
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    if (static_cast<int>(f) == except || q.chosen[f].empty()) continue;
    const auto& v = d.values[f];
    if (std::none_of(v.begin(), v.end(), [&](const std::string& s) { return q.chosen[f].count(s) > 0; })) return false;
  }
  return true;
}

KnowledgeResults KnowledgeSearch::run(const KnowledgeQuery& q) const {
  KnowledgeResults out;
  std::vector<std::size_t> matched;  // by the text, best first
  if (tokenize(q.text).empty()) {
    matched = browse_order_;
  } else {
    for (const SearchIndex::Hit& h : index_.search(q.text)) matched.push_back(h.document);
  }
  for (std::size_t i : matched)
    if (passes(docs_[i], q, -1)) out.entries.push_back(docs_[i].ref);
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    std::map<std::string, int> counts;
    for (std::size_t i : matched)
      if (passes(docs_[i], q, static_cast<int>(f)))
        for (const std::string& v : docs_[i].values[f]) ++counts[v];
    for (const auto& [value, label] : labels_[f]) {
      const auto it = counts.find(value);
      const int n = it == counts.end() ? 0 : it->second;
      if (n > 0 || q.chosen[f].count(value)) out.facets[f].push_back({value, label, n});
    }
    std::stable_sort(out.facets[f].begin(), out.facets[f].end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  }
  return out;
}

}  // namespace ccap

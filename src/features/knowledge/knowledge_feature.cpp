#include "features/knowledge/knowledge_feature.h"

#include <algorithm>
#include <array>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/text_format.h"

namespace ccap {

void KnowledgeFeature::init(InitContext& ctx) {
  dock_ = &ctx.dock;
  sync_with_content(ctx.notices);
}

void KnowledgeFeature::update(FrameContext& ctx) {
  sync_with_content(ctx.notices);
  // Closed from the dock (its close button, Back, Escape, a tap on the empty map): the map
  // forgets what the panel marked on it.
  const bool open = ctx.dock.topmost(PageKind::Knowledge).has_value();
  if (was_open_ && !open) {
    panels_.closed();
    ctx.commands.push_back(HighlightCities{});
    ctx.commands.push_back(ShowCandidates{});
  }
  was_open_ = open;
  if (std::exchange(clear_marks_, false)) {
    ctx.commands.push_back(HighlightCities{});
    ctx.commands.push_back(ShowCandidates{});
  }
  if (std::exchange(mark_entry_cities_, false) && knowledge_ && panels_.state().selected)
    ctx.commands.push_back(HighlightCities{entry_cities(*knowledge_, *panels_.state().selected)});
}

void KnowledgeFeature::search(const std::string& text) {
  if (dock_) panels_.search_knowledge(text, *dock_);
}

void KnowledgeFeature::sync_with_content(Notices& notices) {
  if (partnership_.content_revision() == content_revision_) return;
  content_revision_ = partnership_.content_revision();
  knowledge_.reset();
  const Partnership* p = partnership_.partnership();
  if (!p) return;
  KnowledgeLoad load = parse_knowledge(partnership_.content(), *p, partnership_.content_name());
  notices.add_problems(Notice::Level::Warning, partnership_.content_name() + " (Knowledge Platform)",
                       std::move(load.problems));
  knowledge_ = std::move(load.knowledge);
  if (knowledge_) search_ = KnowledgeSearch(*knowledge_, *p);
}

ui::KnowledgeModel KnowledgeFeature::model() const {
  if (!knowledge_) return {};
  return {partnership_.partnership(), &*knowledge_, &search_};
}

void KnowledgeFeature::panels(PanelContext& ctx) {
  if (ctx.picture || !knowledge_ || !partnership_.partnership()) return;
  panels_.panel(model(), ctx);
}

void KnowledgeFeature::city_section(const CityRef& city, PanelContext& ctx) {
  if (knowledge_) panels_.city_knowledge(model(), city.id, ctx);
}

void KnowledgeFeature::on_command(const Command& command, FrameContext&) {
  if (const auto* f = std::get_if<FindPeers>(&command); f && dock_) panels_.find_peers(f->city, *dock_);
  if (const auto* s = std::get_if<SearchKnowledge>(&command)) search(s->text);
  if (std::holds_alternative<ResetAll>(command)) panels_.reset();
}

bool KnowledgeFeature::find_peers(const std::string& city_id) {
  const Partnership* p = partnership_.partnership();
  const auto city = p ? p->find_city(city_id) : std::nullopt;
  if (city && dock_) panels_.find_peers(*city, *dock_);
  return city.has_value();
}

namespace {
constexpr std::array<const char*, kFacetCount> kFacetKeys{"kind", "area", "pollutant", "sector", "country", "city"};
constexpr std::array<const char*, 3> kTabKeys{"search", "peer", "compare"};  // per ui::KnowledgeTab
}  // namespace

std::string KnowledgeFeature::entry_key(const EntryRef& e) const {
  const Knowledge& k = *knowledge_;
  const std::string& id = e.kind == EntryKind::Practice ? k.practices[e.index].id
                          : e.kind == EntryKind::Expert ? k.experts[e.index].id
                                                        : k.trainings[e.index].id;
  return std::string(entry_kind_name(e.kind)) + ":" + id;
}

std::optional<EntryRef> KnowledgeFeature::entry_named(const std::string& key) const {
  const Knowledge& k = *knowledge_;
  const auto find = [&](EntryKind kind, const auto& entries) -> std::optional<EntryRef> {
    const std::string prefix = std::string(entry_kind_name(kind)) + ":";
    if (key.rfind(prefix, 0) != 0) return std::nullopt;
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].id == key.substr(prefix.size())) return EntryRef{kind, i};
    return std::nullopt;
  };
  if (auto e = find(EntryKind::Practice, k.practices)) return e;
  if (auto e = find(EntryKind::Expert, k.experts)) return e;
  return find(EntryKind::Training, k.trainings);
}

bool KnowledgeFeature::open_entry(const std::string& key) {
  if (!knowledge_ || !dock_) return false;
  const auto entry = entry_named(key);
  if (!entry) return false;
  ui::KnowledgeUiState s = panels_.state();
  s.selected = entry;
  s.tab = ui::KnowledgeTab::Search;
  panels_.restore(std::move(s), true, *dock_);
  mark_entry_cities_ = true;
  return true;
}

// The open entry (its text and sources) or the search's results, while the panel is on top.
void KnowledgeFeature::write_accessible(nlohmann::json& doc) const {
  using nlohmann::json;
  if (!knowledge_ || !dock_ || dock_->top() != ui::kKnowledgePage) return;
  const ui::KnowledgeUiState& ks = panels_.state();
  if (ks.selected) {
    const Knowledge& k = *knowledge_;
    const EntryRef e = *ks.selected;
    json lines = json::array(), links = json::array();
    const std::vector<Link>* sources = nullptr;
    if (e.kind == EntryKind::Practice) {
      const Practice& x = k.practices[e.index];
      lines.push_back("Practice" + (x.years.empty() ? std::string() : ", " + x.years));
      lines.push_back(x.summary);
      for (const Outcome& o : x.outcomes)
        lines.push_back("Outcome: " + o.text + (o.figure.empty() ? "" : " (" + o.figure + ")"));
      sources = &x.sources;
    } else if (e.kind == EntryKind::Expert) {
      const Expert& x = k.experts[e.index];
      lines.push_back("Institution: " + x.kind);
      lines.push_back(x.role);
      if (is_web_address(x.url)) links.push_back({{"title", x.name}, {"url", x.url}});
      sources = &x.sources;
    } else {
      const Training& x = k.trainings[e.index];
      lines.push_back("Training by " + x.provider + (x.format.empty() ? "" : ", " + x.format));
      lines.push_back(x.summary);
      if (is_web_address(x.url)) links.push_back({{"title", x.title}, {"url", x.url}});
      sources = &x.sources;
    }
    for (const Link& l : *sources)
      if (is_web_address(l.url)) links.push_back({{"title", l.title}, {"url", l.url}});
    doc["panel"] = {
        {"kind", "entry"},
        {"id", entry_key(e)},
        {"title", search_.title(e)},
        {"sections",
         json::array({{{"heading", "Knowledge Platform"}, {"lines", std::move(lines)}, {"links", std::move(links)}}})}};
    return;
  }
  json items = json::array();
  for (const EntryRef& e : ks.results.entries)
    items.push_back({{"key", entry_key(e)}, {"kind", entry_kind_name(e.kind)}, {"title", search_.title(e)}});
  doc["results"] = {{"query", ks.last.text}, {"count", ks.results.entries.size()}, {"items", std::move(items)}};
  doc["panel"] = {{"kind", "knowledge"}, {"title", "Knowledge Platform"}, {"sections", json::array()}};
}

// kb=search|peer|compare (the panel is open on that tab)  q=<search text>  facet=kind:practice,
// country:TW (the search's filters)  entry=practice:<id>  peer=<city>  compare=<city>,<city>
void KnowledgeFeature::write_link(LinkState& link) const {
  const Partnership* p = partnership_.partnership();
  if (!knowledge_ || !p) return;
  const ui::KnowledgeUiState& ks = panels_.state();
  if (dock_ && dock_->topmost(PageKind::Knowledge)) link.set("kb", kTabKeys[static_cast<std::size_t>(ks.tab)]);
  link.set("q", ks.query);
  std::vector<std::string> chosen;
  for (std::size_t f = 0; f < kFacetCount; ++f)
    for (const std::string& value : ks.last.chosen[f]) chosen.push_back(std::string(kFacetKeys[f]) + ":" + value);
  link.set_list("facet", chosen);
  if (ks.selected) link.set("entry", entry_key(*ks.selected));
  if (ks.peer_city && p->has(*ks.peer_city)) link.set("peer", p->city(*ks.peer_city).id);
  std::vector<std::string> compared;
  for (const auto& c : ks.compare)
    if (c && p->has(*c)) compared.push_back(p->city(*c).id);
  link.set_list("compare", compared);
}

void KnowledgeFeature::read_link(LinkReader& link) {
  panels_.reset();
  const Partnership* p = partnership_.partnership();
  if (!knowledge_ || !p || !dock_) return;
  ui::KnowledgeUiState s;
  bool open = false;
  if (const std::string* tab = link.get("kb")) {
    const auto it = std::find(kTabKeys.begin(), kTabKeys.end(), *tab);
    if (it != kTabKeys.end()) {
      s.tab = static_cast<ui::KnowledgeTab>(it - kTabKeys.begin());
      open = true;
    } else {
      link.problem("kb: " + link_quote(*tab) + " is not search, peer or compare");
    }
  }
  if (const std::string* q = link.get("q")) s.query = utf8_prefix(*q, 255);  // the search box's size
  s.last.text = s.query;
  for (const std::string& item : link.list("facet")) {
    const std::size_t colon = item.find(':');
    const auto it = std::find(kFacetKeys.begin(), kFacetKeys.end(), item.substr(0, colon));
    if (colon == std::string::npos || it == kFacetKeys.end())
      link.problem("facet: " + link_quote(item) + " is not <kind|area|pollutant|sector|country|city>:<value>");
    else
      s.last.chosen[static_cast<std::size_t>(it - kFacetKeys.begin())].insert(item.substr(colon + 1));
  }
  if (const std::string* entry = link.get("entry")) {
    s.selected = entry_named(*entry);
    if (!s.selected) link.problem("entry: no Knowledge Platform entry " + link_quote(*entry));
    if (s.selected && !open) s.tab = ui::KnowledgeTab::Search, open = true;
    mark_entry_cities_ = s.selected.has_value();
  }
  if (const std::string* city = link.get("peer")) {
    s.peer_city = p->find_city(*city);
    if (!s.peer_city) link.problem("peer: no partner city " + link_quote(*city));
  }
  const std::vector<std::string> compared = link.list("compare");
  for (std::size_t i = 0; i < compared.size(); ++i) {
    const auto city = p->find_city(compared[i]);
    if (!city)
      link.problem("compare: no partner city " + link_quote(compared[i]));
    else if (i < s.compare.size())
      s.compare[i] = city;
    else
      link.problem("compare: at most " + std::to_string(s.compare.size()) + " cities are compared");
  }
  panels_.restore(std::move(s), open, *dock_);
  was_open_ = open;
  clear_marks_ = true;  // what the panel marked before the link
}

void KnowledgeFeature::write_status(nlohmann::json& state) const {
  using nlohmann::json;
  const ui::KnowledgeUiState& ks = panels_.state();
  json& k = state["knowledge"];
  k = {{"loaded", knowledge_.has_value()},
       {"open", ks.open},
       {"typing", ks.typing},
       {"practices", 0},
       {"experts", 0},
       {"trainings", 0},
       {"query", ks.query},
       {"results", ks.results.entries.size()},
       {"facets", json::array()},
       {"selected", nullptr},
       {"highlighted", json::array()},
       {"peers", json::array()},
       {"candidateArcs", partnership_.candidate_count()}};
  if (!knowledge_) return;
  const Partnership& p = *partnership_.partnership();
  k["practices"] = knowledge_->practices.size();
  k["experts"] = knowledge_->experts.size();
  k["trainings"] = knowledge_->trainings.size();
  for (std::size_t f = 0; f < kFacetCount; ++f)
    for (const FacetCount& v : ks.results.facets[f])
      k["facets"].push_back({{"facet", facet_name(static_cast<Facet>(f))}, {"value", v.value}, {"count", v.count}});
  if (ks.selected) {
    const EntryRef e = *ks.selected;
    const std::string& id = e.kind == EntryKind::Practice ? knowledge_->practices[e.index].id
                            : e.kind == EntryKind::Expert ? knowledge_->experts[e.index].id
                                                          : knowledge_->trainings[e.index].id;
    k["selected"] = {{"kind", entry_kind_name(e.kind)}, {"id", id}, {"title", search_.title(e)}};
  }
  for (CityId c : partnership_.highlighted()) k["highlighted"].push_back(p.city(c).id);
  for (const PeerMatch& m : ks.peers) k["peers"].push_back(p.city(m.city).id);
  k["peerCity"] = ks.peer_city ? json(p.city(*ks.peer_city).id) : json(nullptr);
  k["compared"] = json::array();
  for (const std::optional<CityId>& c : ks.compare) k["compared"].push_back(c ? json(p.city(*c).id) : json(nullptr));
  k["compareColumns"] = ks.compare_columns;
  json& pickers = k["cityPickers"] = json::array();  // [{x, y, width, height}]: Peers' and Compare's
  for (const ui::Rect& r : ks.city_pickers)
    pickers.push_back({{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}});
  json& scores = k["peerScores"];  // [{city, score, ranked, label: {x, y, width, height}}] as drawn
  scores = json::array();
  for (std::size_t i = 0; i < ks.peers.size(); ++i) {
    const PeerMatch& m = ks.peers[i];
    json entry = {{"city", p.city(m.city).id}, {"score", m.score}, {"ranked", m.ranked()}};
    if (i < ks.peer_score_labels.size() && ks.peer_score_labels[i].width > 0) {
      const ui::Rect& r = ks.peer_score_labels[i];
      entry["label"] = {{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}};
    }
    scores.push_back(std::move(entry));
  }
}

}  // namespace ccap

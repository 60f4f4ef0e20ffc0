#include "features/knowledge/knowledge_feature.h"

#include <algorithm>

#include <nlohmann/json.hpp>

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
  if (!knowledge_ || !partnership_.partnership()) return;
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
}

}  // namespace ccap

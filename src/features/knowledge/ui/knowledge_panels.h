#pragma once
// The Knowledge Platform's panel (Dear ImGui): search with facets and live counts, an entry's
// detail with its sources, "Find a peer" and "Compare"; and its section of a city's panel. Keeps
// only what the user typed and chose; what they ask of the map goes out as commands.
#include <optional>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/knowledge_search.h"
#include "features/knowledge/model/peer_finder.h"
#include "features/panel_context.h"
#include "features/partnership/model/partnership.h"

namespace ccap::ui {

// What the panels read: the content, read-only.
struct KnowledgeModel {
  const Partnership* partnership = nullptr;
  const Knowledge* knowledge = nullptr;
  const KnowledgeSearch* search = nullptr;
};

// The panel's own state: what is typed and chosen, kept between frames.
struct KnowledgeUiState {
  bool open = false, focus_search = false;
  bool awaiting_focus = false;  // "/" pressed, the search box not active yet: keep what is typed
  std::string pending;          // ... here, until the box takes it
  std::string query;
  KnowledgeQuery last;  // what `results` answer
  KnowledgeResults results;
  bool searched = false;
  std::optional<EntryRef> selected;
  // Find a peer: a partner city (peer_city >= 0) or a described one.
  int peer_city = -1;
  bool describe = false;
  CityProfile described;
  std::vector<PeerMatch> peers;
  bool peers_dirty = true, show_candidates = true;
  std::size_t peers_for = static_cast<std::size_t>(-1);
  int compare[3] = {-1, -1, -1};  // city indices
  int select_tab = -1;            // 0 search, 1 find a peer, 2 compare: brought to the front once
  bool typing = false;            // the search box has the keyboard
};

// Table indices of cities as typed ids, for commands.
std::vector<CityId> city_ids(const std::vector<std::size_t>& cities);
std::vector<std::pair<CityId, CityId>> city_id_pairs(const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

class KnowledgePanels {
 public:
  void panel(const KnowledgeModel& model, PanelContext& ctx);
  // In a city's panel: its practices and institutions, fitting trainings, "Find peers".
  void city_knowledge(const KnowledgeModel& model, CityId city, PanelContext& ctx);
  // Opens the panel searching for `text`.
  void search_knowledge(const std::string& text);
  // Opens "Find a peer" for a partner city.
  void find_peers(CityId city);
  const KnowledgeUiState& state() const { return knowledge_; }

 private:
  void knowledge_search_tab(const KnowledgeModel& model, PanelContext& ctx);
  void knowledge_entry(const KnowledgeModel& model, PanelContext& ctx);
  void peer_tab(const KnowledgeModel& model, PanelContext& ctx);
  void compare_tab(const KnowledgeModel& model, PanelContext& ctx);

  KnowledgeUiState knowledge_;
};

}  // namespace ccap::ui

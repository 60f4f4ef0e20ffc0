#pragma once
// The Knowledge Platform's panel (Dear ImGui): search with facets and live counts, an entry's
// detail with its sources, "Find a peer" and "Compare"; and its section of a city's panel. Keeps
// only what the user typed and chose; what they ask of the map goes out as commands.
#include <array>
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

enum class KnowledgeTab { Search, FindPeer, Compare };

// The Knowledge Platform's page in the dock.
inline constexpr Page kKnowledgePage{PageKind::Knowledge, 0};

// The panel's own state: what is typed and chosen, kept between frames.
struct KnowledgeUiState {
  bool open = false;  // its page is in the dock (shown, or under another)
  bool focus_search = false;
  bool awaiting_focus = false;  // "/" pressed, the search box not active yet: keep what is typed
  std::string pending;          // ... here, until the box takes it
  std::string query;
  KnowledgeQuery last;  // what `results` answer
  KnowledgeResults results;
  bool searched = false;
  std::optional<EntryRef> selected;
  // Find a peer: a partner city (peer_city) or a described one.
  std::optional<CityId> peer_city;
  bool describe = false;
  CityProfile described;
  std::vector<PeerMatch> peers;
  std::vector<Rect> peer_score_labels;  // each peer's score text as drawn (the test API reads its pixels)
  std::vector<Rect> city_pickers;       // the city pickers (Peers, Compare) as drawn this frame
  int compare_columns = 0;              // cities side by side in Compare as drawn (1: stacked cards)
  bool peers_dirty = true, show_candidates = true;
  std::optional<CityId> peers_for;  // the city whose topics `described` started from
  std::array<std::optional<CityId>, 3> compare;
  KnowledgeTab tab = KnowledgeTab::Search;  // the tab shown last
  std::optional<KnowledgeTab> select_tab;   // brought to the front once
  bool typing = false;                      // the search box has the keyboard
};

class KnowledgePanels {
 public:
  void panel(const KnowledgeModel& model, PanelContext& ctx);
  // In a city's panel: its practices and institutions, fitting trainings, "Find peers".
  void city_knowledge(const KnowledgeModel& model, CityId city, PanelContext& ctx);
  // Opens the panel's page searching for `text`.
  void search_knowledge(const std::string& text, DockStack& dock);
  // Opens the panel's page on "Find a peer" for a partner city.
  void find_peers(CityId city, DockStack& dock);
  // Its page left the dock (closed, Back, Escape): forgets the open entry.
  void closed();
  // Everything as at start: no search text, no filters, no peers, nothing to compare.
  void reset() { knowledge_ = {}; }
  // Everything as `state` says (a link was opened): its tab to the front, the search and the
  // peers run again; the panel's page on top of the dock when `open`.
  void restore(KnowledgeUiState state, bool open, DockStack& dock);
  const KnowledgeUiState& state() const { return knowledge_; }

 private:
  void knowledge_search_tab(const KnowledgeModel& model, PanelContext& ctx);
  void knowledge_entry(const KnowledgeModel& model, PanelContext& ctx);
  void peer_tab(const KnowledgeModel& model, PanelContext& ctx);
  void compare_tab(const KnowledgeModel& model, PanelContext& ctx);

  KnowledgeUiState knowledge_;
};

}  // namespace ccap::ui

#pragma once
// The Knowledge Platform: best practices, an experts directory of public institutions and training
// programmes from the content's `knowledge` member, searched in one panel; the peer finder and
// Compare. Builds on the partnership's cities: it reads the content the partnership feature
// loaded, marks cities and draws candidate twinnings through commands.
#include <optional>
#include <string>

#include "features/feature.h"
#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/knowledge_search.h"
#include "features/knowledge/ui/knowledge_panels.h"
#include "features/partnership/partnership_feature.h"

namespace ccap {

class KnowledgeFeature final : public Feature {
 public:
  explicit KnowledgeFeature(const PartnershipFeature& partnership) : partnership_(partnership) {}

  void init(InitContext& ctx) override;
  void update(FrameContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void on_command(const Command& command, FrameContext& ctx) override;
  void city_section(const CityRef& city, PanelContext& ctx) override;
  void write_status(nlohmann::json& state) const override;
  void write_link(LinkState& link) const override;
  void read_link(LinkReader& link) override;
  void write_accessible(nlohmann::json& doc) const override;
  // Opens an entry ("practice:<id>", as links name it) in the panel; false if there is none.
  bool open_entry(const std::string& key);

  const Knowledge* knowledge() const { return knowledge_ ? &*knowledge_ : nullptr; }
  int content_revision() const { return content_revision_; }  // the partnership's it was read from
  // Opens the panel searching for `text`.
  void search(const std::string& text);
  // Opens the peer finder for a partner city; false if there is no such city.
  bool find_peers(const std::string& city_id);

 private:
  // Reads the knowledge of the partnership's content when that changed.
  void sync_with_content(Notices& notices);
  ui::KnowledgeModel model() const;
  // "practice:<id>", "expert:<id>", "training:<id>": an entry as a link names it, and back.
  std::string entry_key(const EntryRef& entry) const;
  std::optional<EntryRef> entry_named(const std::string& key) const;

  const PartnershipFeature& partnership_;
  int content_revision_ = 0;
  std::optional<Knowledge> knowledge_;
  KnowledgeSearch search_;
  ui::KnowledgePanels panels_;
  DockStack* dock_ = nullptr;  // the app's: the panel is open while its page is there
  bool was_open_ = false;
  bool clear_marks_ = false;        // a link was opened: the cities marked before are not
  bool mark_entry_cities_ = false;  // a link opened an entry: mark its cities on the map (update)
};

}  // namespace ccap

// The Knowledge Platform panel: one search box over best practices, experts and trainings with
// facet filters and live counts, a detail view with the sources as links, and the cross-links to
// the map (an entry's cities are marked; "Show on the map" flies there). "/" opens it with the
// search box focused; Enter picks the first result.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>

#include "base/formats/export_names.h"
#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "domain/country_names.h"
#include "features/knowledge/model/knowledge_tables.h"
#include "features/knowledge/ui/knowledge_panels.h"

namespace ccap::ui {

namespace {

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::string area_names(const Partnership& p, const std::vector<AreaId>& areas) {
  std::vector<std::string> names;
  for (AreaId a : areas) names.push_back(p.area(a).name);
  return joined(names, "; ");
}

// Source links: a button per source; the address shows on hover.
void links(const std::vector<Link>& sources, PanelContext& ctx) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ctx.layout.links_open()) {
      if (link_button(ctx.layout, "Open", sources[i].url))
        ctx.commands.push_back(OpenUrl{sources[i].url, sources[i].title});
      ImGui::SameLine();
      ImGui::TextWrapped("%s", sources[i].title.c_str());
    } else {  // the title first: the kiosk's button text is long
      ImGui::TextWrapped("%s", sources[i].title.c_str());
      if (link_button(ctx.layout, "Open", sources[i].url))
        ctx.commands.push_back(OpenUrl{sources[i].url, sources[i].title});
    }
    ImGui::PopID();
  }
}

}  // namespace

void KnowledgePanels::find_peers(CityId city, DockStack& dock) {
  dock.show(kKnowledgePage);
  knowledge_.describe = false;
  knowledge_.peer_city = city;
  knowledge_.peers_dirty = true;
  knowledge_.select_tab = KnowledgeTab::FindPeer;
}

void KnowledgePanels::restore(KnowledgeUiState state, bool open, DockStack& dock) {
  knowledge_ = std::move(state);
  knowledge_.select_tab = knowledge_.tab;
  knowledge_.searched = false;
  knowledge_.peers_dirty = true;
  knowledge_.open = open;
  if (open) dock.show(kKnowledgePage);
}

void KnowledgePanels::search_knowledge(const std::string& text, DockStack& dock) {
  dock.show(kKnowledgePage);
  knowledge_.focus_search = true;
  knowledge_.select_tab = KnowledgeTab::Search;
  knowledge_.selected.reset();
  knowledge_.query = text;
  knowledge_.searched = false;
}

void KnowledgePanels::panel(const KnowledgeModel& model, PanelContext& ctx) {
  if (!model.knowledge || !model.search) return;
  KnowledgeUiState& ks = knowledge_;
  // "/" anywhere but in a text field opens the panel and puts the cursor in the search box.
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput)
    for (ImWchar c : io.InputQueueCharacters)
      if (c == '/' && !ks.awaiting_focus) {
        ks.focus_search = ks.awaiting_focus = true;
        ks.select_tab = KnowledgeTab::Search;
        ks.selected.reset();
        ctx.dock.show(kKnowledgePage);
      }
  // What is typed between "/" and the box taking the focus (a frame or two) is kept and inserted.
  if (ks.awaiting_focus)
    for (ImWchar c : io.InputQueueCharacters)
      if (c >= 32 && c != '/' && c < 0x80) ks.pending += static_cast<char>(c);
  knowledge_.typing = false;
  ks.city_pickers.clear();
  ks.open = ctx.dock.topmost(PageKind::Knowledge).has_value();
  if (!ctx.layout.dock_open() || ctx.dock.top() != kKnowledgePage) return;

  if (ks.focus_search) ImGui::SetNextWindowFocus();
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, "Knowledge Platform");
  if (panel.body) {
    if (ImGui::BeginTabBar("knowledge-tabs")) {
      const auto tab_flags = [&](KnowledgeTab tab) {
        return ks.select_tab == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
      };
      if (ImGui::BeginTabItem("Search", nullptr, tab_flags(KnowledgeTab::Search))) {
        ks.tab = KnowledgeTab::Search;
        knowledge_search_tab(model, ctx);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Find a peer", nullptr, tab_flags(KnowledgeTab::FindPeer))) {
        ks.tab = KnowledgeTab::FindPeer;
        peer_tab(model, ctx);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Compare", nullptr, tab_flags(KnowledgeTab::Compare))) {
        if (ks.tab != KnowledgeTab::Compare && ks.show_candidates) {  // the peers' arcs are not what is compared
          ctx.commands.push_back(ShowCandidates{});
          ks.peers_dirty = true;  // drawn again on the way back
        }
        ks.tab = KnowledgeTab::Compare;
        compare_tab(model, ctx);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
      ks.select_tab.reset();
    }
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

void KnowledgePanels::closed() {
  knowledge_.open = false;
  knowledge_.selected.reset();
}

void KnowledgePanels::knowledge_search_tab(const KnowledgeModel& model, PanelContext& ctx) {
  KnowledgeUiState& ks = knowledge_;
  const Knowledge& k = *model.knowledge;
  const KnowledgeSearch& search = *model.search;

  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", ks.query.c_str());
  if (ks.focus_search) {
    ImGui::SetKeyboardFocusHere();
    ks.focus_search = false;
  }
  ImGui::SetNextItemWidth(-1);
  const auto insert_pending = [](ImGuiInputTextCallbackData* data) {
    auto* pending = static_cast<std::string*>(data->UserData);
    if (!pending->empty()) {
      data->InsertChars(data->CursorPos, pending->c_str());
      pending->clear();
    }
    return 0;
  };
  const bool enter = ImGui::InputTextWithHint("##query", "Search practices, experts, trainings", buffer, sizeof buffer,
                                              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                              insert_pending, &ks.pending);
  ks.query = buffer;
  knowledge_.typing = ImGui::IsItemActive();
  if (knowledge_.typing) ks.awaiting_focus = false;

  // Run the search when the words or the filters changed: every keystroke, in well under a frame.
  KnowledgeQuery q = ks.last;
  q.text = ks.query;
  if (!ks.searched || q.text != ks.last.text || q.chosen != ks.last.chosen) {
    ks.results = search.run(q);
    ks.last = q;
    ks.searched = true;
  }
  if (enter && !ks.results.entries.empty()) {
    ks.selected = ks.results.entries.front();
    const auto cities = entry_cities(k, *ks.selected);
    ctx.commands.push_back(HighlightCities{cities});
    if (!cities.empty()) ctx.commands.push_back(FlyToCity{cities.front(), true});
  }

  // Facets: a line of choices each, with live counts.
  bool filters_changed = false;
  if (ImGui::CollapsingHeader("Filters")) {
    for (std::size_t f = 0; f < kFacetCount; ++f) {
      const auto& values = ks.results.facets[f];
      if (values.empty()) continue;
      ImGui::PushID(static_cast<int>(f));
      if (ImGui::TreeNodeEx(facet_name(static_cast<Facet>(f)), f == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        for (const FacetCount& v : values) {
          bool on = ks.last.chosen[f].count(v.value) > 0;
          if (ui::checkbox_ellipsis(v.label + " (" + std::to_string(v.count) + ")", &on)) {
            if (on) {
              ks.last.chosen[f].insert(v.value);
            } else {
              ks.last.chosen[f].erase(v.value);
            }
            filters_changed = true;
          }
        }
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    if (ImGui::Button("Clear the filters")) {
      for (auto& c : ks.last.chosen) c.clear();
      filters_changed = true;
    }
  }
  if (filters_changed) ks.searched = false;

  // Results, or the chosen entry.
  if (ks.selected) {
    knowledge_entry(model, ctx);
    return;
  }
  // The results as a spreadsheet, with their sources (not on a kiosk: an unattended screen has no
  // downloads; its layout shows links as QR codes instead of opening them).
  const bool download = !ks.results.entries.empty() && ctx.layout.links_open();
  if (download) ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%zu result%s", ks.results.entries.size(), ks.results.entries.size() == 1 ? "" : "s");
  if (download) {
    ImGui::SameLine();
    if (ImGui::Button("Download CSV"))
      ctx.commands.push_back(SaveFile{export_file_name(search_results_what(ks.last.text), std::time(nullptr), "csv"),
                                      "text/csv", search_results_csv(k, *model.partnership, search, ks.results)});
  }
  if (ImGui::BeginChild("results", ImVec2(0, 0), false)) {
    for (std::size_t i = 0; i < ks.results.entries.size(); ++i) {
      const EntryRef& e = ks.results.entries[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TextDisabled("%s", entry_kind_name(e.kind));
      ImGui::SameLine(ctx.layout.px(80));
      if (selectable_ellipsis(search.title(e))) {
        ks.selected = e;
        const auto cities = entry_cities(k, e);
        ctx.commands.push_back(HighlightCities{cities});
        if (!cities.empty()) ctx.commands.push_back(FlyToCity{cities.front(), true});
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

void KnowledgePanels::knowledge_entry(const KnowledgeModel& model, PanelContext& ctx) {
  KnowledgeUiState& ks = knowledge_;
  const Knowledge& k = *model.knowledge;
  const Partnership& p = *model.partnership;
  const EntryRef e = *ks.selected;
  if (ImGui::Button("< Back to the results")) {
    ks.selected.reset();
    ctx.commands.push_back(HighlightCities{});
    return;
  }
  if (ImGui::BeginChild("entry", ImVec2(0, 0), false)) {
    const auto city_buttons = [&](const std::vector<CityId>& cities) {
      for (CityId c : cities) {
        ImGui::PushID(static_cast<int>(c.index()));
        if (ImGui::Button(("Show " + p.city(c).name + " on the map").c_str())) {
          ctx.commands.push_back(FlyToCity{c, true});
          ctx.commands.push_back(HighlightCities{cities});
        }
        ImGui::PopID();
      }
    };
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextWrapped("%s", model.search->title(e).c_str());
    ImGui::PopFont();
    if (e.kind == EntryKind::Practice) {
      const Practice& x = k.practices[e.index];
      std::vector<std::string> names;
      for (CityId c : x.cities) names.push_back(p.city(c).name);
      disabled_wrapped("Best practice · " + joined(names) + " · " + x.years);
      city_buttons(x.cities);
      ImGui::TextWrapped("%s", x.summary.c_str());
      if (!x.outcomes.empty()) {
        heading("Outcomes");
        for (const Outcome& o : x.outcomes) bullet_wrapped(o.text + (o.figure.empty() ? "" : " (" + o.figure + ")"));
      }
      heading("Guidance Framework areas");
      ImGui::TextWrapped("%s", area_names(p, x.areas).c_str());
      if (!x.pollutants.empty() || !x.sectors.empty()) {
        heading("Pollutants and sectors");
        ImGui::TextWrapped("%s%s%s", joined(x.pollutants).c_str(),
                           x.pollutants.empty() || x.sectors.empty() ? "" : "; ", joined(x.sectors).c_str());
      }
      heading("Sources");
      links(x.sources, ctx);
    } else if (e.kind == EntryKind::Expert) {
      const Expert& x = k.experts[e.index];
      disabled_wrapped("Institution (" + x.kind + ")" + (x.city ? " · " + p.city(*x.city).name : "") +
                       (x.country.empty() ? "" : " · " + country_name(x.country)));
      if (x.city) city_buttons({*x.city});
      ImGui::TextWrapped("%s", x.role.c_str());
      heading("Areas of expertise");
      ImGui::TextWrapped("%s", area_names(p, x.areas).c_str());
      if (!x.pollutants.empty()) ImGui::TextWrapped("Pollutants: %s", joined(x.pollutants).c_str());
      heading("Languages");
      ImGui::TextWrapped("%s", joined(x.languages).c_str());
      if (!x.languages_basis.empty()) disabled_wrapped(x.languages_basis);
      if (!x.url.empty()) {
        if (link_button(ctx.layout, "Open their website", x.url)) ctx.commands.push_back(OpenUrl{x.url, x.name});
      }
      heading("Sources");
      links(x.sources, ctx);
      disabled_wrapped("The directory lists public institutions and their roles, not persons.");
    } else {
      const Training& x = k.trainings[e.index];
      disabled_wrapped("Training · " + x.provider + " · " + x.level + ", " + x.format);
      ImGui::TextWrapped("%s", x.summary.c_str());
      heading("Topics");
      ImGui::TextWrapped("%s", area_names(p, x.areas).c_str());
      if (!x.pollutants.empty()) ImGui::TextWrapped("Pollutants: %s", joined(x.pollutants).c_str());
      if (!x.criteria.empty()) {
        heading("Helps with City Certification");
        for (const std::string& c : x.criteria) bullet_wrapped(c);
      }
      if (!x.url.empty()) {
        if (link_button(ctx.layout, "Open the programme's page", x.url))
          ctx.commands.push_back(OpenUrl{x.url, x.title});
      }
      heading("Sources");
      links(x.sources, ctx);
    }
  }
  ImGui::EndChild();
}

// In the city panel: the city's practices and institutions, and trainings that fit them, each
// opening in the Knowledge panel.
void KnowledgePanels::city_knowledge(const KnowledgeModel& model, CityId city, PanelContext& ctx) {
  if (!model.knowledge) return;
  const Knowledge& k = *model.knowledge;
  const auto practices = k.practices_of(city), experts = k.experts_of(city);
  heading("Knowledge Platform");
  if (practices.empty() && experts.empty()) {
    ImGui::TextDisabled("No practice or institution of this city is recorded yet.");
  }
  const auto open_entry = [&](EntryRef e) {
    ctx.dock.show(kKnowledgePage);
    knowledge_.selected = e;
    knowledge_.select_tab = KnowledgeTab::Search;
    ctx.commands.push_back(HighlightCities{entry_cities(k, e)});
  };
  for (std::size_t i : practices) {
    ImGui::PushID(static_cast<int>(i));
    if (selectable_ellipsis("Practice: " + k.practices[i].title)) open_entry({EntryKind::Practice, i});
    ImGui::PopID();
  }
  for (std::size_t i : experts) {
    ImGui::PushID(static_cast<int>(1000 + i));
    if (selectable_ellipsis("Institution: " + k.experts[i].name)) open_entry({EntryKind::Expert, i});
    ImGui::PopID();
  }
  // Trainings: those on the topics of the city's practices, or, for a city with none recorded,
  // those that help with City Certification.
  std::set<AreaId> topics;
  for (std::size_t i : practices) topics.insert(k.practices[i].areas.begin(), k.practices[i].areas.end());
  for (std::size_t i = 0; i < k.trainings.size(); ++i) {
    const Training& t = k.trainings[i];
    const bool fits = topics.empty()
                          ? !t.criteria.empty()
                          : std::any_of(t.areas.begin(), t.areas.end(), [&](AreaId a) { return topics.count(a) > 0; });
    if (!fits) continue;
    ImGui::PushID(static_cast<int>(2000 + i));
    if (selectable_ellipsis("Training: " + t.title)) open_entry({EntryKind::Training, i});
    ImGui::PopID();
  }
  if (ImGui::Button("Find peers for this city")) find_peers(city, ctx.dock);
}

}  // namespace ccap::ui

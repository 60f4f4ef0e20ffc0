// "Find a peer" and "Compare" in the Knowledge Platform panel. The peer finder ranks partner cities
// for a city exploring a twinning (a partner city, or one described by hand) and explains every
// point of the score (features/knowledge/model/peer_finder.h); its top matches are drawn on the map as candidate arcs.
// Compare puts two or three cities side by side.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/text_format.h"
#include "base/ui/widgets.h"
#include "base/who_guidelines.h"
#include "features/knowledge/ui/knowledge_panels.h"

namespace ccap::ui {

namespace {

constexpr const char* kSectors[] = {"transport",     "industry",     "energy",      "residential",
                                    "waste-burning", "construction", "agriculture", "shipping"};
constexpr std::size_t kPeersShown = 5;

// A combo of the partner cities, by name. Returns true when the choice changed.
bool city_combo(const char* label, const Partnership& p, std::optional<CityId>& city, bool allow_none) {
  bool changed = false;
  const char* preview = city ? p.city(*city).name.c_str() : "choose a city";
  if (ImGui::BeginCombo(label, preview)) {
    if (allow_none && ImGui::Selectable("(none)", !city)) {
      city.reset();
      changed = true;
    }
    std::vector<CityId> order;
    for (std::size_t i = 0; i < p.cities.size(); ++i) order.emplace_back(i);
    std::sort(order.begin(), order.end(), [&](CityId a, CityId b) { return p.city(a).name < p.city(b).name; });
    for (CityId c : order)
      if (ImGui::Selectable(p.city(c).name.c_str(), city == c)) {
        city = c;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

std::string certification_text(const Partnership& p, CityId city) {
  const CertificationStatus* s = p.certification_of(city);
  if (!s) return "none recorded";
  return p.level(s->level).name + " (" + s->status + " " + std::to_string(s->year) + ")";
}

}  // namespace

void KnowledgePanels::peer_tab(const KnowledgeModel& model, PanelContext& ctx) {
  KnowledgeUiState& ks = knowledge_;
  const Partnership& p = *model.partnership;
  const Knowledge& k = *model.knowledge;
  bool changed = ks.peers_dirty;
  ImGui::TextWrapped(
      "Cities exploring a twinning: find partner cities like yours that have done what you want to "
      "learn. Every point of the score is explained.");
  if (ImGui::RadioButton("A partner city", !ks.describe)) {
    ks.describe = false;
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("Describe your city", ks.describe)) {
    ks.describe = true;
    changed = true;
  }
  CityProfile& d = ks.described;
  if (!ks.describe) {
    ImGui::SetNextItemWidth(-1);
    changed |= city_combo("##your-city", p, ks.peer_city, false);
  } else {
    int population = static_cast<int>(std::min<long long>(d.population, 100'000'000));
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputInt("Population", &population, 10'000, 100'000)) {
      d.population = std::max(0, population);
      changed = true;
    }
    float pm25 = d.pm25 ? static_cast<float>(*d.pm25) : 0.0f;
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputFloat("Annual PM2.5 (µg/m³, 0: unknown)", &pm25, 1, 5, "%.1f")) {
      d.pm25 = pm25 > 0 ? std::optional<double>(pm25) : std::nullopt;
      changed = true;
    }
    ImGui::SetNextItemWidth(160);
    const char* levels[] = {"not certified", "level 1 (Bronze)", "level 2", "level 3"};
    if (ImGui::Combo("Certification", &d.certification_rank, levels, 4)) changed = true;
    ImGui::TextUnformatted("Main sources of pollution");
    for (std::size_t i = 0; i < std::size(kSectors); ++i) {
      bool on = d.sources.count(kSectors[i]) > 0;
      if (i % 3) ImGui::SameLine();
      if (ImGui::Checkbox(kSectors[i], &on)) {
        on ? void(d.sources.insert(kSectors[i])) : void(d.sources.erase(kSectors[i]));
        changed = true;
      }
    }
  }
  ImGui::TextUnformatted(ks.describe ? "Topics you want to learn about" : "Topics (from its practices; change freely)");
  CityProfile you = ks.describe ? d : (ks.peer_city ? profile_of(*ks.peer_city, p, k) : CityProfile{});
  if (!ks.describe && ks.peer_city && ks.peers_for != ks.peer_city) {
    d.topics = you.topics;  // a newly chosen city starts from its own topics
    ks.peers_for = ks.peer_city;
  }
  for (const GuidanceArea& area : p.areas) {
    bool on = d.topics.count(area.id) > 0;
    if (ImGui::Checkbox(area.name.c_str(), &on)) {
      on ? void(d.topics.insert(area.id)) : void(d.topics.erase(area.id));
      changed = true;
    }
  }
  you.topics = d.topics;
  if (changed) {
    ks.peers = (!ks.describe && !ks.peer_city) ? std::vector<PeerMatch>{} : ccap::find_peers(you, p, k, kPeersShown);
    ks.peers_dirty = false;
    std::vector<std::pair<CityId, CityId>> arcs;
    if (!ks.describe && ks.peer_city && ks.show_candidates)
      for (const PeerMatch& m : ks.peers) arcs.emplace_back(*ks.peer_city, m.city);
    ctx.commands.push_back(ShowCandidates{std::move(arcs)});
  }
  if (!ks.describe && ImGui::Checkbox("Draw the candidates on the map", &ks.show_candidates)) ks.peers_dirty = true;

  ImGui::Separator();
  for (std::size_t r = 0; r < ks.peers.size(); ++r) {
    const PeerMatch& m = ks.peers[r];
    ImGui::PushID(static_cast<int>(r));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::Text("%zu. %s", r + 1, p.city(m.city).name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(m.score / 100), ImVec2(90, 0),
                       (std::to_string(static_cast<int>(std::lround(m.score))) + " / 100").c_str());
    for (const ScorePart& part : m.parts) {
      char line[320];
      std::snprintf(line, sizeof line, "%s: %.0f of %.0f (%s)", part.name.c_str(), part.points, part.max,
                    part.why.c_str());
      bullet_wrapped(line);
    }
    if (!m.lessons.empty()) {
      ImGui::TextDisabled("What you could learn there:");
      for (std::size_t i : m.lessons) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(("  " + model.knowledge->practices[i].title).c_str())) {
          ks.selected = EntryRef{EntryKind::Practice, i};
          ks.select_tab = KnowledgeTab::Search;
          ctx.commands.push_back(HighlightCities{model.knowledge->practices[i].cities});
        }
        ImGui::PopID();
      }
    }
    if (ImGui::SmallButton("Show on the map")) ctx.commands.push_back(FlyToCity{m.city, true});
    ImGui::SameLine();
    if (ImGui::SmallButton("Compare") && ks.peer_city) {
      ks.compare = {ks.peer_city, m.city, std::nullopt};
      ks.select_tab = KnowledgeTab::Compare;
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (ks.peers.empty()) ImGui::TextDisabled(ks.describe ? "Describe your city above." : "Choose your city above.");
}

void KnowledgePanels::compare_tab(const KnowledgeModel& model, PanelContext& ctx) {
  KnowledgeUiState& ks = knowledge_;
  const Partnership& p = *model.partnership;
  const Knowledge& k = *model.knowledge;
  for (std::size_t i = 0; i < ks.compare.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(-1);
    city_combo("##compare", p, ks.compare[i], i == 2);
    ImGui::PopID();
  }
  std::vector<CityId> cities;
  for (const std::optional<CityId>& c : ks.compare)
    if (c && std::find(cities.begin(), cities.end(), *c) == cities.end()) cities.push_back(*c);
  if (cities.size() < 2) {
    ImGui::TextDisabled("Choose two or three cities.");
    return;
  }
  if (ImGui::SmallButton("Mark them on the map")) ctx.commands.push_back(HighlightCities{cities});
  const int columns = static_cast<int>(cities.size()) + 1;
  if (ImGui::BeginTable("compare", columns,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 92);
    for (CityId c : cities) ImGui::TableSetupColumn(p.city(c).name.c_str());
    ImGui::TableHeadersRow();
    const auto row = [&](const char* name, auto&& cell) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", name);
      for (std::size_t i = 0; i < cities.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        ImGui::PushID(static_cast<int>(i));
        cell(cities[i]);
        ImGui::PopID();
      }
    };
    row("Population", [&](CityId c) {
      ImGui::TextWrapped("%s", p.city(c).population > 0 ? with_thousands(p.city(c).population).c_str() : "unknown");
    });
    row("PM2.5 vs WHO", [&](CityId c) {
      const auto& pm = p.city(c).pm25_annual;
      if (pm.empty()) {
        ImGui::TextDisabled("no published annual mean");
        return;
      }
      const Pm25Annual& m =
          *std::max_element(pm.begin(), pm.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
      ImGui::TextWrapped("%.1f µg/m³ (%d): %.1f x the guideline", m.value, m.year,
                         m.value / Pm25AnnualThresholds::kGuideline);
    });
    row("Certification", [&](CityId c) { ImGui::TextWrapped("%s", certification_text(p, c).c_str()); });
    row("Criteria met", [&](CityId c) {
      const CertificationStatus* s = p.certification_of(c);
      if (!s || p.level(s->level).first_actions.empty()) {
        ImGui::TextDisabled("not published");
        return;
      }
      for (const std::string& a : p.level(s->level).first_actions) bullet_wrapped(a);
    });
    row("Practices", [&](CityId c) {
      const auto practices = k.practices_of(c);
      if (practices.empty()) ImGui::TextDisabled("none recorded");
      for (std::size_t i : practices) bullet_wrapped(k.practices[i].title);
    });
    row("Twinning", [&](CityId c) {
      const auto twins = p.partners_of(c);
      if (twins.empty()) ImGui::TextDisabled("no C3 twin");
      for (const auto& [pair, partner] : twins)
        bullet_wrapped(p.city(partner).name + (pair->announced.empty() ? "" : ", " + pair->announced));
    });
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Criteria: the first actions of the level held, as published.");
}

}  // namespace ccap::ui

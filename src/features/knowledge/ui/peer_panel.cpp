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

// A combo of the partner cities; -1: none chosen. Returns true when the choice changed.
bool city_combo(const char* label, const Partnership& p, int& city, bool allow_none) {
  bool changed = false;
  const char* preview = city >= 0 ? p.cities[static_cast<std::size_t>(city)].name.c_str() : "choose a city";
  if (ImGui::BeginCombo(label, preview)) {
    if (allow_none && ImGui::Selectable("(none)", city < 0)) {
      city = -1;
      changed = true;
    }
    std::vector<std::size_t> order(p.cities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return p.cities[a].name < p.cities[b].name; });
    for (std::size_t i : order)
      if (ImGui::Selectable(p.cities[i].name.c_str(), city == static_cast<int>(i))) {
        city = static_cast<int>(i);
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

std::string certification_text(const Partnership& p, std::size_t city) {
  const CertificationStatus* s = p.certification_of(city);
  if (!s) return "none recorded";
  return p.levels[s->level].name + " (" + s->status + " " + std::to_string(s->year) + ")";
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
  CityProfile you =
      ks.describe ? d : (ks.peer_city >= 0 ? profile_of(static_cast<std::size_t>(ks.peer_city), p, k) : CityProfile{});
  if (!ks.describe && ks.peer_city >= 0 && ks.peers_for != static_cast<std::size_t>(ks.peer_city)) {
    d.topics = you.topics;  // a newly chosen city starts from its own topics
    ks.peers_for = static_cast<std::size_t>(ks.peer_city);
  }
  for (std::size_t i = 0; i < k.areas.size(); ++i) {
    bool on = d.topics.count(k.areas[i].id) > 0;
    if (ImGui::Checkbox(k.areas[i].name.c_str(), &on)) {
      on ? void(d.topics.insert(k.areas[i].id)) : void(d.topics.erase(k.areas[i].id));
      changed = true;
    }
  }
  you.topics = d.topics;
  if (changed) {
    ks.peers = (!ks.describe && ks.peer_city < 0) ? std::vector<PeerMatch>{} : ccap::find_peers(you, p, k, kPeersShown);
    ks.peers_dirty = false;
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
    if (!ks.describe && ks.peer_city >= 0 && ks.show_candidates)
      for (const PeerMatch& m : ks.peers) arcs.emplace_back(static_cast<std::size_t>(ks.peer_city), m.city);
    ctx.commands.push_back(ShowCandidates{city_id_pairs(arcs)});
  }
  if (!ks.describe && ImGui::Checkbox("Draw the candidates on the map", &ks.show_candidates)) ks.peers_dirty = true;

  ImGui::Separator();
  for (std::size_t r = 0; r < ks.peers.size(); ++r) {
    const PeerMatch& m = ks.peers[r];
    ImGui::PushID(static_cast<int>(r));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::Text("%zu. %s", r + 1, p.cities[m.city].name.c_str());
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
          ks.select_tab = 0;
          ctx.commands.push_back(HighlightCities{city_ids(model.knowledge->practices[i].cities)});
        }
        ImGui::PopID();
      }
    }
    if (ImGui::SmallButton("Show on the map")) ctx.commands.push_back(FlyToCity{CityId(m.city)});
    ImGui::SameLine();
    if (ImGui::SmallButton("Compare") && ks.peer_city >= 0) {
      ks.compare[0] = ks.peer_city;
      ks.compare[1] = static_cast<int>(m.city);
      ks.select_tab = 2;
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
  for (int i = 0; i < 3; ++i) {
    ImGui::PushID(i);
    ImGui::SetNextItemWidth(-1);
    city_combo("##compare", p, ks.compare[i], i == 2);
    ImGui::PopID();
  }
  std::vector<std::size_t> cities;
  for (int c : ks.compare)
    if (c >= 0 && std::find(cities.begin(), cities.end(), static_cast<std::size_t>(c)) == cities.end())
      cities.push_back(static_cast<std::size_t>(c));
  if (cities.size() < 2) {
    ImGui::TextDisabled("Choose two or three cities.");
    return;
  }
  if (ImGui::SmallButton("Mark them on the map")) ctx.commands.push_back(HighlightCities{city_ids(cities)});
  const int columns = static_cast<int>(cities.size()) + 1;
  if (ImGui::BeginTable("compare", columns,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 92);
    for (std::size_t c : cities) ImGui::TableSetupColumn(p.cities[c].name.c_str());
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
    row("Population", [&](std::size_t c) {
      ImGui::TextWrapped("%s", p.cities[c].population > 0 ? with_thousands(p.cities[c].population).c_str() : "unknown");
    });
    row("PM2.5 vs WHO", [&](std::size_t c) {
      const auto& pm = p.cities[c].pm25_annual;
      if (pm.empty()) {
        ImGui::TextDisabled("no published annual mean");
        return;
      }
      const Pm25Annual& m =
          *std::max_element(pm.begin(), pm.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
      ImGui::TextWrapped("%.1f µg/m³ (%d): %.1f x the guideline", m.value, m.year,
                         m.value / Pm25AnnualThresholds::kGuideline);
    });
    row("Certification", [&](std::size_t c) { ImGui::TextWrapped("%s", certification_text(p, c).c_str()); });
    row("Criteria met", [&](std::size_t c) {
      const CertificationStatus* s = p.certification_of(c);
      if (!s || p.levels[s->level].first_actions.empty()) {
        ImGui::TextDisabled("not published");
        return;
      }
      for (const std::string& a : p.levels[s->level].first_actions) bullet_wrapped(a);
    });
    row("Practices", [&](std::size_t c) {
      const auto practices = k.practices_of(c);
      if (practices.empty()) ImGui::TextDisabled("none recorded");
      for (std::size_t i : practices) bullet_wrapped(k.practices[i].title);
    });
    row("Twinning", [&](std::size_t c) {
      const auto twins = p.partners_of(c);
      if (twins.empty()) ImGui::TextDisabled("no C3 twin");
      for (const auto& [pair, partner] : twins)
        bullet_wrapped(p.cities[partner].name + (pair->announced.empty() ? "" : ", " + pair->announced));
    });
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Criteria: the first actions of the level held, as published.");
}

}  // namespace ccap::ui

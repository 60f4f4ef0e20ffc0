// "Find a peer" and "Compare" in the Knowledge Platform panel. The peer finder ranks partner cities
// for a city exploring a twinning (a partner city, or one described by hand) and explains every
// point of the score (features/knowledge/model/peer_finder.h); its top matches are drawn on the map as candidate arcs.
// Compare puts two or three cities side by side. Their annual PM2.5 means are set against each other
// only when made the same way (the same method, year and coverage); otherwise it says why not.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <utility>

#include "base/formats/export_names.h"
#include "base/text_format.h"
#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "domain/country_names.h"
#include "features/knowledge/model/knowledge_tables.h"
#include "features/knowledge/model/text_search.h"
#include "features/knowledge/ui/knowledge_panels.h"

namespace ccap::ui {

namespace {

constexpr const char* kSectors[] = {"transport",     "industry",     "energy",      "residential",
                                    "waste-burning", "construction", "agriculture", "shipping"};
constexpr std::size_t kPeersShown = 5;

// The middle of a country's partner cities: where a described city of that country is taken to be.
std::optional<LngLat> country_centre(const Partnership& p, const std::string& code) {
  double lng = 0, lat = 0;
  int n = 0;
  for (const City& c : p.cities)
    if (c.country == code) {
      lng += c.where.lng;
      lat += c.where.lat;
      ++n;
    }
  if (n == 0) return std::nullopt;
  return LngLat{lng / n, lat / n};
}

// A combo of the partner cities, by name, with a field that filters them as you type (accents
// and case do not matter). Returns true when the choice changed.
bool city_combo(const char* label, const Partnership& p, std::optional<CityId>& city, bool allow_none,
                std::vector<Rect>& drawn) {
  bool changed = false;
  const char* preview = city ? p.city(*city).name.c_str() : "choose a city";
  static char filter[64] = "";  // one combo is open at a time; cleared when one opens
  const ImVec2 at = ImGui::GetCursorScreenPos();
  drawn.push_back({at.x, at.y, ImGui::CalcItemWidth(), ImGui::GetFrameHeight()});
  if (ImGui::BeginCombo(label, preview, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      filter[0] = 0;
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    // Enter takes the first city that matches (the only one, once the name is typed out).
    bool take_first = ImGui::InputTextWithHint("##filter", "type to filter, Enter to choose", filter, sizeof filter,
                                               ImGuiInputTextFlags_EnterReturnsTrue) &&
                      filter[0] != 0;
    const std::string wanted = fold_text(filter);
    if (allow_none && ImGui::Selectable("(none)", !city)) {
      city.reset();
      changed = true;
    }
    std::vector<CityId> order;
    for (std::size_t i = 0; i < p.cities.size(); ++i) order.emplace_back(i);
    std::sort(order.begin(), order.end(), [&](CityId a, CityId b) { return p.city(a).name < p.city(b).name; });
    for (CityId c : order) {
      if (!wanted.empty() &&
          fold_text(p.city(c).name + " " + p.city(c).local_name + " " + country_name(p.city(c).country)).find(wanted) ==
              std::string::npos)
        continue;
      if (ImGui::Selectable(p.city(c).name.c_str(), city == c) || std::exchange(take_first, false)) {
        city = c;
        changed = true;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A table as a spreadsheet (features/knowledge/model/knowledge_tables.h), named for what it is and
// when; `csv` builds the text only when the button is pressed. Not on a kiosk: an unattended screen
// has no downloads (its layout shows links as QR codes instead of opening them).
void download_button(PanelContext& ctx, const std::string& what, const std::function<std::string()>& csv) {
  if (!ctx.layout.links_open()) return;
  if (ImGui::Button("Download CSV"))
    ctx.commands.push_back(SaveFile{export_file_name(what, std::time(nullptr), "csv"), "text/csv", csv()});
}

// The score as a bar with its number beside it, in the text's colour on the panel (never on the
// bar's fill, where dark text on the teal was 2:1). Returns where the number was drawn.
Rect score_bar(double score, const Layout& layout) {
  const float width = layout.px(90), height = ImGui::GetTextLineHeight() * 0.7f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float y = at.y + (ImGui::GetTextLineHeight() - height) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float filled = width * static_cast<float>(std::clamp(score / 100, 0.0, 1.0));
  draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + width, y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
  draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + filled, y + height), ImGui::GetColorU32(ImGuiCol_PlotHistogram));
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
  const std::string text = std::to_string(static_cast<int>(std::lround(score))) + " / 100";
  const ImVec2 text_at = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(text.c_str());
  ImGui::TextUnformatted(text.c_str());
  return {text_at.x, text_at.y, size.x, size.y};
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
    changed |= city_combo("##your-city", p, ks.peer_city, false, ks.city_pickers);
  } else {
    // Population: steps of 100,000 (1,000,000 with Ctrl), shown with thousands separators.
    int population = static_cast<int>(std::min<long long>(d.population, 100'000'000));
    ImGui::SetNextItemWidth(ctx.layout.px(170));
    if (ImGui::InputInt("##population", &population, 100'000, 1'000'000)) {
      d.population = std::clamp(population, 0, 100'000'000);
      changed = true;
    }
    ImGui::SameLine();
    ImGui::Text("Population: %s", d.population > 0 ? with_thousands(d.population).c_str() : "unknown");
    // Where it is: a country of the partnership, so that nearby peers count.
    std::vector<std::pair<std::string, std::string>> countries;  // name, code
    for (const City& c : p.cities)
      if (std::none_of(countries.begin(), countries.end(), [&](const auto& x) { return x.second == c.country; }))
        countries.emplace_back(country_name(c.country), c.country);
    std::sort(countries.begin(), countries.end());
    ImGui::SetNextItemWidth(ctx.layout.px(170));
    if (ImGui::BeginCombo("Country", d.country.empty() ? "not given" : country_name(d.country).c_str())) {
      if (ImGui::Selectable("not given", d.country.empty())) {
        d.country.clear();
        d.where.reset();
        d.where_from.clear();
        changed = true;
      }
      for (const auto& [name, code] : countries)
        if (ImGui::Selectable(name.c_str(), d.country == code)) {
          d.country = code;
          d.where = country_centre(p, code);
          d.where_from = "the middle of the partner cities in " + name;
          changed = true;
        }
      ImGui::EndCombo();
    }
    disabled_wrapped("\"Nearby\" is measured from the middle of your country's partner cities.");
    float pm25 = d.pm25_given ? static_cast<float>(*d.pm25_given) : 0.0f;
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputFloat("Annual PM2.5 (µg/m³, 0: unknown)", &pm25, 1, 5, "%.1f")) {
      d.pm25_given = pm25 > 0 ? std::optional<double>(pm25) : std::nullopt;
      changed = true;
    }
    ImGui::SetNextItemWidth(160);
    const char* levels[] = {"not certified", "level 1 (Bronze)", "level 2", "level 3"};
    if (ImGui::Combo("Certification", &d.certification_rank, levels, 4)) changed = true;
    ImGui::TextUnformatted("Main sources of pollution");
    // Three columns where they fit, else two.
    const float column = ImGui::CalcTextSize("waste-burning").x + 2 * ImGui::GetFrameHeight();
    const int columns = ImGui::GetContentRegionAvail().x >= 3 * column ? 3 : 2;
    if (ImGui::BeginTable("sectors", columns)) {
      for (const char* sector : kSectors) {
        ImGui::TableNextColumn();
        bool on = d.sources.count(sector) > 0;
        if (ui::checkbox_ellipsis(sector, &on)) {
          on ? void(d.sources.insert(sector)) : void(d.sources.erase(sector));
          changed = true;
        }
      }
      ImGui::EndTable();
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
    if (ui::checkbox_ellipsis(area.name, &on)) {
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
  if (!ks.describe && ui::checkbox_ellipsis("Draw the candidates on the map", &ks.show_candidates))
    ks.peers_dirty = true;
  if (!ks.peers.empty()) {
    const std::optional<CityId> whose = ks.describe ? std::nullopt : ks.peer_city;
    download_button(ctx, peer_matches_what(p, whose), [&] { return peer_matches_csv(k, p, whose, ks.peers); });
  }

  ImGui::Separator();
  ks.peer_score_labels.clear();
  const bool any_ranked = std::any_of(ks.peers.begin(), ks.peers.end(), [](const PeerMatch& m) { return m.ranked(); });
  if (!ks.peers.empty() && !any_ranked) {  // one part of six would make a full score of a coincidence
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextWrapped("Not enough to rank yet");
    ImGui::PopFont();
    std::string missing;
    for (const ScorePart& part : ks.peers.front().parts)
      if (!part.known) missing += (missing.empty() ? "" : ", ") + part.name + " (" + part.why + ")";
    ImGui::TextWrapped("A score needs at least half of the six parts. Add what you know: %s.", missing.c_str());
  }
  for (std::size_t r = 0; r < ks.peers.size() && any_ranked; ++r) {
    const PeerMatch& m = ks.peers[r];
    ImGui::PushID(static_cast<int>(r));
    ImGui::PushFont(ctx.fonts.heading);
    if (m.ranked())
      ImGui::TextWrapped("%zu. %s", r + 1, p.city(m.city).name.c_str());
    else
      ImGui::TextWrapped("%s", p.city(m.city).name.c_str());
    ImGui::PopFont();
    if (m.ranked()) {
      ks.peer_score_labels.push_back(score_bar(m.score, ctx.layout));
      disabled_wrapped("from " + std::to_string(m.known_parts) + " of " + std::to_string(m.parts.size()) +
                       " parts; what is not known is left out");
    } else {
      ks.peer_score_labels.push_back({});
      disabled_wrapped("not enough to rank: " + std::to_string(m.known_parts) + " of " +
                       std::to_string(m.parts.size()) + " parts known");
    }
    for (const ScorePart& part : m.parts) {
      char line[320];
      if (part.known)
        std::snprintf(line, sizeof line, "%s: %.0f of %.0f (%s)", part.name.c_str(), part.points, part.max,
                      part.why.c_str());
      else
        std::snprintf(line, sizeof line, "%s: unknown, not counted (%s)", part.name.c_str(), part.why.c_str());
      bullet_wrapped(line);
    }
    if (!m.lessons.empty()) {
      ImGui::TextDisabled("What you could learn there:");
      for (std::size_t i : m.lessons) {
        ImGui::PushID(static_cast<int>(i));
        if (selectable_ellipsis(model.knowledge->practices[i].title)) {
          ks.selected = EntryRef{EntryKind::Practice, i};
          ks.select_tab = KnowledgeTab::Search;
          ctx.commands.push_back(HighlightCities{model.knowledge->practices[i].cities});
        }
        ImGui::PopID();
      }
    }
    if (ImGui::Button("Show on the map")) ctx.commands.push_back(FlyToCity{m.city, true});
    ImGui::SameLine();
    if (ImGui::Button("Compare") && ks.peer_city) {
      ks.compare = {ks.peer_city, m.city, std::nullopt};
      ks.select_tab = KnowledgeTab::Compare;
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (ks.peers.empty()) disabled_wrapped(ks.describe ? "Describe your city above." : "Choose your city above.");
}

void KnowledgePanels::compare_tab(const KnowledgeModel& model, PanelContext& ctx) {
  KnowledgeUiState& ks = knowledge_;
  const Partnership& p = *model.partnership;
  const Knowledge& k = *model.knowledge;
  for (std::size_t i = 0; i < ks.compare.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(-1);
    city_combo("##compare", p, ks.compare[i], i == 2, ks.city_pickers);
    ImGui::PopID();
  }
  std::vector<CityId> cities;
  for (const std::optional<CityId>& c : ks.compare)
    if (c && std::find(cities.begin(), cities.end(), *c) == cities.end()) cities.push_back(*c);
  ks.compare_columns = 0;
  if (cities.size() < 2) {
    ImGui::TextDisabled("Choose two or three cities.");
    return;
  }
  ctx.layout.request_wide_dock();  // side by side where the screen allows
  if (ImGui::Button("Mark them on the map")) ctx.commands.push_back(HighlightCities{cities});
  if (ctx.layout.links_open()) ImGui::SameLine();
  download_button(ctx, comparison_what(p, cities), [&] { return comparison_csv(k, p, cities); });
  // The rows, each a name and what to show for one city.
  const std::pair<const char*, std::function<void(CityId)>> rows[] = {
      {"Population",
       [&](CityId c) {
         ImGui::TextWrapped("%s", p.city(c).population > 0 ? with_thousands(p.city(c).population).c_str() : "unknown");
       }},
      {"PM2.5 vs WHO",
       [&](CityId c) {
         const std::string cell = comparison_pm25_cell(p.city(c));
         if (cell.empty())
           ImGui::TextDisabled("no published annual mean");
         else
           ImGui::TextWrapped("%s", cell.c_str());
       }},
      {"Certification", [&](CityId c) { ImGui::TextWrapped("%s", certification_text(p, c).c_str()); }},
      {"Criteria met",
       [&](CityId c) {
         const CertificationStatus* st = p.certification_of(c);
         if (!st || p.level(st->level).first_actions.empty()) {
           ImGui::TextDisabled("not published");
           return;
         }
         for (const std::string& a : p.level(st->level).first_actions) bullet_wrapped(a);
       }},
      {"Practices",
       [&](CityId c) {
         const auto practices = k.practices_of(c);
         if (practices.empty()) ImGui::TextDisabled("none recorded");
         for (std::size_t i : practices) bullet_wrapped(k.practices[i].title);
       }},
      {"Twinning",
       [&](CityId c) {
         const auto twins = p.partners_of(c);
         if (twins.empty()) ImGui::TextDisabled("no C3 twin");
         for (const auto& [pair, partner] : twins)
           bullet_wrapped(p.city(partner).name + (pair->announced.empty() ? "" : ", " + pair->announced));
       }},
  };
  // Side by side while every column keeps room for a word; else one card per city, stacked.
  const int columns = static_cast<int>(cities.size()) + 1;
  const bool table = ImGui::GetContentRegionAvail().x / static_cast<float>(columns) >= ctx.layout.px(150);
  ks.compare_columns = table ? static_cast<int>(cities.size()) : 1;
  if (table && ImGui::BeginTable("compare", columns,
                                 ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.layout.px(100));
    for (CityId c : cities) ImGui::TableSetupColumn(p.city(c).name.c_str());
    ImGui::TableHeadersRow();
    for (const auto& [name, cell] : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", name);
      for (std::size_t i = 0; i < cities.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        ImGui::PushID(static_cast<int>(i));
        cell(cities[i]);
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  } else if (!table) {
    for (CityId c : cities) {
      ImGui::PushID(static_cast<int>(c.index()));
      ImGui::Separator();
      ImGui::PushFont(ctx.fonts.heading);
      ImGui::TextWrapped("%s", p.city(c).name.c_str());
      ImGui::PopFont();
      for (const auto& [name, cell] : rows) {
        heading(name);
        cell(c);
      }
      ImGui::PopID();
    }
  }
  heading("PM2.5 between them");
  for (const std::string& line : comparison_pm25_lines(p, cities)) bullet_wrapped(line);
  disabled_wrapped(
      "A difference is given only for means of the same method, year and coverage: an IQAir "
      "estimate, an agency's monitors and an NGO's average are not alike.");
  ImGui::TextDisabled("Criteria: the first actions of the level held, as published.");
}

}  // namespace ccap::ui

// The city panel: who the city is in the partnership, where it stands on the certification
// ladder and what the next level asks, its twins (click to fly there), its annual PM2.5 against
// the WHO guideline (each mean with its method: an IQAir value is an "IQAir estimate", never
// dressed as an agency's measurement; coverage, stations and caveats where the sources state
// them), and the sources of every fact shown.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include <string>
#include <vector>

#include "base/text_format.h"
#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "domain/country_names.h"
#include "domain/who_guidelines.h"
#include "features/partnership/ui/partnership_panels.h"

namespace ccap::ui {

namespace {

// Numbered citations: each fact ends with the numbers of its sources ("[1, 3]"), numbered in the
// order they are first cited; the panel ends with the numbered list (title, publisher, a link).
class Citations {
 public:
  explicit Citations(const Partnership& p) : p_(p) {}
  std::string cite(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
      const Source* s = p_.source(id);
      if (!s) continue;
      auto it = std::find(order_.begin(), order_.end(), s);
      if (it == order_.end()) it = order_.insert(order_.end(), s);
      out += (out.empty() ? " [" : ", ") + std::to_string(it - order_.begin() + 1);
    }
    return out.empty() ? out : out + "]";
  }
  void list(PanelContext& ctx) const {
    for (std::size_t i = 0; i < order_.size(); ++i) {
      const Source* s = order_[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::Text("%zu.", i + 1);
      ImGui::SameLine();
      ImGui::TextWrapped("%s, %s", s->title.c_str(), s->publisher.c_str());
      ImGui::Indent();
      if (link_button(ctx.layout, "Open the source", s->url)) ctx.commands.push_back(OpenUrl{s->url, s->title});
      ImGui::Unindent();
      ImGui::PopID();
    }
  }

 private:
  const Partnership& p_;
  std::vector<const Source*> order_;
};

}  // namespace

void city_panel(const Partnership& p, CityId city, PanelContext& ctx) {
  const City& c = p.city(city);
  const std::string title = c.name + "###City";
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, title.c_str());
  if (panel.body) {
    Citations cites(p);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopFont();
    if (!c.local_name.empty()) ImGui::TextUnformatted(c.local_name.c_str());
    disabled_wrapped(country_name(c.country) + "  ·  population " +
                     (c.population > 0 ? with_thousands(c.population) : "unknown") + cites.cite(c.sources));
    if (!c.note.empty()) ImGui::TextWrapped("%s", c.note.c_str());

    heading("In the partnership");
    if (c.participant_2015) ImGui::BulletText("Participating city, 2015");
    if (c.pilot_2014) ImGui::BulletText("Pilot city recognised in December 2014");
    const auto partners = p.partners_of(city);
    for (const auto& [pair, partner] : partners) {
      ImGui::Bullet();
      ImGui::TextWrapped("C3 twinning with %s%s%s%s", p.city(partner).name.c_str(),
                         pair->topic.empty() ? " (topic not found in the sources)" : ": ", pair->topic.c_str(),
                         cites.cite(pair->sources).c_str());
      ImGui::Indent();
      ImGui::PushID(static_cast<int>(partner.index()));
      if (ImGui::Button(("Fly to " + p.city(partner).name).c_str())) ctx.commands.push_back(FlyToCity{partner});
      ImGui::PopID();
      disabled_wrapped(pair->status == "announced" && !pair->announced.empty() ? "announced " + pair->announced
                                                                               : pair->status);
      ImGui::Unindent();
    }
    if (!c.participant_2015 && !c.pilot_2014 && partners.empty()) ImGui::BulletText("Partner city");

    heading("City Certification");
    const CertificationStatus* status = p.certification_of(city);
    const int rank = status ? p.level(status->level).rank : 0;
    if (status) {
      ImGui::TextWrapped("%s: %s since %d%s", p.level(status->level).name.c_str(), status->status.c_str(), status->year,
                         cites.cite(status->sources).c_str());
    } else {
      ImGui::TextWrapped("No certification recorded in the sources.");
    }
    for (const CertificationLevel& next : p.levels) {
      if (next.rank != rank + 1) continue;
      ImGui::TextWrapped("%s: %s%s", rank == 0 ? "First level" : "Next level", next.name.c_str(),
                         cites.cite(next.sources).c_str());
      if (!next.focus.empty()) ImGui::TextWrapped("%s", next.focus.c_str());
      for (const std::string& a : next.first_actions) ImGui::BulletText("%s", a.c_str());
      if (next.focus.empty() && next.first_actions.empty())
        ImGui::TextDisabled("Its requirements are not published in the sources.");
    }

    heading("Air quality: annual PM2.5");
    if (c.pm25_annual.empty()) ImGui::TextDisabled("No published annual mean in the sources yet.");
    for (const Pm25Annual& m : c.pm25_annual) {  // (the accessible document reads the same lines)
      const Pm25Lines lines = pm25_lines(m);
      ImGui::TextWrapped("%s%s", lines.summary.c_str(), cites.cite(m.sources).c_str());
      if (!lines.note.empty()) disabled_wrapped(lines.note);
      if (!lines.caveat.empty()) ImGui::TextWrapped("%s%s", lines.caveat.c_str(), cites.cite(m.caveat_sources).c_str());
      disabled_wrapped(lines.who + cites.cite({"S17"}));  // the WHO thresholds
    }
    if (!c.pm25_annual.empty()) disabled_wrapped(kPm25NotComparable);
    ctx.city_sections({city, c.id, c.where, c.name});

    heading("Sources");
    cites.list(ctx);
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

}  // namespace ccap::ui

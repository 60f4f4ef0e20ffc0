// Your own data (issue 29): the air panel's "Your data" section, and the import's page in the dock
// (its progress and Cancel while it runs, then the report of every file). Every count the report
// shows is the importers' own (features/air/import/readings.h: nothing is dropped silently).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "base/civil_date.h"
#include "base/text_format.h"
#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "domain/pollutant.h"
#include "features/air/ui/air_panels.h"

namespace ccap::ui {

namespace {

std::string megabytes(std::uint64_t bytes) {  // "3.2 MB", "14 kB", "512 bytes"
  char text[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else if (bytes >= 1024)
    std::snprintf(text, sizeof text, "%.0f kB", static_cast<double>(bytes) / 1024.0);
  else
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  return text;
}

std::string count(std::size_t n, const char* one, const char* many) {
  return with_thousands(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

std::string utc_minute(std::int64_t t) {  // "2024-03-01 05:00"
  const UtcTime u = utc_time(t);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", u.year, u.month, u.day, u.hour, u.minute);
  return text;
}

// The period of `f`'s readings, UTC: "2024-03-01 05:00 to 2024-03-31 23:00 UTC".
std::string period(const airquality::ImportedFile& f) {
  if (f.first > f.last) return "no readings";
  return utc_minute(f.first) + " to " + utc_minute(f.last) + " UTC";
}

void progress(const OwnDataView& own, const Layout& layout) {
  ImGui::TextWrapped("Reading %s (file %zu of %zu)…", own.file.c_str(), own.file_index + 1, own.files);
  const float share =
      own.total > 0 ? static_cast<float>(std::min(1.0, static_cast<double>(own.bytes) / own.total)) : 0.0f;
  const std::string label = megabytes(own.bytes) + (own.total > 0 ? " of " + megabytes(own.total) : "");
  ImGui::ProgressBar(share, ImVec2(-1, layout.px(22)), label.c_str());
  ImGui::TextWrapped("%s accepted, %s rejected", count(own.accepted, "reading", "readings").c_str(),
                     count(own.rejected, "record", "records").c_str());
}

// The columns of `f` chosen by the visitor: a time, a station, latitude, longitude and one value
// column of a pollutant, in µg/m³. Kept between frames (one dialog at a time).
struct ColumnChoice {
  std::string file;
  int time = -1, station = -1, latitude = -1, longitude = -1, value = -1;
  int pollutant = 0;
};
ColumnChoice g_choice;

bool column_combo(const char* label, int& chosen, const std::vector<std::string>& header) {
  const char* preview = chosen >= 0 && chosen < static_cast<int>(header.size()) ? header[chosen].c_str() : "choose";
  bool changed = false;
  if (ImGui::BeginCombo(label, preview)) {
    for (int i = 0; i < static_cast<int>(header.size()); ++i)
      if (ImGui::Selectable(header[i].c_str(), chosen == i)) chosen = i, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

void column_dialog(const airquality::ImportedFile& f, AirWish& wish) {
  if (g_choice.file != f.name) g_choice = {f.name};
  ImGui::TextWrapped("Choose the columns of %s:", f.name.c_str());
  ImGui::PushID(f.name.c_str());
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  column_combo("time", g_choice.time, f.header);
  column_combo("station", g_choice.station, f.header);
  column_combo("latitude", g_choice.latitude, f.header);
  column_combo("longitude", g_choice.longitude, f.header);
  column_combo("value", g_choice.value, f.header);
  if (ImGui::BeginCombo("pollutant", pollutant_name(static_cast<Pollutant>(g_choice.pollutant)))) {
    for (int p = 0; p < static_cast<int>(kPollutantCount); ++p)
      if (ImGui::Selectable(pollutant_name(static_cast<Pollutant>(p)), g_choice.pollutant == p)) g_choice.pollutant = p;
    ImGui::EndCombo();
  }
  ImGui::PopItemWidth();
  disabled_wrapped(
      "Times in ISO 8601 (\"2024-03-01T05:00:00+07:00\"; UTC when no offset is given), latitude and longitude in "
      "degrees, values in µg/m³; the station is an id or a name.");
  const bool complete = g_choice.time >= 0 && g_choice.station >= 0 && g_choice.latitude >= 0 &&
                        g_choice.longitude >= 0 && g_choice.value >= 0;
  ImGui::BeginDisabled(!complete);
  if (ImGui::Button("Read with these columns") && complete) {
    const auto& h = f.header;
    if (auto format = airquality::chosen_format(
            f, {h[g_choice.time], h[g_choice.station], h[g_choice.latitude], h[g_choice.longitude], h[g_choice.value],
                static_cast<Pollutant>(g_choice.pollutant)}))
      wish.own.columns = std::pair(f.name, std::move(*format));
  }
  ImGui::EndDisabled();
  ImGui::PopID();
}

void file_report(const airquality::ImportedFile& f, AirWish& wish) {
  ImGui::PushID(f.name.c_str());
  heading(f.name.c_str());
  ImGui::TextDisabled("%s, %s read", file_kind_name(f.kind), megabytes(f.bytes).c_str());
  const airquality::ImportReport& r = f.report;
  if (!r.fatal.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorInk);
    ImGui::TextWrapped("Not used: %s", r.fatal.c_str());
    ImGui::PopStyleColor();
  }
  if (!r.fatal.empty() && r.accepted == 0 && r.rejected_total() == 0) {  // nothing was read: the reason is all
    if (!f.missing_columns.empty() && !f.header.empty()) column_dialog(f, wish);
    ImGui::PopID();
    return;
  }
  if (f.lines > 0) ImGui::TextWrapped("%s read", count(f.lines > 0 ? f.lines - 1 : 0, "row", "rows").c_str());
  std::string by_pollutant;
  for (std::size_t p = 0; p < kPollutantCount; ++p)
    if (f.readings[p] > 0)
      by_pollutant += (by_pollutant.empty() ? "" : ", ") + with_thousands(static_cast<long long>(f.readings[p])) + " " +
                      pollutant_name(static_cast<Pollutant>(p));
  if (r.accepted > 0 || f.stations == 0)
    ImGui::TextWrapped("%s accepted%s%s", count(r.accepted, "reading", "readings").c_str(),
                       by_pollutant.empty() ? "" : ": ", by_pollutant.c_str());
  if (r.repeated > 0)
    ImGui::TextWrapped("%s given again alike (one each)", count(r.repeated, "reading", "readings").c_str());
  ImGui::TextWrapped("%s; %s", count(f.stations, "station", "stations").c_str(), period(f).c_str());
  if (r.rejected_total() > 0) {
    ImGui::TextWrapped("%s rejected:", count(r.rejected_total(), "record", "records").c_str());
    for (std::size_t why = 0; why < r.rejected.size(); ++why)
      if (r.rejected[why] > 0)
        bullet_wrapped(with_thousands(static_cast<long long>(r.rejected[why])) + " " +
                       airquality::reject_name(static_cast<airquality::Reject>(why)));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (const std::string& e : r.examples) ImGui::TextWrapped("%s", e.c_str());
    ImGui::PopStyleColor();
  }
  if (!f.missing_columns.empty() && !f.header.empty()) column_dialog(f, wish);
  ImGui::PopID();
}

}  // namespace

void own_data_section(const OwnDataView& own, PanelContext& ctx, AirWish& wish) {
  if (!own.allowed) return;  // a kiosk: nobody's files
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted("Your data");
  ImGui::PopFont();
  if (own.importing) {
    progress(own, ctx.layout);
    wish.own.cancel = ImGui::Button("Cancel");
    return;
  }
  if (own.shown) {
    ImGui::TextWrapped("On the map: %s", own.shown->title.c_str());
    if (own.joinable) {
      if (ImGui::RadioButton("instead of the built-in data", !own.join)) wish.own.join = false;
      if (ImGui::RadioButton("with the built-in data", own.join)) wish.own.join = true;
    }
    wish.own.report = ImGui::Button("Report");
    ImGui::SameLine();
    wish.own.remove = ImGui::Button("Remove");
    if (ctx.layout.can_share()) {
      wish.own.export_series = ImGui::Button("Save as .ccapaq");
      ImGui::SameLine();
      wish.own.export_csv = ImGui::Button("Save as CSV");
    }
  } else if (own.outcome) {
    ImGui::TextWrapped("The last files could not be shown.");
    wish.own.report = ImGui::Button("Report");
    ImGui::SameLine();
  }
  wish.own.open = ImGui::Button("Open data…");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Or drop files on the map: OpenAQ, MOENV, air4thai, AirNow, data.gov.sg, a CSV with a time, a station, "
      "latitude, longitude and values, GeoJSON station points, .ccapaq; gzipped too. Read on this device: nothing is "
      "uploaded.");
  ImGui::PopStyleColor();
}

void import_page(const OwnDataView& own, PanelContext& ctx, AirWish& wish) {
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, "Your data");
  if (panel.body) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Read on this device: nothing is uploaded.");
    ImGui::PopStyleColor();
    if (own.importing) {
      progress(own, ctx.layout);
      wish.own.cancel = ImGui::Button("Cancel");
    } else if (const airquality::ImportOutcome* out = own.outcome) {
      if (!out->error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorInk);
        ImGui::TextWrapped("Nothing to show: %s", out->error.c_str());
        ImGui::PopStyleColor();
      } else if (own.shown) {
        ImGui::TextWrapped("On the map: %s, %s.", own.shown->title.c_str(),
                           count(own.shown->stations, "station", "stations").c_str());
      }
      if (out->overlaps.rejected_total() > 0) {
        ImGui::TextWrapped("%s the files gave differently (the first file's kept):",
                           count(out->overlaps.rejected_total(), "hour", "hours").c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        for (const std::string& e : out->overlaps.examples) ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopStyleColor();
      }
      if (!out->matches.empty()) {
        heading("Stations of partner cities");
        ImGui::TextDisabled("within %.0f km of the city; its panel's measured means use them",
                            airquality::kPartnerCityMeters / 1000);
        for (const airquality::CityMatch& m : out->matches) {
          char km[24];
          std::snprintf(km, sizeof km, "%.1f km", m.meters / 1000);
          bullet_wrapped(m.station + ": " + m.city + " (" + km + ")");
        }
      }
      for (const airquality::ImportedFile& f : out->files) file_report(f, wish);
    }
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

}  // namespace ccap::ui

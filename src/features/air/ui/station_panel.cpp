// The station panel: which station, who runs it, where its data comes from and under what licence,
// its latest values, a chart of the chosen pollutant with the scale's guideline lines, and how
// often the WHO 24-hour levels were exceeded over the loaded period.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "base/text_format.h"
#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "domain/who_guidelines.h"
#include "features/air/model/air_tables.h"
#include "features/air/model/chart_axes.h"
#include "features/air/ui/air_panels.h"

namespace ccap::ui {

namespace {

constexpr Pollutant kPollutants[] = {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2,
                                     Pollutant::O3,   Pollutant::So2,  Pollutant::Co};

void label_value(const char* label, const std::string& value) {
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 7);
  ImGui::TextWrapped("%s", value.empty() ? "not stated" : value.c_str());
}

// The last reading at or before `hour` (and its hour), if any.
std::optional<std::pair<std::size_t, float>> latest(const AirSeries& s, std::size_t hour) {
  for (std::size_t h = std::min(hour + 1, s.values.size()); h-- > 0;)
    if (std::isfinite(s.values[h])) return std::make_pair(h, s.values[h]);
  return std::nullopt;
}

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A line chart of `values` (NaN: gaps) taken at `times` (s since 1970 UTC), with a value axis
// (µg/m³) on the left, a time axis (days for hourly values, months for daily ones), the WHO guide
// lines labelled in a gutter on the right (off the data, each its own place: spread_labels) and a
// marker at `now`; hovering reads out the time and value under the pointer.
void chart(const std::vector<float>& values, const std::vector<std::int64_t>& times, const std::vector<double>& guides,
           std::size_t now, bool hourly, const char* caption, const Layout& layout) {
  constexpr std::int64_t kDay = 86400;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight(), pad = layout.px(4);
  float top = 0;
  for (float v : values)
    if (std::isfinite(v)) top = std::max(top, v);
  if (!guides.empty()) top = std::max(top, static_cast<float>(guides.front()) * 1.2f);
  const double step = nice_step(std::max(top * 1.05, 1.0), 4);
  const double axis_top = std::ceil(std::max(top * 1.05, 1.0) / step) * step;
  char label[32];
  std::snprintf(label, sizeof label, "%g", axis_top);
  const float left = ImGui::CalcTextSize(label).x + 2 * pad;  // room for the value labels
  float right = 0;                                            // and the guide lines' labels
  for (double g : guides) {
    std::snprintf(label, sizeof label, "%g", g);
    right = std::max(right, ImGui::CalcTextSize(label).x + 3 * pad);
  }
  const float width = ImGui::GetContentRegionAvail().x, height = layout.px(150);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 p0(origin.x + left, origin.y + line / 2), p1(origin.x + width - right, origin.y + height);
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled), grid = IM_COL32(214, 220, 226, 255);
  draw->AddRectFilled(p0, p1, IM_COL32(250, 251, 252, 255));
  const auto y_of = [&](double v) { return p1.y - static_cast<float>(v / axis_top) * (p1.y - p0.y); };
  const auto x_of = [&](std::size_t i) {
    return p0.x +
           (p1.x - p0.x) * (values.size() > 1 ? static_cast<float>(i) / static_cast<float>(values.size() - 1) : 0.5f);
  };
  // Value axis: grid lines and labels.
  for (double v = 0; v <= axis_top + step / 2; v += step) {
    const float y = y_of(v);
    draw->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
    std::snprintf(label, sizeof label, "%g", v);
    draw->AddText(ImVec2(p0.x - pad - ImGui::CalcTextSize(label).x, y - line / 2), ink, label);
  }
  // Time axis: a tick at each day (hourly values) or month (daily values), labels where they fit.
  float last_label_end = -1e9f;
  for (std::size_t i = 0; i < times.size(); ++i) {
    const std::int64_t t = times[i];
    const std::int64_t day = t >= 0 ? t / kDay : (t - kDay + 1) / kDay;
    if (t != day * kDay) continue;                            // not midnight
    const std::string date = format_step(t, AirPeriod::Day);  // "2025-03-01 (UTC)"
    const int month = std::clamp(std::atoi(date.c_str() + 5), 1, 12), mday = std::atoi(date.c_str() + 8);
    if (!hourly && mday != 1) continue;
    const float x = x_of(i);
    draw->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + pad), ink);
    if (hourly)
      std::snprintf(label, sizeof label, "%02d-%02d", month, mday);
    else
      std::snprintf(label, sizeof label, "%s", kMonths[month - 1]);
    const float w = ImGui::CalcTextSize(label).x;
    if (x - w / 2 > last_label_end + pad && x + w / 2 <= p1.x + pad) {
      draw->AddText(ImVec2(x - w / 2, p1.y + pad), ink, label);
      last_label_end = x + w / 2;
    }
  }
  // The WHO guide lines, each labelled in the right gutter, joined to its line where pushed apart.
  std::vector<double> shown;  // the guideline first, then the interim targets, that fit the axis
  std::vector<float> ys;
  for (double g : guides)
    if (g <= axis_top) shown.push_back(g), ys.push_back(y_of(g));
  const std::vector<float> label_ys = spread_labels(ys, line, p0.y - line / 2);
  for (std::size_t g = 0; g < shown.size(); ++g) {
    const bool guideline = shown[g] == guides.front();
    const ImU32 colour = guideline ? IM_COL32(20, 120, 62, 255) : IM_COL32(140, 96, 40, 255);
    draw->AddLine(ImVec2(p0.x, ys[g]), ImVec2(p1.x, ys[g]), colour, guideline ? 1.5f : 1.0f);
    draw->AddLine(ImVec2(p1.x, ys[g]), ImVec2(p1.x + pad, label_ys[g]), colour);
    std::snprintf(label, sizeof label, "%g", shown[g]);
    draw->AddText(ImVec2(p1.x + 2 * pad, label_ys[g] - line / 2), colour, label);
  }
  // The values.
  ImVec2 previous;
  bool connected = false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      connected = false;
      continue;
    }
    const ImVec2 at(x_of(i), y_of(values[i]));
    if (connected) draw->AddLine(previous, at, IM_COL32(27, 94, 122, 255), 1.5f);
    // A reading with gaps on both sides is a dot: never joined across the gaps, never lost.
    if (!connected && (i + 1 == values.size() || !std::isfinite(values[i + 1])))
      draw->AddCircleFilled(at, 2.0f, IM_COL32(27, 94, 122, 255));
    previous = at;
    connected = true;
  }
  if (now < values.size()) draw->AddLine(ImVec2(x_of(now), p0.y), ImVec2(x_of(now), p1.y), IM_COL32(40, 40, 40, 140));
  draw->AddRect(p0, p1, IM_COL32(140, 152, 163, 255));
  ImGui::Dummy(ImVec2(width, height + line + pad));
  // Hover: the time and value under the pointer.
  if (ImGui::IsItemHovered() && !values.empty()) {
    const float mx = ImGui::GetIO().MousePos.x;
    const float f = (mx - p0.x) / std::max(1.0f, p1.x - p0.x) * static_cast<float>(values.size() - 1);
    const std::size_t i =
        static_cast<std::size_t>(std::clamp(std::lround(f), 0L, static_cast<long>(values.size() - 1)));
    draw->AddLine(ImVec2(x_of(i), p0.y), ImVec2(x_of(i), p1.y), IM_COL32(27, 94, 122, 160));
    const std::string when = format_step(times[i], hourly ? AirPeriod::Hour : AirPeriod::Day);
    if (std::isfinite(values[i]))
      ImGui::SetTooltip("%s: %.1f µg/m³", when.c_str(), values[i]);
    else
      ImGui::SetTooltip("%s: no value", when.c_str());
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", caption);
  ImGui::PopStyleColor();
}

}  // namespace

void station_panel(const AirOverlay& air, const AirDataset* shown, StationId station, PanelContext& ctx) {
  const AirQualityData& data = air.data();
  const std::size_t index = station.index();
  if (index >= data.stations.size()) return;
  const AirStation& st = data.stations[index];
  const AirSettings& s = air.settings();
  const AirTimeline& timeline = air.timeline();
  const std::string title = (st.name.empty() ? st.id : st.name) + "###Station";
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, title.c_str());
  if (panel.body) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextWrapped("%s", st.name.empty() ? st.id.c_str() : st.name.c_str());
    ImGui::PopFont();
    if (st.synthetic) {
      ImGui::PushStyleColor(ImGuiCol_Text, kWarningInk);
      ImGui::TextWrapped(
          "Synthetic demo data: the values below are generated, not measured. The station's "
          "location and details are real.");
      ImGui::PopStyleColor();
    }
    label_value("Station id", st.id);
    label_value("Operator", st.operator_name);
    label_value("Readings", st.source);
    if (shown && !shown->synthetic) {
      label_value("Status", shown->status);
      label_value("Period", period_label(shown->first_hour, shown->hours) + " (" + shown->time_zone + ")");
    }
    label_value("Licence", st.licence);
    if (!st.url.empty()) {
      ImGui::TextDisabled("Source");
      ImGui::SameLine(ImGui::GetFontSize() * 7);
      if (link_button(ctx.layout, "Open the source page", st.url)) ctx.commands.push_back(OpenUrl{st.url, st.source});
    }
    char where[64];
    std::snprintf(where, sizeof where, "%.4f, %.4f", st.where.lat, st.where.lng);
    label_value("Location", where);
    if (ImGui::Button("Fly to the station")) ctx.commands.push_back(FlyToStation{station});

    // Latest values up to the time shown.
    heading("Latest values");
    const auto [first_hour, end_hour] = timeline.hours_of(s.period, s.step);
    const std::size_t now_hour = end_hour > 0 ? end_hour - 1 : first_hour;
    bool any = false;
    for (Pollutant p : kPollutants) {
      const int si = timeline.series_index(index, p);
      if (si < 0) continue;
      const auto last = latest(data.series[static_cast<std::size_t>(si)], now_hour);
      any = true;
      if (last) {
        ImGui::Text("%-6s %7.1f µg/m³", pollutant_name(p), static_cast<double>(last->second));
        ImGui::SameLine();
        ImGui::TextDisabled("%s",
                            format_step(timeline.step_start(AirPeriod::Hour, last->first), AirPeriod::Hour).c_str());
      } else {
        ImGui::Text("%-6s no reading yet", pollutant_name(p));
      }
    }
    if (!any) ImGui::TextDisabled("No series for this station.");

    // Chart: hourly values of the week up to the time shown, or daily means of the whole period.
    const int si = timeline.series_index(index, s.pollutant);
    if (si >= 0) {
      const AirSeries& series = data.series[static_cast<std::size_t>(si)];
      const AirPeriod chart_period = s.period == AirPeriod::Hour ? AirPeriod::Hour : AirPeriod::Day;
      const auto chart_scale = make_color_scale(AirScaleKind::Who, s.pollutant, chart_period, false);
      const std::vector<double> guides = chart_scale ? chart_scale->guide_lines : std::vector<double>{};
      std::vector<float> values;
      std::vector<std::int64_t> times;
      std::size_t now = 0;
      if (chart_period == AirPeriod::Hour) {
        const std::size_t from = now_hour >= 24 * 7 ? now_hour - 24 * 7 + 1 : 0;
        values.assign(series.values.begin() + static_cast<std::ptrdiff_t>(from),
                      series.values.begin() + static_cast<std::ptrdiff_t>(now_hour + 1));
        for (std::size_t h = from; h <= now_hour; ++h) times.push_back(timeline.step_start(AirPeriod::Hour, h));
        now = values.size() - 1;
      } else {
        for (std::size_t d = 0; d < timeline.steps(AirPeriod::Day); ++d) {
          values.push_back(timeline.value(index, s.pollutant, AirPeriod::Day, d));
          times.push_back(timeline.step_start(AirPeriod::Day, d));
        }
        now = timeline.convert_step(s.period, s.step, AirPeriod::Day);
      }
      heading((std::string(pollutant_name(s.pollutant)) + " over time").c_str());
      const std::string caption = std::string(chart_period == AirPeriod::Hour ? "Hourly values, the last 7 days"
                                                                              : "Daily means over the loaded period") +
                                  "; lines: WHO guideline (green) and interim targets";
      chart(values, times, guides, now, chart_period == AirPeriod::Hour, caption.c_str(), ctx.layout);

      // Exceedances of the WHO 24-hour levels over the period.
      if (const auto t = who_thresholds(s.pollutant, Averaging::Day)) {
        heading("Days above the WHO 24-hour levels");
        std::size_t days = 0, above_guideline = 0;
        std::vector<std::size_t> above_it(t->interim_targets.size(), 0);
        for (std::size_t d = 0; d < timeline.steps(AirPeriod::Day); ++d) {
          const float v = timeline.value(index, s.pollutant, AirPeriod::Day, d);
          if (!std::isfinite(v)) continue;
          ++days;
          above_guideline += v > t->guideline;
          for (std::size_t k = 0; k < above_it.size(); ++k) above_it[k] += v > t->interim_targets[k];
        }
        ImGui::Text("guideline (%g): %zu of %zu days with data", t->guideline, above_guideline, days);
        for (std::size_t k = above_it.size(); k-- > 0;)
          ImGui::Text("interim target %zu (%g): %zu days", k + 1, t->interim_targets[k], above_it[k]);
        ImGui::TextDisabled("A day counts with 18 or more hours measured.");
      } else {
        ImGui::TextDisabled("The WHO sets no 24-hour level for %s.", pollutant_name(s.pollutant));
      }
    }
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

// Annual means measured by the loaded stations of the city (those that name it, else those within
// 25 km of its centre), next to the WHO annual guideline.
// The synthetic demo set's annual means (labelled), as before there were measured sets.
void demo_means(const AirOverlay& air, const std::vector<std::uint32_t>& stations) {
  const AirTimeline& t = air.timeline();
  const std::size_t year = t.convert_step(air.settings().period, air.settings().step, AirPeriod::Year);
  const std::string year_label = format_step(t.step_start(AirPeriod::Year, year), AirPeriod::Year);
  ImGui::TextColored(kWarningInk, "Synthetic demo data, not measurements:");
  bool any = false;
  for (Pollutant p : {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2}) {
    double sum = 0;
    int n = 0;
    for (std::uint32_t s : stations) {
      const float v = t.value(s, p, AirPeriod::Year, year);
      if (!std::isfinite(v)) continue;
      sum += v;
      ++n;
    }
    if (n == 0) continue;
    any = true;
    ImGui::TextWrapped("%s annual mean %s: %.1f µg/m³, %d station%s", pollutant_name(p), year_label.c_str(), sum / n, n,
                       n == 1 ? "" : "s");
  }
  if (!any) ImGui::TextDisabled("No station has enough of %s for an annual mean.", year_label.c_str());
}

void measured_means(const AirOverlay& air, const DatasetPicker& picker, const CityRef& city) {
  const AirDataset* serving = picker.serving(city.key);
  const AirDataset* shown = picker.shown();
  if (picker.demo()) {
    heading("Air quality (demo)");
    std::vector<std::uint32_t> stations = air.loaded() ? air.stations_of_city(city.key) : std::vector<std::uint32_t>{};
    if (stations.empty() && air.loaded()) stations = air.stations_near(city.where, 25'000);
    if (stations.empty())
      ImGui::TextDisabled("No station of this city in the demo set.");
    else
      demo_means(air, stations);
    return;
  }
  heading("Measured air quality");
  if (!serving) {
    ImGui::TextWrapped("The atlas has no measured readings for %s yet.", city.name.c_str());
    return;
  }
  if (shown != serving || !air.loaded()) {
    ImGui::TextDisabled("Loading %s…", dataset_caption(*serving).c_str());
    return;
  }
  const std::vector<std::uint32_t> stations = air.stations_of_city(city.key);
  const CityCoverage c = city_coverage(air.data(), stations, Pollutant::Pm25);
  if (c.hours_with_values == 0) {
    ImGui::TextWrapped("%s: no PM2.5 reading from this city's %zu station%s.", dataset_caption(*serving).c_str(),
                       stations.size(), stations.size() == 1 ? "" : "s");
    return;
  }
  ImGui::TextWrapped("PM2.5, %s mean %.1f µg/m³: %zu station%s, %s of %s hours with a reading.",
                     period_label(serving->first_hour, serving->hours).c_str(), c.mean, stations.size(),
                     stations.size() == 1 ? "" : "s",
                     with_thousands(static_cast<long long>(c.hours_with_values)).c_str(),
                     with_thousands(air.data().hours).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s. %s. A mean of this period's hourly readings: not comparable with an annual mean.",
                     dataset_caption(*serving).c_str(), serving->credit.c_str());
  ImGui::PopStyleColor();
}

}  // namespace ccap::ui

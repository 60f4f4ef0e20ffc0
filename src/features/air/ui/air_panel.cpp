// The air-quality panel: what is shown (pollutant, averaging, the time, prominently), the time
// slider with play/pause and speed, the colour scale and its legend, and a plain "synthetic demo
// data" warning whenever the readings are not measurements. Also the count labels on clusters.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "features/air/ui/air_panels.h"
#include "map/ui/draw_legend_symbol.h"

namespace ccap::ui {

namespace {

constexpr Pollutant kPollutants[] = {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2,
                                     Pollutant::O3,   Pollutant::So2,  Pollutant::Co};
constexpr double kSpeeds[] = {1, 2, 4, 8, 24};

// A legend swatch as tall as a line of text: a station's square, or a cluster's.
void swatch(const LegendSymbol& symbol) {
  const float size = ImGui::GetTextLineHeight();
  legend_symbol_item(symbol, size, size * 0.5f, 1.2f);
  ImGui::SameLine();
}

}  // namespace

void air_loading_panel(double loaded_bytes, double total_bytes, PanelContext& ctx) {
  PanelOptions options;
  options.foldable = true;
  const PanelState panel = begin_panel(ctx.layout, Slot::AirPanel, "Air quality", options);
  if (panel.body) {
    const double mb = 1024.0 * 1024.0;
    ImGui::TextWrapped("Loading the air-quality data: the map is ready while it comes.");
    const float share = total_bytes > 0 ? static_cast<float>(std::clamp(loaded_bytes / total_bytes, 0.0, 1.0)) : 0.0f;
    char label[64];
    std::snprintf(label, sizeof label, "%.1f of %.1f MB", loaded_bytes / mb, total_bytes / mb);
    ImGui::ProgressBar(share, ImVec2(-1, 0), total_bytes > 0 ? label : "starting");
  }
  end_panel(ctx.layout, Slot::AirPanel, panel);
}

bool air_panel(const AirOverlay& air, AirSettings& settings, PanelContext& ctx, bool& download,
               const DatasetPicker& picker, const OwnDataView& own, AirWish& wish) {
  PanelOptions options;
  options.foldable = true;  // starts folded: the badge at the top still says what is shown
  const PanelState panel = begin_panel(ctx.layout, Slot::AirPanel, "Air quality", options);
  if (!panel.body) {
    end_panel(ctx.layout, Slot::AirPanel, panel);
    return false;
  }
  AirSettings s = air.settings();
  bool changed = false;
  const AirQualityData& data = air.data();
  if (data.any_synthetic()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningInk);
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Synthetic demo data");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "Generated to show how the overlay works, not measurements of any city's air. Station "
        "locations are real.");
    ImGui::PopStyleColor();
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(air.step_label().c_str());
  ImGui::PopFont();
  ImGui::Text("%s, %s (µg/m³)", pollutant_name(s.pollutant), period_name(s.period));

  // Pollutant: only those in the data.
  bool first = true;
  for (Pollutant p : kPollutants) {
    if (!air.timeline().has_pollutant(p)) continue;
    if (!first) ImGui::SameLine();
    first = false;
    if (ImGui::RadioButton(pollutant_name(p), s.pollutant == p)) {
      s.pollutant = p;
      changed = true;
    }
  }
  for (AirPeriod p : {AirPeriod::Hour, AirPeriod::Day, AirPeriod::Year}) {
    if (p != AirPeriod::Hour) ImGui::SameLine();
    const char* label = p == AirPeriod::Hour ? "Hour" : p == AirPeriod::Day ? "Day" : "Year";
    if (ImGui::RadioButton(label, s.period == p)) {
      s.period = p;
      changed = true;
    }
  }

  // Time: step buttons, the slider, play/pause and speed.
  const int steps = static_cast<int>(air.steps());
  int step = static_cast<int>(s.step);
  if (ImGui::ArrowButton("##earlier", ImGuiDir_Left) && step > 0) {
    --step;
    changed = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 8);
  // No text on the track: the date is the heading above, and text there sat on the handle.
  if (ImGui::SliderInt("##time", &step, 0, std::max(0, steps - 1), "", ImGuiSliderFlags_AlwaysClamp)) changed = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", air.step_label().c_str());
  ImGui::SameLine();
  if (ImGui::ArrowButton("##later", ImGuiDir_Right) && step + 1 < steps) {
    ++step;
    changed = true;
  }
  s.step = static_cast<std::size_t>(std::max(step, 0));
  if (ImGui::Button(s.playing ? "Pause" : "Play", ImVec2(ctx.layout.px(72), 0))) {
    s.playing = !s.playing;
    changed = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.layout.px(150));
  char speed_label[32];
  std::snprintf(speed_label, sizeof speed_label, "%g steps/s", s.speed);
  if (ImGui::BeginCombo("Speed", speed_label)) {
    for (double v : kSpeeds) {
      char item[32];
      std::snprintf(item, sizeof item, "%g steps/s", v);
      if (ImGui::Selectable(item, v == s.speed)) {
        s.speed = v;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }

  // Scale and legend.
  ImGui::Separator();
  if (ImGui::RadioButton("WHO 2021 bands", s.scale == AirScaleKind::Who)) {
    s.scale = AirScaleKind::Who;
    changed = true;
  }
  ImGui::SameLine();
  const bool aqi_exists = make_color_scale(AirScaleKind::Aqi, s.pollutant, s.period, false).has_value();
  ImGui::BeginDisabled(!aqi_exists);
  if (ImGui::RadioButton("US EPA AQI", s.scale == AirScaleKind::Aqi)) {
    s.scale = AirScaleKind::Aqi;
    changed = true;
  }
  ImGui::EndDisabled();
  if (!aqi_exists && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The AQI here covers PM2.5 only.");
  changed |= ImGui::Checkbox("Colour-blind-safe palette", &s.colour_blind_safe);
  changed |= ImGui::Checkbox("Stations", &s.stations);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Surface", &s.surface);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Inverse-distance weighting (power 2) of the 16 nearest stations within 30 km;\n"
        "drawn from zoom %.1f, where that reach is more than a few pixels.",
        kSurfaceMinZoom);
  ImGui::TextUnformatted("Clusters show the");
  ImGui::SameLine();
  if (ImGui::RadioButton("median", s.cluster_value == ClusterValue::Median)) {
    s.cluster_value = ClusterValue::Median;
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("maximum", s.cluster_value == ClusterValue::Max)) {
    s.cluster_value = ClusterValue::Max;
    changed = true;
  }

  if (ctx.layout.can_share()) {  // not on a kiosk: nothing to download there
    download = ImGui::Button("Download stations in view (CSV)");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Each station in view with its value at this time and averaging, its band and its source");
  }
  if (ImGui::CollapsingHeader("Legend", ctx.layout.height() >= 1000 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    if (const auto& scale = air.color_scale()) {
      ImGui::TextWrapped("%s (µg/m³)", scale->title.c_str());
      if (!scale->caveat.empty()) ImGui::TextDisabled("%s", scale->caveat.c_str());
      for (const ScaleBand& b : scale->bands) {
        swatch({.shape = MarkerShape::Square, .fill = b.color});
        ImGui::TextUnformatted(b.label.c_str());
      }
    } else {
      ImGui::TextWrapped(s.scale == AirScaleKind::Aqi ? "The AQI here covers PM2.5 only: choose WHO bands for %s."
                                                      : "The WHO sets no value here for %s.",
                         pollutant_name(s.pollutant));
    }
    swatch({.shape = MarkerShape::Square, .fill = kNoReadingColor});
    ImGui::TextUnformatted("no reading for this time");
    swatch({.shape = MarkerShape::Square, .fill = kNoReadingColor, .value_ring = true});
    ImGui::TextUnformatted("a cluster of stations: count on top, ring");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(
        "coloured by the %s; tap to zoom in. Drawn beside a partner city's marker where they "
        "would meet. Squares are stations; circles and diamonds are partner cities.",
        s.cluster_value == ClusterValue::Median ? "median" : "maximum");
    ImGui::PopStyleColor();
    if (!data.description.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", data.description.c_str());
      ImGui::PopStyleColor();
    }
  }
  dataset_list(picker, own, ctx, wish);
  end_panel(ctx.layout, Slot::AirPanel, panel);
  if (changed) settings = s;
  return changed;
}

// What the colours on the map show, at the top centre of the map: pollutant, averaging, time, and
// on a second line whose values they are, how sure and of which period (or "synthetic demo data"
// in its warning colour), and how recent its newest reading is (`age`: reading_age, for live
// data). Always visible while the overlay is drawn, even with the panel folded.
void air_badge(const AirOverlay& air, const AirDataset* shown, const std::string& age, Layout& layout) {
  const AirSettings& s = air.settings();
  if (!s.stations && !s.surface) return;
  std::string text = std::string(pollutant_name(s.pollutant)) + ", " + period_name(s.period) + ": " + air.step_label();
  if (s.playing) text += "  (playing)";
  const bool synthetic = air.data().any_synthetic();
  // The second line: whose values these are, how sure, which period; or that they are not values.
  const std::string caption = synthetic ? "SYNTHETIC DEMO DATA, not measurements"
                              : shown   ? dataset_caption(*shown) + (age.empty() ? "" : ", " + age)
                                        : air.data().description;
  const char* warning = caption.c_str();
  const float pad = layout.px(10);
  // Where the layout puts it: top, beside the welcome card or under it; as wide as its text where
  // there is room, else narrower, with the text wrapped (a portrait kiosk).
  const Rect r = layout.place(Slot::Badge);
  const bool second = !caption.empty();
  const float natural = std::max(ImGui::CalcTextSize(text.c_str()).x, second ? ImGui::CalcTextSize(warning).x : 0);
  const float wrap = r.width > 2 * pad ? std::min(natural, r.width - 2 * pad) : natural;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 warning_size = second ? ImGui::CalcTextSize(warning, nullptr, false, wrap) : ImVec2(0, 0);
  layout.report_content(Slot::Badge, natural + 2 * pad, size.y + (second ? warning_size.y + layout.px(2) : 0) + pad);
  layout.record(Slot::Badge, "Badge", r);
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 p0(r.x, r.y), p1(r.right(), r.bottom());
  draw->PushClipRect(p0, p1, true);
  draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 240), layout.px(6));
  draw->AddRect(p0, p1, IM_COL32(107, 119, 130, 255), layout.px(6));
  const float centre = (p0.x + p1.x) / 2;
  ImFont* font = ImGui::GetFont();
  const float font_size = ImGui::GetFontSize();
  draw->AddText(font, font_size, ImVec2(std::max(p0.x + pad, centre - size.x / 2), p0.y + pad / 2), kPanelInk,
                text.c_str(), nullptr, wrap);
  if (second)
    draw->AddText(font, font_size,
                  ImVec2(std::max(p0.x + pad, centre - warning_size.x / 2), p0.y + pad / 2 + size.y + layout.px(2)),
                  synthetic ? IM_COL32(158, 56, 0, 255) : kPanelInk, warning, nullptr, wrap);
  draw->PopClipRect();
}

void station_tooltip(const AirOverlay& air, std::optional<StationId> hover, std::optional<StationId> selected) {
  if (!hover || hover == selected || ImGui::GetIO().WantCaptureMouse) return;
  const AirQualityData& data = air.data();
  if (hover->index() >= data.stations.size()) return;
  const AirStation& st = data.stations[hover->index()];
  const float value = hover->index() < air.values().size() ? air.values()[hover->index()] : std::nanf("");
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(st.name.empty() ? st.id.c_str() : st.name.c_str());
  if (!st.operator_name.empty()) ImGui::TextDisabled("%s", st.operator_name.c_str());
  const AirSettings& s = air.settings();
  if (std::isfinite(value))
    ImGui::Text("%s, %s: %.1f µg/m³", pollutant_name(s.pollutant), period_name(s.period), value);
  else
    ImGui::TextDisabled("%s: no reading at this time", pollutant_name(s.pollutant));
  if (st.synthetic) ImGui::TextColored(kWarningInk, "synthetic demo data");
  ImGui::TextDisabled("Click for its readings over time");
  ImGui::EndTooltip();
}

// Counts on the clusters, drawn on the background under the panels; a count that would touch a
// mark of a layer above (a city's marker) is left out, as its cluster is drawn under that mark.
std::size_t cluster_counts(const AirMarkerLayer& markers, const ScreenMarks& above) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  char text[16];
  std::size_t drawn = 0;
  for (const AirMarker& m : markers.markers) {
    if (m.count < 2) continue;
    std::snprintf(text, sizeof text, m.count >= 10000 ? "%uk" : "%u", m.count >= 10000 ? m.count / 1000 : m.count);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 at(static_cast<float>(m.screen.x) - size.x / 2, static_cast<float>(m.screen.y) - size.y / 2);
    if (above.covers({at.x, at.y}, {at.x + size.x, at.y + size.y})) continue;
    draw->AddText(ImVec2(at.x + 1, at.y + 1), IM_COL32(255, 255, 255, 230), text);
    draw->AddText(at, IM_COL32(20, 24, 28, 255), text);
    ++drawn;
  }
  return drawn;
}

}  // namespace ccap::ui

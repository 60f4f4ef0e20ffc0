// What the air feature says beyond the map: its part of the link (write_link, read_link), the
// accessible document, the saved picture's legend lines, and its state for the tests. The rest of
// the feature is air_feature.cpp.
#include <cmath>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/text_format.h"
#include "features/air/air_feature.h"

namespace ccap {

namespace {
constexpr const char* kLinkKeys[] = {"station", "pollutant", "avg", "time", "scale", "air", "palette", "play", "data"};
}  // namespace

namespace {
// A step's start as a link names it: "2025" (year), "2025-03-14" (day), "2025-03-14T08" (hour, UTC).
std::string step_key(std::int64_t seconds, AirPeriod p) {
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  const CivilDate d = civil_from_days(days);
  char buf[32];
  if (p == AirPeriod::Year)
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (p == AirPeriod::Day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d", d.year, d.month, d.day,
                  static_cast<int>((seconds - days * 86400) / 3600));
  return buf;
}
}  // namespace

void AirFeature::picture_legend(std::vector<LegendLine>& lines) const {
  const AirSettings& s = air_.settings();
  if (!air_.loaded() || (!s.stations && !s.surface)) return;
  lines.push_back({LegendLine::Kind::Heading,
                   std::string(pollutant_name(s.pollutant)) + ", " + period_name(s.period) + ": " + air_.step_label()});
  if (air_.data().any_synthetic())
    lines.push_back({LegendLine::Kind::Warning, "SYNTHETIC DEMO DATA, not measurements"});
  else if (const AirDataset* d = shown())  // whose values, how sure, which period, licence
    lines.push_back({LegendLine::Kind::Note, dataset_caption(*d) + ". " + d->credit + ". " + d->licence});
  if (const auto& scale = air_.color_scale()) {
    lines.push_back({LegendLine::Kind::Note, scale->title + " (µg/m³)"});
    for (const ScaleBand& b : scale->bands)
      lines.push_back({LegendLine::Kind::Symbol, b.label, {.shape = MarkerShape::Square, .fill = b.color}});
  }
  lines.push_back(
      {LegendLine::Kind::Symbol, "no reading for this time", {.shape = MarkerShape::Square, .fill = kNoReadingColor}});
  lines.push_back({LegendLine::Kind::Symbol,
                   std::string("a cluster of stations (count on top), ringed by their ") +
                       (s.cluster_value == ClusterValue::Median ? "median" : "maximum"),
                   {.shape = MarkerShape::Square, .fill = kNoReadingColor, .value_ring = true}});
}

// The open station's page: what it is, its value now, and where the readings come from.
void AirFeature::write_accessible(nlohmann::json& doc) const {
  using nlohmann::json;
  if (picker_.indexed() && !picker_.demo()) {  // the measured datasets, each to show
    json list = json::array();
    for (const AirDataset& d : picker_.index().datasets)
      list.push_back({{"id", d.id},
                      {"caption", dataset_caption(d)},
                      {"licence", d.licence},
                      {"shown", shown() == &d},
                      {"coming", picker_.coming() == &d}});
    doc["datasets"] = std::move(list);
  }
  if (!air_.loaded()) return;
  {  // the overlay's settings, for the companion's controls
    const AirSettings& s = air_.settings();
    json pollutants = json::array();
    for (Pollutant p : {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2, Pollutant::O3, Pollutant::So2, Pollutant::Co})
      if (air_.timeline().has_pollutant(p))
        pollutants.push_back({{"key", pollutant_key(p)}, {"name", pollutant_name(p)}});
    doc["air"] = {{"pollutant", pollutant_key(s.pollutant)},
                  {"pollutants", std::move(pollutants)},
                  {"avg", period_key(s.period)},
                  {"scale", s.scale == AirScaleKind::Aqi ? "aqi" : "who"},
                  {"scaleTitle", air_.color_scale() ? air_.color_scale()->title : "no colour scale for this pollutant"},
                  {"step", s.step},
                  {"steps", air_.steps()},
                  {"time", air_.step_label()},
                  {"synthetic", air_.data().any_synthetic()},
                  {"dataset", shown() ? dataset_caption(*shown()) : ""},
                  {"credit", shown() ? shown()->credit : ""}};
  }
  if (!selected_ || !dock_ || dock_->top() != page_of(PageKind::Station, *selected_)) return;
  const AirStation& st = air_.data().stations[selected_->index()];
  const AirSettings& s = air_.settings();
  json lines = json::array();
  if (st.synthetic) lines.push_back("Synthetic demo data: the values are generated, not measured.");
  if (const AirDataset* d = shown(); d && !d->synthetic)
    lines.push_back("Dataset: " + dataset_caption(*d) + " (" + d->time_zone + ")");
  const float v = selected_->index() < air_.values().size() ? air_.values()[selected_->index()] : NAN;
  const auto& scale = air_.color_scale();
  std::string now =
      std::string(pollutant_name(s.pollutant)) + ", " + period_name(s.period) + ", " + air_.step_label() + ": ";
  if (std::isfinite(v)) {
    char value[32];
    std::snprintf(value, sizeof value, "%.1f µg/m³", v);
    now += value;
    if (scale && scale->band_of(v) >= 0)
      now += " (" + scale->bands[static_cast<std::size_t>(scale->band_of(v))].label + ")";
  } else {
    now += "no reading";
  }
  lines.push_back(now);
  if (!st.operator_name.empty()) lines.push_back("Operator: " + st.operator_name);
  if (!st.source.empty()) lines.push_back("Readings: " + st.source);
  if (!st.licence.empty()) lines.push_back("Licence: " + st.licence);
  json links = json::array();
  if (is_web_address(st.url)) links.push_back({{"title", "The station's source page"}, {"url", st.url}});
  doc["panel"] = {
      {"kind", "station"},
      {"id", st.id},
      {"title", st.name.empty() ? st.id : st.name},
      {"sections",
       json::array({{{"heading", "Air-quality station"}, {"lines", std::move(lines)}, {"links", std::move(links)}}})}};
}

// station=<id>  pollutant=no2  avg=hour|day|year  time=2025-03-14 (the step, see step_key)
// scale=aqi  air=stations|surface|none (what is drawn)  palette=safe  play=1. Only what differs
// from the start (the latest day with readings, PM2.5, WHO colours, both drawn, still).
void AirFeature::write_link(LinkState& link) const {
  if (!air_.loaded() && deferred_link_) {  // kept as the link said until the data comes
    for (const auto& [key, value] : deferred_link_->pairs()) link.set(key, value);
    return;
  }
  if (!air_.loaded()) return;
  // (Your own data is on this device only: a link names no dataset, and opened elsewhere shows the built-in.)
  if (const AirDataset* d = picker_.shown(); d && !d->synthetic && !own_.shown) link.set("data", d->id);
  if (const auto station =
          dock_ ? selection_in<StationId>(*dock_, PageKind::Station, air_.data().stations.size()) : std::nullopt)
    link.set("station", air_.data().stations[station->index()].id);
  const AirSettings& s = pending_ ? *pending_ : air_.settings();
  const AirSettings start = air_.starting_settings(AirSettings{});
  if (s.pollutant != start.pollutant) link.set("pollutant", pollutant_key(s.pollutant));
  if (s.period != start.period) link.set("avg", period_key(s.period));
  if (s.period != start.period || s.step != start.step)
    link.set("time", step_key(air_.timeline().step_start(s.period, s.step), s.period));
  if (s.scale != start.scale) link.set("scale", s.scale == AirScaleKind::Aqi ? "aqi" : "who");
  if (!s.stations || !s.surface) link.set("air", s.stations ? "stations" : s.surface ? "surface" : "none");
  if (s.colour_blind_safe) link.set("palette", "safe");
  if (s.playing) link.set("play", "1");
}

void AirFeature::read_link(LinkReader& link) {
  deferred_link_.reset();
  // data=<id>: that measured dataset, fetched unless it is shown (the rest waits for it).
  if (const std::string* id = link.get("data"); id && picker_.indexed()) {
    const AirDataset* d = picker_.find(*id);
    if (!d || d->synthetic)
      link.problem("data: no measured dataset " + link_quote(*id) + " in this deployment");
    else if (picker_.demo())
      link.problem("data: " + link_quote(*id) + " is not shown beside the demo data");
    else
      request(picker_.want(*id));
  }
  if (loading_) {  // the data comes after the map: the link's part waits for it
    LinkState kept;
    for (const char* key : kLinkKeys)
      if (const std::string* v = link.get(key)) kept.set(key, *v);
    if (!kept.pairs().empty()) deferred_link_ = std::move(kept);
    deferred_reduced_motion_ = link.reduced_motion;
    return;
  }
  if (!air_.loaded()) {  // its keys are read (and named) only when there is data to apply them to
    for (const char* key : kLinkKeys)
      if (link.get(key)) {
        link.problem("air-quality settings are not applied: no air-quality data is loaded");
        break;
      }
    return;
  }
  AirSettings s = air_.starting_settings(AirSettings{});
  if (const std::string* v = link.get("pollutant")) {
    const auto p = parse_pollutant(*v);
    if (p && air_.timeline().has_pollutant(*p))
      s.pollutant = *p;
    else
      link.problem("pollutant: " + link_quote(*v) + (p ? " has no readings in this data" : " is not a pollutant"));
  }
  if (const std::string* v = link.get("avg")) {
    if (const auto p = parse_period(*v))
      s.period = *p;
    else
      link.problem("avg: " + link_quote(*v) + " is not hour, day or year");
  }
  if (s.period != air_.settings().period || s.pollutant != air_.settings().pollutant) {
    AirSettings staged = air_.settings();  // the start's day in the link's period (apply converts it)
    staged.period = s.period;
    staged.pollutant = s.pollutant;
    air_.apply(staged);
    s.step = air_.settings().step;
  }
  if (const std::string* v = link.get("time")) {
    bool found = false;
    for (std::size_t i = 0, n = air_.timeline().steps(s.period); i < n && !found; ++i)
      if (step_key(air_.timeline().step_start(s.period, i), s.period) == *v) s.step = i, found = true;
    if (!found) link.problem("time: " + link_quote(*v) + " is not a " + period_key(s.period) + " of the loaded data");
  }
  if (const std::string* v = link.get("scale")) {
    if (*v == "aqi" || *v == "who")
      s.scale = *v == "aqi" ? AirScaleKind::Aqi : AirScaleKind::Who;
    else
      link.problem("scale: " + link_quote(*v) + " is neither who nor aqi");
  }
  if (const std::string* v = link.get("air")) {
    if (*v == "stations" || *v == "surface" || *v == "none") {
      s.stations = *v == "stations";
      s.surface = *v == "surface";
    } else {
      link.problem("air: " + link_quote(*v) + " is not stations, surface or none");
    }
  }
  if (const std::string* v = link.get("palette")) s.colour_blind_safe = *v == "safe";
  if (const std::string* v = link.get("play")) s.playing = *v == "1" && !link.reduced_motion;
  pending_.reset();
  air_.apply(s);
  if (air_.settings().scale != s.scale)
    link.problem(std::string("scale: the US EPA AQI has no scale for ") + pollutant_name(s.pollutant) + " (" +
                 period_name(s.period) + "): WHO bands are shown");
  if (const std::string* id = link.get("station"); id && !select_station(*id))
    link.problem("station: no station " + link_quote(*id) + " in the loaded data");
}

void AirFeature::write_status(nlohmann::json& state) const {
  using nlohmann::json;
  json& a = state["air"];
  a = {{"loaded", air_.loaded()},
       {"loading", loading_.has_value()},
       {"synthetic", false},
       {"stations", 0},
       {"series", 0},
       {"hours", 0},
       {"pollutant", ""},
       {"period", ""},
       {"scale", ""},
       {"timeLabel", ""},
       {"step", 0},
       {"steps", 0},
       {"playing", false},
       {"stationsOn", true},
       {"surfaceOn", true},
       {"colourBlindSafe", false},
       {"markers", 0},
       {"clusters", 0},
       {"clusterCountsShown", 0},
       {"level", 0},
       {"surfaceSamples", 0},
       {"selectedStation", nullptr},
       {"selectedValue", nullptr},
       {"selectedColor", ""},
       {"selectedLng", 0.0},
       {"selectedLat", 0.0}};
  // The datasets: how many the index lists, which is shown (or coming), whose and how sure.
  a["datasets"] = picker_.index().datasets.size();
  a["demo"] = picker_.demo();
  a["dataset"] = shown() ? shown()->id : "";
  a["datasetComing"] = picker_.coming() ? picker_.coming()->id : "";
  a["caption"] = shown() ? dataset_caption(*shown()) : "";
  a["credit"] = shown() ? shown()->credit : "";
  // Live data: the file on screen, the newest hour of its set, how recent (the badge's words), how
  // many times newer data replaced it, whether a kiosk holds a newer index for its next reset, and
  // when the index is next asked for again.
  a["file"] = shown_file_;
  a["newestHour"] = shown() && shown()->hours ? format_step(shown()->end_hour() - 3600, AirPeriod::Hour) : "";
  a["readingAge"] = shown() ? reading_age(*shown(), utc_now_) : "";
  a["refreshes"] = refreshes_;
  a["refreshPending"] = pending_index_.has_value();
  a["nextPollIn"] = next_poll_at_ == kNoFrameNeeded ? -1.0 : next_poll_at_ - now_;  // s of the app's clock
  {  // your own data: the import running, the last report, what is on the map
    json own = {{"importing", own_.session != nullptr},
                {"cancelled", own_.cancelled},
                {"shown", own_.shown},
                {"join", own_.join},
                {"joinable", own_.builtin_dataset.has_value()},
                {"error", own_.outcome ? own_.outcome->error : ""}};
    if (own_.session) own["bytes"] = own_.session->bytes(), own["accepted"] = own_.session->accepted();
    json files = json::array();
    const auto& list = own_.session   ? own_.session->files()
                       : own_.outcome ? own_.outcome->files
                                      : std::vector<airquality::ImportedFile>{};
    for (const airquality::ImportedFile& f : list) {
      json rejected = json::object();
      for (std::size_t r = 0; r < f.report.rejected.size(); ++r)
        if (f.report.rejected[r])
          rejected[airquality::reject_name(static_cast<airquality::Reject>(r))] = f.report.rejected[r];
      files.push_back({{"name", f.name},
                       {"kind", file_kind_name(f.kind)},
                       {"bytes", f.bytes},
                       {"lines", f.lines},
                       {"accepted", f.report.accepted},
                       {"rejected", std::move(rejected)},
                       {"examples", f.report.examples},
                       {"stations", f.stations},
                       {"fatal", f.report.fatal},
                       {"missing", f.missing_columns},
                       {"done", f.done}});
    }
    own["files"] = std::move(files);
    json matches = json::array();
    if (own_.outcome)
      for (const airquality::CityMatch& m : own_.outcome->matches)
        matches.push_back({{"station", m.station}, {"city", m.city}});
    own["matches"] = std::move(matches);
    own["overlaps"] = own_.outcome ? own_.outcome->overlaps.rejected_total() : 0;
    a["own"] = std::move(own);
  }
  if (!air_.loaded()) return;
  const AirSettings& s = air_.settings();
  const AirQualityData& d = air_.data();
  a["synthetic"] = d.any_synthetic();
  a["stations"] = d.stations.size();
  a["series"] = d.series.size();
  a["hours"] = d.hours;
  a["pollutant"] = pollutant_name(s.pollutant);
  a["period"] = period_name(s.period);
  a["scale"] = air_.color_scale() ? air_.color_scale()->title : "none for this pollutant";
  a["timeLabel"] = air_.step_label();
  a["step"] = s.step;
  a["steps"] = air_.steps();
  a["playing"] = s.playing;
  a["stationsOn"] = s.stations;
  a["surfaceOn"] = s.surface;
  a["colourBlindSafe"] = s.colour_blind_safe;
  a["markers"] = markers_.markers.size();
  a["clusters"] =
      std::count_if(markers_.markers.begin(), markers_.markers.end(), [](const AirMarker& m) { return m.count > 1; });
  a["clusterCountsShown"] = counts_shown_;
  json& where = a["clusterMarks"];  // [{x, y, r, count}]: each cluster as drawn, logical px (r: to its corners)
  where = json::array();
  for (std::size_t i = 0; i < markers_.markers.size(); ++i)
    if (const AirMarker& m = markers_.markers[i]; m.count > 1)
      where.push_back({{"x", m.screen.x},
                       {"y", m.screen.y},
                       {"r", square_reach_px(markers_.instances[i].radius, mark_scale_)},
                       {"count", m.count}});
  a["level"] = markers_.level;
  a["surfaceSamples"] = surface_samples_;
  if (selected_ && selected_->index() < d.stations.size()) {
    const std::size_t i = selected_->index();
    const float value = air_.values()[i];
    a["selectedStation"] = d.stations[i].id;
    a["selectedLng"] = d.stations[i].where.lng;
    a["selectedLat"] = d.stations[i].where.lat;
    if (std::isfinite(value)) a["selectedValue"] = value;
    a["selectedColor"] = to_hex(air_.color_scale() ? air_.color_scale()->color_of(value) : kNoReadingColor);
  }
}

}  // namespace ccap

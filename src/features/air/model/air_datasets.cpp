#include "features/air/model/air_datasets.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/json_reader.h"
#include "features/air/model/air_series.h"

namespace ccap {

namespace {

using nlohmann::json;

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

CivilDate date_of(std::int64_t t) { return civil_from_days(t >= 0 ? t / 86400 : -((-t + 86399) / 86400)); }

std::string iso_hour(std::int64_t t) {  // "2026-07-03T14:00Z"
  const CivilDate d = date_of(t);
  const std::int64_t day_start = days_from_civil(d.year, d.month, d.day) * 86400;
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02lld:00Z", d.year, d.month, d.day,
                static_cast<long long>((t - day_start) / 3600));
  return text;
}

json dataset_json(const AirDataset& d) {
  json pollutants = json::array(), cities = json::array();
  for (Pollutant p : d.pollutants) pollutants.push_back(pollutant_key(p));
  for (const AirDatasetCity& c : d.cities) cities.push_back({{"id", c.id}, {"stations", c.stations}});
  json out = {{"id", d.id},
              {"title", d.title},
              {"publisher", d.publisher},
              {"licence", d.licence},
              {"credit", d.credit},
              {"attribution", d.attribution},
              {"url", d.url},
              {"status", d.status},
              {"timeZone", d.time_zone},
              {"file", d.file},
              {"bytes", d.bytes},
              {"firstHour", iso_hour(d.first_hour)},
              {"hours", d.hours},
              {"stations", d.stations},
              {"pollutants", std::move(pollutants)},
              {"cities", std::move(cities)},
              {"bounds", {d.west, d.south, d.east, d.north}}};
  if (d.synthetic) out["synthetic"] = true;
  if (!d.files_format.empty()) {
    json places = json::array();
    for (const AirDataset::FilePlace& p : d.file_places)
      places.push_back({{"key", p.key}, {"id", p.id}, {"name", p.name}, {"lng", p.where.lng}, {"lat", p.where.lat}});
    out["files"] = {
        {"format", d.files_format}, {"utcOffsetMinutes", d.files_utc_offset_minutes}, {"places", std::move(places)}};
  }
  return out;
}

// "2026-07-03T14:00Z" -> seconds, or nullopt.
std::optional<std::int64_t> parse_iso_hour(const std::string& s) {
  int y, mo, d, h;
  char z;
  if (s.size() != 17 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:00%c", &y, &mo, &d, &h, &z) != 5 || z != 'Z' ||
      mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23)
    return std::nullopt;
  const std::int64_t t = days_from_civil(y, mo, d) * 86400 + h * 3600;
  if (iso_hour(t) != s) return std::nullopt;  // 2026-02-30 and the like
  return t;
}

std::optional<AirDataset> dataset_from(const json& value, const std::string& pointer, JsonProblems& problems) {
  JsonObject o(value, pointer, problems);
  AirDataset d;
  d.id = o.text("id");
  d.title = o.text("title");
  d.publisher = o.text("publisher");
  d.licence = o.text("licence");
  d.credit = o.text("credit");
  d.attribution = o.text("attribution", Presence::Optional);
  d.url = o.text("url", Presence::Optional);
  d.status = o.text("status");
  d.time_zone = o.text("timeZone");
  d.file = o.text("file");
  d.bytes = static_cast<std::uint64_t>(o.number("bytes", 1, 256.0 * 1024 * 1024));
  d.hours = static_cast<std::uint32_t>(o.integer("hours", 1, static_cast<int>(kMaxAirSeriesHours)));
  d.stations = static_cast<std::uint32_t>(o.integer("stations", 1, 1'000'000));
  d.synthetic = o.flag("synthetic");
  const std::string first = o.text("firstHour");
  if (const auto t = parse_iso_hour(first))
    d.first_hour = *t;
  else if (o.ok())
    o.fail("firstHour", "is '" + first + "', not a whole UTC hour like 2026-07-03T14:00Z");
  if (o.ok() && (d.file.find("..") != std::string::npos || d.file.empty() || d.file[0] == '/'))
    o.fail("file", "is '" + d.file + "': a path inside the data folder");
  for (const std::string& key : o.texts("pollutants")) {
    if (const auto p = parse_pollutant(key))
      d.pollutants.push_back(*p);
    else if (o.ok())
      o.fail("pollutants", "names '" + key + "', not a pollutant");
  }
  const json& bounds = o.member("bounds");
  if (o.ok() && (!bounds.is_array() || bounds.size() != 4 ||
                 !std::all_of(bounds.begin(), bounds.end(), [](const json& b) { return b.is_number(); }))) {
    o.fail("bounds", "is not [west, south, east, north] in degrees");
  } else if (o.ok()) {
    d.west = bounds[0].get<double>(), d.south = bounds[1].get<double>();
    d.east = bounds[2].get<double>(), d.north = bounds[3].get<double>();
    if (!(d.south >= -90 && d.north <= 90 && d.south <= d.north && d.west >= -180 && d.east <= 180 && d.west <= d.east))
      o.fail("bounds", "are not bounds on the globe (west <= east, south <= north)");
  }
  const json& cities = array_at(value, pointer, "cities", Presence::Optional, problems);
  for (std::size_t i = 0; i < cities.size() && o.ok(); ++i) {
    JsonObject c(cities[i], json_pointer(o.pointer("cities"), i), problems);
    AirDatasetCity city{c.text("id"), static_cast<std::uint32_t>(c.integer("stations", 0, 1'000'000))};
    if (c.ok()) d.cities.push_back(std::move(city));
  }
  if (const json& files = o.member("files"); o.ok() && !files.is_null()) {  // optional: how its files name places
    JsonObject f(files, o.pointer("files"), problems);
    d.files_format = f.text("format");
    d.files_utc_offset_minutes = f.integer("utcOffsetMinutes", -14 * 60, 14 * 60);
    const json& places = array_at(files, f.pointer(), "places", Presence::Required, problems);
    for (std::size_t i = 0; i < places.size() && f.ok(); ++i) {
      JsonObject p(places[i], json_pointer(f.pointer("places"), i), problems);
      AirDataset::FilePlace place{p.text("key"),
                                  p.text("id"),
                                  p.text("name", Presence::Optional),
                                  {p.number("lng", -180, 180), p.number("lat", -90, 90)}};
      if (p.ok())
        d.file_places.push_back(std::move(place));
      else
        f.fail("places", "has a place that cannot be used");  // (never a site placed at a guess)
    }
    if (!f.ok()) o.fail("files", "is not usable (see above)");
  }
  if (!o.ok()) return std::nullopt;
  return d;
}

}  // namespace

bool AirDataset::serves(std::string_view city) const {
  return std::any_of(cities.begin(), cities.end(), [&](const AirDatasetCity& c) { return c.id == city; });
}

std::string period_label(std::int64_t first_hour, std::uint32_t hours) {
  const CivilDate a = date_of(first_hour), b = date_of(first_hour + (static_cast<std::int64_t>(hours) - 1) * 3600);
  const auto month = [](const CivilDate& d) { return std::string(kMonths[d.month - 1]); };
  if (a.year == b.year && a.month == b.month) return month(a) + " " + std::to_string(a.year);
  if (a.year == b.year) return month(a) + "\u2013" + month(b) + " " + std::to_string(a.year);
  return month(a) + " " + std::to_string(a.year) + "\u2013" + month(b) + " " + std::to_string(b.year);
}

std::string reading_age(const AirDataset& d, double utc_now) {
  if (utc_now <= 0 || d.hours == 0) return {};
  const double age = utc_now - static_cast<double>(d.end_hour() - 3600);
  if (age < 0 || age > kRecentReadingHours * 3600.0) return {};
  const int minutes = static_cast<int>(age / 60);
  return "newest reading " + (minutes < 120 ? std::to_string(minutes) + " min" : std::to_string(minutes / 60) + " h") +
         " ago";
}

std::string dataset_caption(const AirDataset& d) {
  return d.title + ", " + d.status + ", " + period_label(d.first_hour, d.hours);
}

std::string write_air_index(const AirIndex& index) {
  json out = {{"version", 1}, {"datasets", json::array()}};
  for (const AirDataset& d : index.datasets) out["datasets"].push_back(dataset_json(d));
  if (index.demo) out["demo"] = dataset_json(*index.demo);
  return out.dump(1) + "\n";
}

AirIndex read_air_index(std::string_view text, const std::string& file) {
  AirIndex index;
  JsonProblems problems(file);
  if (const auto root = parse_json(text, problems)) {
    JsonObject top(*root, "", problems);
    if (top.integer("version", 1, 1) == 1 && top.ok()) {
      const json& list = array_at(*root, "", "datasets", Presence::Required, problems);
      for (std::size_t i = 0; i < list.size(); ++i)
        if (auto d = dataset_from(list[i], json_pointer("/datasets", i), problems)) {
          const bool again = std::any_of(index.datasets.begin(), index.datasets.end(),
                                         [&](const AirDataset& before) { return before.id == d->id; });
          if (again)
            problems.add(json_pointer("/datasets", i), "its id '" + d->id + "' is used already: left out");
          else
            index.datasets.push_back(std::move(*d));
        }
      if (const json& demo = member_of(*root, "demo"); !demo.is_null())
        index.demo = dataset_from(demo, "/demo", problems);
    }
  }
  index.problems = problems.take();
  return index;
}

}  // namespace ccap

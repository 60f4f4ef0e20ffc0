#include "features/air/import/json_feeds.h"

#include "base/json_reader.h"
#include "base/text_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include <nlohmann/json.hpp>

namespace ccap::airquality {

namespace {

using nlohmann::json;

// A pollutant's field in a feed, and the unit the feed reports it in.
struct Column {
  const char* key;
  Pollutant pollutant;
  const char* unit;
};

// A field that may be a number or a number in a string; nullopt when missing ("", "-", "ND", -1
// where `minus_one_is_missing`), and `bad` set when it is present but not a number.
std::optional<double> number_field(const json& obj, const char* key, bool& bad, bool minus_one_is_missing = false) {
  bad = false;
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  double v = 0;
  if (it->is_number()) {
    v = it->get<double>();
  } else if (it->is_string()) {
    const std::string s = it->get<std::string>();
    if (s.empty() || s == "-" || s == "ND" || s == "NA" || s == "N/A") return std::nullopt;
    const std::optional<double> parsed = parse_decimal(s);  // (no std::from_chars for doubles in Emscripten 3.1)
    if (!parsed) {
      bad = true;
      return std::nullopt;
    }
    v = *parsed;
  } else {
    bad = true;
    return std::nullopt;
  }
  if (!std::isfinite(v)) {
    bad = true;
    return std::nullopt;
  }
  if (minus_one_is_missing && v == -1) return std::nullopt;
  return v;
}

std::string text_field(const json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

// Hands on one pollutant's value of a station's record, or counts why it could not.
void add_value(ImportReport& out, ReadingSink& sink, ReadingView base, Pollutant p, std::optional<double> raw, bool bad,
               const char* unit, const std::string& where) {
  if (bad) return out.reject(Reject::Malformed, where);
  if (!raw) return out.reject(Reject::MissingValue, where);
  if (*raw < 0) return out.reject(Reject::Negative, where);
  const Normalised n = normalise_concentration(p, *raw, unit);
  if (!n.micrograms_per_m3) return out.reject(Reject::UnknownUnit, where);
  if (*n.micrograms_per_m3 > plausible_maximum(p)) return out.reject(Reject::ImpossibleSpike, where);
  base.pollutant = p;
  base.value = *n.micrograms_per_m3;
  out.add(sink, base, [&] { return where; });
}

std::optional<json> parse(std::string_view text, const std::string& file, ImportReport& out) {
  if (text.find_first_not_of(" \r\n\t") == std::string_view::npos) {
    out.fatal = file + ": the file is empty";
    return std::nullopt;
  }
  // The one JSON reader (base/json_reader.h): it never throws (a number like 1e400 aborted the
  // importer), names the line and column, and bounds the nesting.
  JsonProblems problems(file);
  auto doc = parse_json(text, problems);
  if (!doc) out.fatal = problems.list().empty() ? file + ": not valid JSON" : problems.list().front();
  return doc;
}

bool coordinates(const json& o, const char* lat_key, const char* lon_key, LngLat& at) {
  bool bad_lat = false, bad_lon = false;
  const auto lat = number_field(o, lat_key, bad_lat), lon = number_field(o, lon_key, bad_lon);
  if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180) return false;
  at = {*lon, *lat};
  return true;
}

}  // namespace

namespace {

// MOENV's field names in the API's spelling and in the archiving crawler's (the same data).
struct MoenvField {
  const char* api;
  const char* crawler;
};
constexpr MoenvField kSiteId{"siteid", "site_id"}, kSiteName{"sitename", "site_name"},
    kPublishTime{"publishtime", "publish_time"};

std::string moenv_text(const json& rec, MoenvField f) {
  return rec.contains(f.api) ? text_field(rec, f.api) : text_field(rec, f.crawler);
}

// The records of one aqx_p_432 document into `sink`, counted in `out` (fatal when it has no
// records array), each named "<file>: /records/3" or "<file>: /stations/3".
void moenv_records(const json& root, const std::string& file, ReadingSink& sink, ImportReport& out) {
  const char* key = root.is_object() && root.contains("records")    ? "records"
                    : root.is_object() && root.contains("stations") ? "stations"
                                                                    : nullptr;
  const json* records = root.is_array() ? &root : key ? &root[key] : nullptr;
  if (!records || !records->is_array()) {
    out.fatal =
        file + ": no records array (expected aqx_p_432 JSON: [...], {\"records\": [...]} or {\"stations\": [...]})";
    return;
  }
  static const Column kColumns[] = {{"pm2.5", Pollutant::Pm25, "ug/m3"}, {"pm10", Pollutant::Pm10, "ug/m3"},
                                    {"no2", Pollutant::No2, "ppb"},      {"o3", Pollutant::O3, "ppb"},
                                    {"so2", Pollutant::So2, "ppb"},      {"co", Pollutant::Co, "ppm"}};
  const std::string path = file + ": /" + (key ? key : "") + (key ? "/" : "");
  for (std::size_t i = 0; i < records->size(); ++i) {
    const json& rec = (*records)[i];
    const std::string where = path + std::to_string(i);
    if (!rec.is_object()) {
      out.reject(Reject::Malformed, where);
      continue;
    }
    const std::string id = moenv_text(rec, kSiteId), name = moenv_text(rec, kSiteName);
    ReadingView base;
    base.station = id;
    base.station_name = name;
    if (!coordinates(rec, "latitude", "longitude", base.where)) {
      out.reject(Reject::BadCoordinates, where);
      continue;
    }
    std::string time = moenv_text(rec, kPublishTime);
    for (char& c : time)
      if (c == '/') c = '-';
    if (!parse_iso8601(time + "+08:00", base.time)) {
      out.reject(Reject::BadTime, where);
      continue;
    }
    for (const Column& c : kColumns) {
      std::string crawler_key = c.key;  // "pm2.5" is "pm2_5" in the crawler's files
      std::replace(crawler_key.begin(), crawler_key.end(), '.', '_');
      const char* k = rec.contains(c.key) ? c.key : crawler_key.c_str();
      bool bad = false;
      const auto v = number_field(rec, k, bad);
      add_value(out, sink, base, c.pollutant, v, bad, c.unit, where + "/" + k);
    }
  }
}

}  // namespace

ImportReport import_moenv_json(std::string_view text, const std::string& file, ReadingSink& sink) {
  ImportReport out;
  if (const auto root = parse(text, file, out)) moenv_records(*root, file, sink, out);
  return out;
}

ImportReport import_air4thai_json(std::string_view text, const std::string& file, ReadingSink& sink) {
  ImportReport out;
  const auto root = parse(text, file, out);
  if (!root) return out;
  if (!root->is_object() || !root->contains("stations") || !(*root)["stations"].is_array()) {
    out.fatal = file + ": no stations array (expected air4thai JSON)";
    return out;
  }
  static const Column kColumns[] = {{"PM25", Pollutant::Pm25, "ug/m3"}, {"PM10", Pollutant::Pm10, "ug/m3"},
                                    {"O3", Pollutant::O3, "ppb"},       {"NO2", Pollutant::No2, "ppb"},
                                    {"SO2", Pollutant::So2, "ppb"},     {"CO", Pollutant::Co, "ppm"}};
  const json& stations = (*root)["stations"];
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const json& st = stations[i];
    const std::string where = file + ": /stations/" + std::to_string(i);
    if (!st.is_object() || !st.contains("AQILast") || !st["AQILast"].is_object()) {
      out.reject(Reject::Malformed, where);
      continue;
    }
    const std::string id = text_field(st, "stationID"), name = text_field(st, "nameEN");
    ReadingView base;
    base.station = id;
    base.station_name = name;
    if (!coordinates(st, "lat", "long", base.where)) {
      out.reject(Reject::BadCoordinates, where);
      continue;
    }
    const json& last = st["AQILast"];
    if (!parse_iso8601(text_field(last, "date") + "T" + text_field(last, "time") + "+07:00", base.time)) {
      out.reject(Reject::BadTime, where);
      continue;
    }
    for (const Column& c : kColumns) {
      const std::string at = where + "/AQILast/" + c.key;
      if (!last.contains(c.key)) continue;  // not measured at this station: not a record
      if (!last[c.key].is_object()) {
        out.reject(Reject::Malformed, at);
        continue;
      }
      bool bad = false;
      const auto v = number_field(last[c.key], "value", bad, /*minus_one_is_missing=*/true);
      add_value(out, sink, base, c.pollutant, v, bad, c.unit, at);
    }
  }
  return out;
}

namespace {

// The page's "results" array and its paging; fatal when the answer is not such a page (an HTML
// error page served with 200, an error object).
const json* openaq_results(const std::optional<json>& root, const std::string& file, ImportReport& out,
                           OpenaqPage& page) {
  if (!root) return nullptr;
  if (!root->is_object() || !root->contains("results") || !(*root)["results"].is_array()) {
    out.fatal = file + ": no results array (expected an OpenAQ v3 answer)";
    return nullptr;
  }
  const json& results = (*root)["results"];
  page.results = results.size();
  if (const auto meta = root->find("meta"); meta != root->end() && meta->is_object()) {
    bool bad = false;
    if (const auto p = number_field(*meta, "page", bad); p && *p >= 1 && *p < 1e6) page.page = static_cast<int>(*p);
    if (const auto l = number_field(*meta, "limit", bad); l && *l >= 1 && *l < 1e6) page.limit = static_cast<int>(*l);
  }
  return &results;
}

bool whole_id(const json& o, long long& id) {
  const auto it = o.find("id");
  if (it == o.end() || !it->is_number_integer()) return false;
  id = it->get<long long>();
  return id > 0;
}

}  // namespace

OpenaqLocations read_openaq_locations(std::string_view text, const std::string& file) {
  OpenaqLocations out;
  const auto root = parse(text, file, out.report);
  const json* results = openaq_results(root, file, out.report, out.page);
  if (!results) return out;
  for (std::size_t i = 0; i < results->size(); ++i) {
    const json& r = (*results)[i];
    const std::string where = file + ": /results/" + std::to_string(i);
    OpenaqLocation loc;
    if (!r.is_object() || !whole_id(r, loc.id)) {
      out.report.reject(Reject::MissingStation, where);
      continue;
    }
    loc.name = text_field(r, "name");
    if (!r.contains("coordinates") || !r["coordinates"].is_object() ||
        !coordinates(r["coordinates"], "latitude", "longitude", loc.where)) {
      out.report.reject(Reject::BadCoordinates, where);
      continue;
    }
    if (const auto sensors = r.find("sensors"); sensors != r.end() && sensors->is_array()) {
      for (const json& sj : *sensors) {
        OpenaqSensor sensor;
        if (!sj.is_object() || !whole_id(sj, sensor.id) || !sj.contains("parameter") || !sj["parameter"].is_object())
          continue;
        const auto pollutant = parse_pollutant(text_field(sj["parameter"], "name"));
        if (!pollutant) continue;  // temperature, humidity, um003 ...: not what the atlas shows
        sensor.pollutant = *pollutant;
        sensor.units = text_field(sj["parameter"], "units");
        loc.sensors.push_back(std::move(sensor));
      }
    }
    out.locations.push_back(std::move(loc));
  }
  return out;
}

ImportReport import_openaq_hours(std::string_view text, const std::string& file, const OpenaqLocation& location,
                                 const OpenaqSensor& sensor, ReadingSink& sink, OpenaqPage* page) {
  ImportReport out;
  OpenaqPage paging;
  const auto root = parse(text, file, out);
  const json* results = openaq_results(root, file, out, paging);
  if (page) *page = paging;
  if (!results) return out;
  const std::string station = "openaq-" + std::to_string(location.id);
  for (std::size_t i = 0; i < results->size(); ++i) {
    const json& r = (*results)[i];
    const std::string where = file + ": /results/" + std::to_string(i);
    if (!r.is_object()) {
      out.reject(Reject::Malformed, where);
      continue;
    }
    ReadingView base;
    base.station = station;
    base.station_name = location.name;
    base.where = location.where;
    const json* from = nullptr;
    if (const auto period = r.find("period"); period != r.end() && period->is_object())
      if (const auto f = period->find("datetimeFrom"); f != period->end() && f->is_object()) from = &*f;
    if (!from || !parse_iso8601(text_field(*from, "utc"), base.time)) {
      out.reject(Reject::BadTime, where);
      continue;
    }
    std::string units = sensor.units;
    if (const auto p = r.find("parameter"); p != r.end() && p->is_object() && p->contains("units"))
      units = text_field(*p, "units");
    bool bad = false;
    const auto v = number_field(r, "value", bad);
    add_value(out, sink, base, sensor.pollutant, v, bad, units.c_str(), where);  // µg/m³, ppm: normalised
  }
  return out;
}

ImportResult import_moenv_json(std::string_view text, const std::string& file) {
  return keep_readings([&](ReadingSink& sink) { return import_moenv_json(text, file, sink); });
}
ImportResult import_air4thai_json(std::string_view text, const std::string& file) {
  return keep_readings([&](ReadingSink& sink) { return import_air4thai_json(text, file, sink); });
}

}  // namespace ccap::airquality

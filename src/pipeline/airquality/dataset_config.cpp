#include "pipeline/airquality/dataset_config.h"

#include <filesystem>

#include "base/json_reader.h"
#include "features/air/import/csv_formats.h"

namespace ccap::airquality {

namespace {

using nlohmann::json;

// "+08:00" -> 480 minutes east of UTC.
std::optional<int> offset_minutes(const std::string& s) {
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
  for (std::size_t i : {1, 2, 4, 5})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[1] - '0') * 10 + (s[2] - '0'), m = (s[4] - '0') * 10 + (s[5] - '0');
  if (h > 14 || m > 59) return std::nullopt;
  return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
}

std::map<std::string, CsvPlace, std::less<>> read_places(JsonObject& o, JsonProblems& problems) {
  std::map<std::string, CsvPlace, std::less<>> places;
  const json& p = o.member("places");
  if (p.is_null()) return places;
  if (!p.is_object()) {
    o.fail("places", "is not an object of places by name");
    return places;
  }
  for (const auto& [name, value] : p.items()) {
    JsonObject place(value, json_pointer(o.pointer("places"), name), problems);
    CsvPlace c;
    c.id = place.text("id", Presence::Optional);
    c.name = place.text("name");
    c.where = {place.number("lon", -180, 180), place.number("lat", -90, 90)};
    if (!place.ok()) return o.fail("places", "a place is not whole (see above)"), places;
    places.emplace(name, std::move(c));
  }
  return places;
}

// The columns of a column-mapped CSV.
CsvFormat read_columns(JsonObject& imp, JsonProblems& problems) {
  CsvFormat f;
  f.name = "the column-mapped CSV described in " + imp.pointer();
  JsonObject c(imp.member("columns"), imp.pointer("columns"), problems);
  if (!imp.member("columns").is_object()) {
    imp.fail("columns", "is required for \"csv\": the names of the file's columns");
    return f;
  }
  f.time_column = c.text("time");
  f.station_column = c.text("station");
  f.name_column = c.text("name", Presence::Optional);
  f.latitude_column = c.text("latitude", Presence::Optional);
  f.longitude_column = c.text("longitude", Presence::Optional);
  f.pollutant_column = c.text("pollutant", Presence::Optional);
  f.value_column = c.text("value", Presence::Optional);
  f.unit_column = c.text("unit", Presence::Optional);
  const json& values = c.member("values");
  if (values.is_object()) {
    for (const auto& [key, column] : values.items()) {
      const auto p = parse_pollutant(key);
      if (!p || !column.is_string() || column.get<std::string>().empty()) {
        c.fail("values", "maps pollutants (pm25, pm10, no2, o3, so2, co) to column names; '" + key + "' does not");
        break;
      }
      f.value_columns.push_back({column.get<std::string>(), *p});
    }
  } else if (!values.is_null()) {
    c.fail("values", "is not an object of pollutant: column");
  }
  if (f.value_columns.empty() == (f.value_column.empty() || f.pollutant_column.empty()))
    c.fail("", "needs either \"values\" (a column per pollutant) or \"pollutant\" and \"value\", not both");
  if (f.latitude_column.empty() != f.longitude_column.empty())
    c.fail("", "needs both \"latitude\" and \"longitude\", or neither (then \"places\" says where)");
  if (!c.ok()) imp.fail("columns", "are not usable (see above)");
  return f;
}

DatasetImport read_import(JsonObject& spec, const std::filesystem::path& folder, JsonProblems& problems) {
  DatasetImport out;
  JsonObject imp(spec.member("import"), spec.pointer("import"), problems);
  if (!spec.member("import").is_object()) {
    spec.fail("import", "is required: the format and the files");
    return out;
  }
  const std::string format = imp.text("format");
  out.format = format;
  for (const std::string& file : imp.texts("files")) out.files.push_back((folder / file).lexically_normal().string());
  if (out.files.empty() && imp.ok()) imp.fail("files", "names no file");
  std::optional<int> offset = 0;
  if (const std::string o = imp.text("utc_offset", Presence::Optional); !o.empty() && !(offset = offset_minutes(o)))
    imp.fail("utc_offset", "is '" + o + "', not an offset like +08:00 or -05:30");
  auto places = read_places(imp, problems);
  if (format == "moenv") {
    out.kind = DatasetImport::Kind::Moenv;
  } else if (format == "openaq") {
    out.csv = openaq_archive_format();
  } else if (format == "airnow-embassy") {
    out.csv = airnow_embassy_format(std::move(places), *offset);
  } else if (format == "datagovsg-regional") {
    out.csv = datagovsg_regional_format(std::move(places));
  } else if (format == "csv") {
    out.csv = read_columns(imp, problems);
    out.csv.utc_offset_minutes = offset.value_or(0);
    out.csv.places = std::move(places);
    if (const std::string unit = imp.text("unit", Presence::Optional); !unit.empty()) out.csv.unit = unit;
    if (const std::string sep = imp.text("separator", Presence::Optional); !sep.empty()) {
      if (sep == "," || sep == ";" || sep == "\t")
        out.csv.separator = sep[0];
      else
        imp.fail("separator", "is '" + sep + "', not \",\", \";\" or a tab");
    }
    out.csv.decimal_comma = imp.flag("decimal_comma");
    if (out.csv.decimal_comma && out.csv.separator == ',')
      imp.fail("decimal_comma", "needs a separator other than ',' (\"separator\": \";\")");
    for (const json& m : imp.member("missing"))
      if (m.is_number()) out.csv.missing.push_back(m.get<double>());
  } else if (imp.ok()) {
    imp.fail("format", "is '" + format + "', not moenv, openaq, airnow-embassy, datagovsg-regional or csv");
  }
  if (!imp.ok()) spec.fail("import", "is not usable (see above)");
  return out;
}

}  // namespace

bool is_dataset_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

DatasetConfig read_dataset_config(std::string_view text, const std::string& path) {
  DatasetConfig out;
  JsonProblems problems(path);
  const auto root = parse_json(text, problems);
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (root) {
    const json& list = array_at(*root, "", "datasets", Presence::Required, problems);
    for (std::size_t i = 0; i < list.size(); ++i) {
      JsonObject o(list[i], json_pointer("/datasets", i), problems);
      DatasetSpec d;
      d.id = o.text("id");
      if (o.ok() && !is_dataset_id(d.id)) o.fail("id", "is '" + d.id + "': a-z, 0-9 and '-', at most 64");
      for (const DatasetSpec& before : out.datasets)
        if (o.ok() && before.id == d.id) o.fail("id", "is '" + d.id + "' again");
      d.title = o.text("title");
      d.publisher = o.text("publisher");
      d.licence = o.text("licence");
      d.credit = o.text("credit");
      d.attribution = o.text("attribution");
      d.url = o.text("url");
      d.status = o.text("status");
      d.time_zone = o.text("time_zone");
      d.provenance = o.text("provenance");
      d.city = o.text("city", Presence::Optional);
      if (const std::string s = o.text("stations", Presence::Optional); !s.empty())
        d.stations = (folder / s).lexically_normal().string();
      if (o.ok()) d.import = read_import(o, folder, problems);
      if (o.ok()) out.datasets.push_back(std::move(d));
    }
  }
  out.problems = problems.take();
  return out;
}

}  // namespace ccap::airquality

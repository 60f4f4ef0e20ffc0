#include "features/air/model/air_series.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/binary_io.h"
#include "features/air/model/synthetic_readings.h"

namespace ccap {

namespace {
constexpr char kMagic[8] = {'C', 'C', 'A', 'P', 'A', 'Q', '\0', '\0'};
constexpr std::size_t kHeaderSize = 48;
constexpr std::uint16_t kNoReading = 0xffff;
constexpr float kFinestScale = 0.01f;
constexpr std::size_t kMinStationBytes = 7 * 4 + 16 + 1;
AirQualityDecodeResult fail(std::string why) { return {std::nullopt, std::move(why)}; }

// A decoded file under the writer's rules (air_quality_problems): the first problem, if any.
AirQualityDecodeResult checked(AirQualityData d) {
  const std::vector<std::string> problems = air_quality_problems(d);
  if (problems.empty()) return {std::move(d), {}};
  return fail(problems.front() +
              (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more problems)" : ""));
}

float scale_for(const std::vector<float>& values) {
  float top = 0;
  for (float v : values)
    if (std::isfinite(v)) top = std::max(top, v);
  return std::max(kFinestScale, top / static_cast<float>(kNoReading - 1));
}
}  // namespace

std::vector<std::string> air_quality_problems(const AirQualityData& d) {
  std::vector<std::string> out;
  const auto text = [&](const auto& where, const char* what, const std::string& s) {
    if (s.size() > kMaxAirText)
      out.push_back(where() + ": its " + what + " is " + std::to_string(s.size()) + " bytes, more than " +
                    std::to_string(kMaxAirText));
  };
  text([] { return std::string("the dataset"); }, "description", d.description);
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < d.stations.size(); ++i) {
    const AirStation& s = d.stations[i];
    // Named only when there is something to say: the app checks every file it reads.
    const auto where = [&] { return "station " + std::to_string(i) + " ('" + s.id.substr(0, 64) + "')"; };
    const std::pair<const char*, const std::string*> texts[] = {
        {"id", &s.id},           {"name", &s.name}, {"source", &s.source}, {"operator", &s.operator_name},
        {"licence", &s.licence}, {"url", &s.url},   {"city", &s.city}};
    for (const auto& [what, value] : texts) text(where, what, *value);
    if (s.id.empty()) out.push_back(where() + ": its id is empty");
    if (const auto [it, fresh] = seen.emplace(s.id, i); !fresh && !s.id.empty())
      out.push_back(where() + ": its id is station " + std::to_string(it->second) + "'s too");
    if (!std::isfinite(s.where.lng) || !std::isfinite(s.where.lat) || std::abs(s.where.lat) > 90 ||
        std::abs(s.where.lng) > 180)
      out.push_back(where() + ": its coordinates are not on the globe");
  }
  if (d.hours > kMaxAirSeriesHours) out.push_back(std::to_string(d.hours) + " hours is more than eleven years");
  if (d.first_hour % 3600 != 0) out.push_back("the time axis does not start on the hour");
  for (std::size_t i = 0; i < d.series.size() && !d.recipe; ++i) {
    const AirSeries& s = d.series[i];
    const auto where = [i] { return "series " + std::to_string(i); };
    if (s.station >= d.stations.size()) out.push_back(where() + ": of a station that is not there");
    if (static_cast<unsigned>(s.pollutant) > static_cast<unsigned>(Pollutant::Co))
      out.push_back(where() + ": unknown pollutant");
    if (s.values.size() != d.hours)
      out.push_back(where() + ": " + std::to_string(s.values.size()) + " values for " + std::to_string(d.hours) +
                    " hours");
  }
  if (d.recipe) {
    if (d.recipe->pollutants.size() > 255) out.push_back("the recipe names more than 255 pollutants");
    if (static_cast<std::uint64_t>(d.stations.size()) * d.recipe->pollutants.size() * d.hours > kMaxSyntheticValues)
      out.push_back("the recipe makes more than " + std::to_string(kMaxSyntheticValues) + " values");
  }
  return out;
}

bool AirQualityData::any_synthetic() const {
  return std::any_of(stations.begin(), stations.end(), [](const AirStation& s) { return s.synthetic; });
}

std::vector<std::uint8_t> encode_air_quality(const AirQualityData& d) {
  ByteWriter payload;
  payload.put_string(d.description);
  for (const AirStation& s : d.stations) {
    for (const std::string* text : {&s.id, &s.name, &s.source, &s.operator_name, &s.licence, &s.url, &s.city})
      payload.put_string(*text);
    payload.put(s.where.lng);
    payload.put(s.where.lat);
    payload.put(static_cast<std::uint8_t>(s.synthetic ? 1 : 0));
  }
  std::vector<std::uint16_t> quantised;
  const std::vector<AirSeries> none;
  for (const AirSeries& s : d.recipe ? none : d.series) {  // a recipe stands for its series
    payload.put(s.station);
    payload.put(static_cast<std::uint8_t>(s.pollutant));
    payload.put(std::uint8_t{0});
    payload.put(std::uint16_t{0});
    const float scale = scale_for(s.values);
    payload.put(scale);
    quantised.resize(s.values.size());
    std::transform(s.values.begin(), s.values.end(), quantised.begin(), [scale](float v) {
      return std::isfinite(v) && v >= 0 ? static_cast<std::uint16_t>(std::lround(v / scale)) : kNoReading;
    });
    payload.put_all(quantised);
  }
  payload.put(static_cast<std::uint8_t>(d.recipe ? 1 : 0));
  if (d.recipe) {
    payload.put(d.recipe->seed);
    payload.put(static_cast<std::uint8_t>(d.recipe->pollutants.size()));
    for (Pollutant p : d.recipe->pollutants) payload.put(static_cast<std::uint8_t>(p));
  }
  ByteWriter file;
  file.out.insert(file.out.end(), std::begin(kMagic), std::end(kMagic));
  file.put(kAirSeriesFormatVersion);
  file.put(static_cast<std::uint32_t>(d.stations.size()));
  file.put(static_cast<std::uint32_t>(d.recipe ? 0 : d.series.size()));
  file.put(d.hours);
  file.put(d.first_hour);
  file.put(static_cast<std::uint64_t>(payload.out.size()));
  file.put(fnv1a64(payload.out));
  file.out.insert(file.out.end(), payload.out.begin(), payload.out.end());
  return std::move(file.out);
}

AirQualityDecodeResult decode_air_quality(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kHeaderSize) return fail("too short for a .ccapaq header");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a .ccapaq file (bad magic)");
  ByteReader h(bytes.subspan(sizeof kMagic, kHeaderSize - sizeof kMagic));
  std::uint32_t version = 0, station_count = 0, series_count = 0;
  std::uint64_t payload_size = 0, checksum = 0;
  AirQualityData d;
  h.get(version);
  h.get(station_count);
  h.get(series_count);
  h.get(d.hours);
  h.get(d.first_hour);
  h.get(payload_size);
  h.get(checksum);
  if (version != kAirSeriesFormatVersion && version != 2)
    return fail("format version " + std::to_string(version) + " is not supported: rebuild the data");
  if (d.hours > kMaxAirSeriesHours) return fail(std::to_string(d.hours) + " hours is more than eleven years");
  if (d.first_hour % 3600 != 0) return fail("the time axis does not start on the hour");
  const auto payload = bytes.subspan(kHeaderSize);
  if (payload.size() != payload_size) return fail("payload size does not match the header (truncated or padded)");
  if (fnv1a64(payload) != checksum) return fail("checksum mismatch (corrupted file)");
  ByteReader r(payload);
  // Why a text cannot be read at `at`: too long for the format, or cut short.
  const auto text_problem = [](ByteReader at) {
    std::uint32_t n = 0;
    return at.get(n) && n > kMaxAirText ? "is " + std::to_string(n) + " bytes, more than " + std::to_string(kMaxAirText)
                                        : std::string("is truncated");
  };
  if (ByteReader before = r; !r.get_string(d.description, kMaxAirText))
    return fail("the description " + text_problem(before));
  if (station_count > r.remaining() / kMinStationBytes) return fail("station count runs past the end of the file");
  d.stations.resize(station_count);
  for (std::uint32_t i = 0; i < station_count; ++i) {
    AirStation& s = d.stations[i];
    const std::pair<const char*, std::string*> texts[] = {
        {"id", &s.id},           {"name", &s.name}, {"source", &s.source}, {"operator", &s.operator_name},
        {"licence", &s.licence}, {"url", &s.url},   {"city", &s.city}};
    for (const auto& [what, text] : texts)
      if (ByteReader before = r; !r.get_string(*text, kMaxAirText))
        return fail("station " + std::to_string(i) + ": its " + what + " " + text_problem(before));
    std::uint8_t flags = 0;
    if (!r.get(s.where.lng) || !r.get(s.where.lat) || !r.get(flags))
      return fail("station " + std::to_string(i) + " is truncated");
    s.synthetic = (flags & 1) != 0;
    if (!std::isfinite(s.where.lng) || !std::isfinite(s.where.lat) || std::abs(s.where.lat) > 90 ||
        std::abs(s.where.lng) > 180)
      return fail("station " + std::to_string(i) + " has impossible coordinates");
  }
  if (series_count > r.remaining() / 12) return fail("series count runs past the end of the file");
  d.series.resize(series_count);
  std::vector<std::uint16_t> quantised;
  for (std::uint32_t i = 0; i < series_count; ++i) {
    AirSeries& s = d.series[i];
    std::uint8_t pollutant = 0, pad8 = 0;
    std::uint16_t pad16 = 0;
    float scale = 0;
    if (!r.get(s.station) || !r.get(pollutant) || !r.get(pad8) || !r.get(pad16) || !r.get(scale) ||
        !r.get_all(quantised, d.hours))
      return fail("series " + std::to_string(i) + " is truncated");
    if (s.station >= station_count) return fail("series " + std::to_string(i) + " names a station that is not there");
    if (pollutant > static_cast<std::uint8_t>(Pollutant::Co))
      return fail("series " + std::to_string(i) + ": unknown pollutant");
    if (!(scale > 0) || !std::isfinite(scale)) return fail("series " + std::to_string(i) + ": bad value scale");
    s.pollutant = static_cast<Pollutant>(pollutant);
    s.values.resize(d.hours);
    std::transform(quantised.begin(), quantised.end(), s.values.begin(), [scale](std::uint16_t q) {
      return q == kNoReading ? std::numeric_limits<float>::quiet_NaN() : static_cast<float>(q) * scale;
    });
  }
  std::uint8_t has_recipe = 0;
  if (version >= 3 && !r.get(has_recipe)) return fail("the recipe flag after the series is missing");
  if (has_recipe > 1) return fail("the recipe flag is neither 0 nor 1");
  if (has_recipe) {
    SyntheticRecipe recipe;
    std::uint8_t count = 0;
    if (!r.get(recipe.seed) || !r.get(count)) return fail("the recipe is truncated");
    for (std::uint8_t i = 0; i < count; ++i) {
      std::uint8_t p = 0;
      if (!r.get(p)) return fail("the recipe's pollutants are truncated");
      if (p > static_cast<std::uint8_t>(Pollutant::Co)) return fail("the recipe names an unknown pollutant");
      recipe.pollutants.push_back(static_cast<Pollutant>(p));
    }
    if (series_count != 0) return fail("a file with a recipe has series too");
    const std::uint64_t values = std::uint64_t{station_count} * count * d.hours;
    if (values > kMaxSyntheticValues)
      return fail("the recipe would make " + std::to_string(values) + " values, more than " +
                  std::to_string(kMaxSyntheticValues));
    if (r.remaining() != 0) return fail("unexpected bytes after the recipe");
    airquality::SyntheticSpec spec;
    spec.first_hour = d.first_hour;
    spec.hours = d.hours;
    spec.seed = recipe.seed;
    spec.pollutants = recipe.pollutants;
    AirQualityData made = airquality::synthetic_air_quality(std::move(d.stations), spec);
    made.description = std::move(d.description);
    made.recipe = std::move(recipe);
    return checked(std::move(made));
  }
  if (r.remaining() != 0) return fail("unexpected bytes after the last series");
  return checked(std::move(d));
}

}  // namespace ccap

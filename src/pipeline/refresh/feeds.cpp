#include "pipeline/refresh/feeds.h"

#include <cstdio>

#include "base/civil_date.h"
#include "pipeline/airquality/json_importers.h"

namespace ccap::pipeline {

namespace {

using airquality::ImportReport;

// The answer as JSON text for the importer, or why not.
std::string json_answer(const HttpRequest& request, const HttpResponse& r, std::string& failure) {
  if (!r.error.empty()) {
    failure = describe(request) + ": " + r.error + " (" + std::to_string(r.attempts) + " tries)";
  } else if (!r.ok()) {
    failure = describe(request) + ": HTTP " + std::to_string(r.status) + " (" + std::to_string(r.attempts) + " tries)";
  } else if (r.content_type.find("json") == std::string::npos) {
    failure =
        describe(request) + ": answered " + (r.content_type.empty() ? "with no type" : r.content_type) + ", not JSON";
  }
  return failure.empty() ? r.body : std::string();
}

std::string query_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

FeedRun run_moenv(const DataSource& s, const std::string& key, airquality::ReadingSink& sink, const Fetch& fetch) {
  FeedRun run;
  HttpRequest request{s.url + (s.url.find('?') == std::string::npos ? "?" : "&") + "format=json&limit=1000" +
                      (key.empty() ? "" : "&api_key=" + key)};
  if (!key.empty()) request.secret_query_values.push_back(key);
  const HttpResponse r = fetch(request);
  ++run.requests;
  const std::string text = json_answer(request, r, run.failure);
  if (!run.failure.empty()) return run;
  run.report = airquality::import_moenv_json(text, describe(request), sink);
  if (!run.report.fatal.empty()) run.failure = run.report.fatal;
  return run;
}

FeedRun run_openaq(const DataSource& s, const std::string& key, std::int64_t since, airquality::ReadingSink& sink,
                   const Fetch& fetch) {
  FeedRun run;
  const auto ask = [&](const std::string& path) {
    HttpRequest request{s.url + path};
    if (!key.empty()) request.headers.push_back({"X-API-Key", key, true});
    const HttpResponse r = fetch(request);
    ++run.requests;
    return std::pair{request, r};
  };
  std::vector<airquality::OpenaqLocation> locations;
  const auto& box = *s.bbox;
  for (int page = 1; page <= kMaxPages && run.failure.empty(); ++page) {
    const auto [request, r] =
        ask("/locations?bbox=" + query_number(box[0]) + "," + query_number(box[1]) + "," + query_number(box[2]) + "," +
            query_number(box[3]) + "&limit=100&page=" + std::to_string(page));
    const std::string text = json_answer(request, r, run.failure);
    if (!run.failure.empty()) break;
    airquality::OpenaqLocations found = airquality::read_openaq_locations(text, describe(request));
    run.report.absorb(found.report);
    if (!found.report.fatal.empty()) run.failure = found.report.fatal;
    for (auto& l : found.locations) locations.push_back(std::move(l));
    if (!found.page.full()) break;
  }
  const std::string from = utc_iso8601(since);
  for (const auto& location : locations)
    for (const auto& sensor : location.sensors)
      for (int page = 1; page <= kMaxPages && run.failure.empty(); ++page) {
        if (run.requests >= kMaxRequests) {
          run.failure = "more than " + std::to_string(kMaxRequests) + " requests; the box holds too many sensors";
          break;
        }
        const auto [request, r] = ask("/sensors/" + std::to_string(sensor.id) + "/hours?datetime_from=" + from +
                                      "&limit=1000&page=" + std::to_string(page));
        const std::string text = json_answer(request, r, run.failure);
        if (!run.failure.empty()) break;
        airquality::OpenaqPage paging;
        const ImportReport hours =
            airquality::import_openaq_hours(text, describe(request), location, sensor, sink, &paging);
        run.report.absorb(hours);
        if (!hours.fatal.empty()) run.failure = hours.fatal;
        if (!paging.full()) break;
      }
  return run;
}

// The year's file of an embassy monitor (AirNow's CSV): one GET; the CSV importer with the
// dataset's format reads it, and what it keeps goes to the sink (the rows already held are "the
// same reading again", so a file fetched every hour adds only its new rows).
FeedRun run_airnow(const DataSource& s, airquality::ReadingSink& sink, const Fetch& fetch) {
  FeedRun run;
  const HttpRequest request{s.url};
  const HttpResponse r = fetch(request);
  ++run.requests;
  if (!r.error.empty() || !r.ok()) {
    run.failure = describe(request) + ": " + (r.error.empty() ? "HTTP " + std::to_string(r.status) : r.error) + " (" +
                  std::to_string(r.attempts) + " tries)";
    return run;
  }
  if (r.content_type.find("html") != std::string::npos || r.content_type.find("json") != std::string::npos) {
    run.failure = describe(request) + ": answered " + r.content_type + ", not a CSV file";
    return run;
  }
  if (!s.csv) {
    run.failure = s.dataset + ": its import in datasets.json is not a CSV format";
    return run;
  }
  airquality::ImportResult read = airquality::import_csv(r.body, describe(request), *s.csv);
  run.report = read;
  run.report.accepted = run.report.repeated = 0;
  if (!read.fatal.empty()) {
    run.failure = read.fatal;
    return run;
  }
  for (const airquality::Reading& reading : read.readings) {
    const airquality::ReadingView view{reading.station,   reading.station_name, reading.where,
                                       reading.pollutant, reading.time,         reading.value};
    run.report.add(sink, view, [&] { return describe(request) + ": " + reading.station; });
  }
  return run;
}

}  // namespace

std::string utc_iso8601(std::int64_t seconds) {
  const UtcTime t = utc_time(seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return buf;
}

FeedRun run_feed(const DataSource& source, const std::string& key, std::int64_t since, airquality::ReadingSink& sink,
                 const Fetch& fetch) {
  switch (source.feed) {
    case FeedKind::MoenvAqx: return run_moenv(source, key, sink, fetch);
    case FeedKind::OpenaqV3: return run_openaq(source, key, since, sink, fetch);
    case FeedKind::AirnowFile: return run_airnow(source, sink, fetch);
  }
  return {};
}

}  // namespace ccap::pipeline

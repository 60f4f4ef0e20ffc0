#pragma once
// The refresh job's feeds: each asks its endpoint for what is new and hands the readings to a
// sink through the importer of its format (pipeline/airquality/). A feed either completes or
// fails as a whole: on failure the caller keeps the dataset as it was, and `failure` says why
// (the request, with its key as "***", and the answer: status, type, or the importer's reason).
//   moenv-aqx  GET <url>?format=json&limit=1000&api_key=<key>: the current hourly snapshot of
//              every station (aqx_p_432), one page (some 90 stations).
//   openaq-v3  GET <url>/locations?bbox=W,S,E,N&limit=100&page=N, then for each location's
//              pollutant sensors GET <url>/sensors/<id>/hours?datetime_from=<since>&limit=1000
//              &page=N (X-API-Key header), each until a page comes back short; at most
//              kMaxPages pages of each, and kMaxRequests requests in all (the API's rate limit:
//              its 429s are waited out by http_get).
//   airnow-file GET <url>: an embassy monitor's file of the year (CSV), read with its dataset's
//              format from datasets.json; the rows already held come again every time.
// An answer that is not JSON (an HTML error page with status 200, a wrong content type) fails
// the feed (airnow-file: an answer in HTML or JSON).
#include <cstdint>
#include <functional>
#include <string>

#include "features/air/import/readings.h"
#include "pipeline/refresh/data_sources.h"
#include "pipeline/refresh/http_fetch.h"

namespace ccap::pipeline {

inline constexpr int kMaxPages = 50;
inline constexpr int kMaxRequests = 2000;

// How a feed asks: http_get with its back-off (the tests' clock), or a stand-in.
using Fetch = std::function<HttpResponse(const HttpRequest&)>;

struct FeedRun {
  airquality::ImportReport report;  // every answer's, together
  std::string failure;              // empty: the feed completed
  int requests = 0;
};

// `key`: the API key (from the environment variable the source names), empty if none;
// `since`: seconds since 1970 UTC, the last hour the dataset already has (openaq-v3 asks from it).
FeedRun run_feed(const DataSource& source, const std::string& key, std::int64_t since, airquality::ReadingSink& sink,
                 const Fetch& fetch);

// "2026-12-07T03:00:00Z"
std::string utc_iso8601(std::int64_t seconds);

}  // namespace ccap::pipeline

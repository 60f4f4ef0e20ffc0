#include "pipeline/refresh/refresh_job.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "base/file_bytes.h"
#include "features/air/model/air_series.h"
#include "pipeline/airquality/dataset_build.h"
#include "pipeline/airquality/dataset_config.h"
#include "pipeline/refresh/air_publish.h"
#include "pipeline/refresh/series_merge.h"

namespace ccap::pipeline {

namespace {

constexpr std::size_t kMaxConfigBytes = 1 << 20, kMaxIndexBytes = 1 << 20, kMaxSeriesBytes = 256u << 20,
                      kMaxDailyBytes = 512u << 20;
// A feed is asked from this long before the newest hour held: readings that came late fill in.
constexpr std::int64_t kLookBackSeconds = 24 * 3600;

std::string text_of(const FileBytes& f) {
  return f.bytes ? std::string(f.bytes->begin(), f.bytes->end()) : std::string();
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct Outcome {
  DatasetRefresh report;
  std::optional<ChangedDataset> changed;
};

Outcome refresh_one(const DataSource& source, const AirIndex& index, const RefreshOptions& o, int window_days) {
  const auto t0 = std::chrono::steady_clock::now();
  Outcome out;
  DatasetRefresh& r = out.report;
  r.id = source.dataset;
  const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  const auto fail = [&](const std::string& why) {
    char took[32];
    std::snprintf(took, sizeof took, "%.1f s", seconds());
    r.failure = why;
    r.line = source.dataset + " (" + feed_name(source.feed) + "): kept as it was: " + why + ", " + took;
    return out;
  };
  const auto entry = std::find_if(index.datasets.begin(), index.datasets.end(),
                                  [&](const AirDataset& d) { return d.id == source.dataset; });
  if (entry == index.datasets.end())
    return fail("not in the published index.json (build it first with ccap_geodata airquality-datasets)");
  std::string key;
  if (!source.key_env.empty()) {
    key = o.env ? o.env(source.key_env) : std::string();
    if (key.empty()) return fail("the environment variable " + source.key_env + " (its API key) is not set");
  }
  const std::string path = o.out_dir + "/" + std::filesystem::path(entry->file).filename().string();
  const FileBytes file = read_file_bytes(path, kMaxSeriesBytes);
  if (!file.bytes) return fail(file.error);
  AirQualityDecodeResult published = decode_air_quality(*file.bytes);
  if (!published.data) return fail(path + ": " + published.error);

  SeriesMerge merge(*published.data, *entry);
  const FeedRun run = run_feed(source, key, entry->end_hour() - kLookBackSeconds, merge, o.fetch);
  if (!run.failure.empty()) return fail(run.failure);
  airquality::SeriesBuild build = merge.finish();
  if (!build.error.empty()) return fail(build.error);
  AirQualityData& data = build.data;
  const std::vector<DailyMean> days = cut_to_window(data, window_days);
  if (const auto problems = air_quality_problems(data); !problems.empty()) return fail(problems.front());

  ChangedDataset c{*entry, {}, std::nullopt};
  airquality::describe_series(data, c.entry);
  data.description = dataset_caption(c.entry);
  const long new_hours = (c.entry.end_hour() - entry->end_hour()) / 3600;
  std::size_t folded = 0;
  if (!days.empty()) {
    const std::string daily_path = o.out_dir + "/" + source.dataset + ".daily.csv";
    const FileBytes daily = read_file_bytes(daily_path, kMaxDailyBytes);
    if (!daily.bytes && std::filesystem::exists(daily_path)) return fail(daily.error);
    c.daily = merge_daily(text_of(daily), days, folded);
  }
  r.changed = merge.new_values() > 0 || !days.empty();
  char took[32];
  std::snprintf(took, sizeof took, "%.1f s", seconds());
  r.line = source.dataset + " (" + feed_name(source.feed) + "): " + plural(run.requests, "request", "requests") + ", " +
           plural(run.report.accepted + run.report.repeated, "reading", "readings") + " fetched, " +
           plural(merge.new_values(), "new value", "new values") + ", " +
           plural(static_cast<std::size_t>(std::max(0L, new_hours)), "new hour", "new hours") + " (newest " +
           utc_iso8601(c.entry.end_hour() - 3600) + "), " + plural(run.report.rejected_total(), "reject", "rejects") +
           (folded ? ", " + plural(folded, "day", "days") + " folded into daily means" : "") + ", " + took +
           (r.changed ? "" : ": nothing new");
  for (std::size_t k = 0; k < run.report.rejected.size(); ++k)
    if (run.report.rejected[k])
      r.line += "\n  " + std::to_string(run.report.rejected[k]) + " x " +
                airquality::reject_name(static_cast<airquality::Reject>(k));
  if (!r.changed) return out;
  c.series = encode_air_quality(data);
  out.changed = std::move(c);
  return out;
}

}  // namespace

bool RefreshResult::ok() const {
  return error.empty() &&
         std::all_of(datasets.begin(), datasets.end(), [](const auto& d) { return d.failure.empty(); });
}

RefreshResult run_refresh(const RefreshOptions& o) {
  RefreshResult result;
  const FileBytes sources_file = read_file_bytes(o.sources, kMaxConfigBytes);
  if (!sources_file.bytes) return result.error = sources_file.error, result;
  DataSources sources = read_data_sources(text_of(sources_file), o.sources);
  if (!sources.problems.empty()) return result.error = sources.problems.front(), result;
  if (std::any_of(sources.sources.begin(), sources.sources.end(),
                  [](const auto& s) { return s.feed == FeedKind::AirnowFile; })) {
    if (o.datasets.empty())
      return result.error = o.sources + ": airnow-file feeds need --datasets datasets.json", result;
    const FileBytes file = read_file_bytes(o.datasets, kMaxConfigBytes);
    if (!file.bytes) return result.error = file.error, result;
    const airquality::DatasetConfig config = airquality::read_dataset_config(text_of(file), o.datasets);
    if (!config.problems.empty()) return result.error = config.problems.front(), result;
    for (DataSource& s : sources.sources) {
      if (s.feed != FeedKind::AirnowFile) continue;
      const auto spec = std::find_if(config.datasets.begin(), config.datasets.end(),
                                     [&](const airquality::DatasetSpec& d) { return d.id == s.dataset; });
      if (spec != config.datasets.end() && spec->import.kind == airquality::DatasetImport::Kind::Csv)
        s.csv = spec->import.csv;
    }
  }
  const std::string index_path = o.out_dir + "/index.json";
  const FileBytes index_file = read_file_bytes(index_path, kMaxIndexBytes);
  if (!index_file.bytes) return result.error = index_file.error + " (no published set to refresh)", result;
  const AirIndex previous = read_air_index(text_of(index_file), index_path);
  if (!previous.problems.empty()) return result.error = previous.problems.front(), result;

  std::vector<ChangedDataset> changed;
  for (const DataSource& s : sources.sources) {
    Outcome one = refresh_one(s, previous, o, sources.window_days);
    if (one.changed) changed.push_back(std::move(*one.changed));
    result.datasets.push_back(std::move(one.report));
  }
  if (changed.empty()) return result;
  result.error = publish_air_set(o.out_dir, o.data_path, previous, changed, previous, o.step);
  result.published = result.error.empty();
  return result;
}

}  // namespace ccap::pipeline

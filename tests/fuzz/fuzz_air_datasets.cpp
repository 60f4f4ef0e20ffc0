// libFuzzer target: the air-quality datasets' descriptions, the index the app reads
// (data/air/index.json), the description the pipeline builds from (datasets.json) and the refresh
// job's feeds (data-sources.json), and the refresh job's daily archive (<id>.daily.csv), which it
// reads back to add days to. Never crashes; an index read back is written again the same
// (what the app accepts round-trips), every dataset kept covers whole hours within the series
// limit, every feed kept has an http(s) address (and a box, for OpenAQ), and an archive merged
// with no new day, merged again, is the same text (its rows are kept as they were, once each).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "features/air/model/air_datasets.h"
#include "features/air/model/air_series.h"
#include "pipeline/airquality/dataset_config.h"
#include "pipeline/refresh/data_sources.h"
#include "pipeline/refresh/series_merge.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ccap::AirIndex index = ccap::read_air_index(text, "index.json");
  for (const ccap::AirDataset& d : index.datasets)
    if (d.hours == 0 || d.hours > ccap::kMaxAirSeriesHours || d.first_hour % 3600 != 0 || d.synthetic) std::abort();
  const ccap::AirIndex again = ccap::read_air_index(ccap::write_air_index(index), "again.json");
  if (again.datasets.size() != index.datasets.size() || ccap::write_air_index(again) != ccap::write_air_index(index))
    std::abort();
  const ccap::airquality::DatasetConfig config = ccap::airquality::read_dataset_config(text, "/fuzz/datasets.json");
  for (const auto& d : config.datasets)
    if (d.id.empty() || d.import.files.empty()) std::abort();
  const ccap::pipeline::DataSources sources = ccap::pipeline::read_data_sources(text, "/fuzz/data-sources.json");
  for (const auto& s : sources.sources)
    if (s.dataset.empty() || s.url.rfind("http", 0) != 0 || (s.feed == ccap::pipeline::FeedKind::OpenaqV3 && !s.bbox))
      std::abort();
  std::size_t added = 0;
  const std::string archive =
      ccap::pipeline::merge_daily(std::string(text), {{"s", ccap::Pollutant::Pm25, 0, 1.5, 3}}, added);
  if (added > 1 || ccap::pipeline::merge_daily(archive, {}, added) != archive || added != 0) std::abort();
  return 0;
}

#pragma once
// Publishing a refreshed set of air-quality datasets into the served folder (data/air/) so that a
// browser never reads half of it:
//   1. each changed dataset's series under a name of its own, "<id>-<fnv1a64 of its bytes>.ccapaq"
//      (a name is never used for other bytes, so no cache, HTTP's or a kiosk's service worker,
//      can hold a stale copy under it) with its gzip form ("<name>.gz"), and its daily archive,
//      "<id>.daily.csv";
//   2. then the index, index.json, renamed over the old one: the moment the new set is published;
//   3. then the series files no index names any more are removed, except the previous index's (a
//      page that read it a moment ago may still be fetching them), with the temporary files of
//      writers that no longer run.
// Every file goes through write_file_atomically (pipeline/atomic_file.h). Killed at any moment,
// the folder serves the old index or the new one, and every file that index names is there whole.
// A compressed form of a replaced file ("index.json.gz", ".br": scripts/compress_web.mjs) is
// removed before the rename, so that a server never sends the old text for the new file.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/air/model/air_datasets.h"

namespace ccap::pipeline {

struct ChangedDataset {
  AirDataset entry;                  // `file` and `bytes` are set by publish_air_set
  std::vector<std::uint8_t> series;  // the .ccapaq
  std::optional<std::string> daily;  // the daily archive's new text, when days were folded
};

// The series file name of `bytes` for dataset `id`.
std::string series_file_name(const std::string& id, const std::vector<std::uint8_t>& bytes);

// Publishes `changed` into `dir` (the served data/air folder; `dir_in_data`: its path in the data
// folder, "air"): `index` is the set to publish (its entries for the changed datasets are
// replaced), `previous` the one published until now. `step` is called before each step with its
// name (the tests pause there to kill the job). Returns "" or why it stopped (what was written is
// unnamed by any index, and the old set stays published).
std::string publish_air_set(const std::string& dir, const std::string& dir_in_data, AirIndex index,
                            std::vector<ChangedDataset>& changed, const AirIndex& previous,
                            const std::function<void(const std::string&)>& step = {});

}  // namespace ccap::pipeline

#pragma once
// `ccap_geodata refresh`: every dataset of data-sources.json fetched from its feed (feeds.h), its
// new readings merged into the published series (series_merge.h: a published hour is never
// rewritten), cut to the window (older hours folded into daily means), and the changed datasets
// published with the index (air_publish.h). A feed that fails, or answers what its importer
// refuses, leaves its dataset as it was and says why; the others are refreshed. A dataset with
// nothing new is not written, so a second run changes nothing.
//
// The published set is the served folder's index.json and the files it names: the refresh reads
// what is there, so the folder is its whole state (no database, no cursor file; a run that was
// killed leaves the last published set, and the next run starts from it).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/refresh/feeds.h"

namespace ccap::pipeline {

struct RefreshOptions {
  std::string sources;            // data-sources.json
  std::string datasets;           // datasets.json: the import of each airnow-file dataset (optional otherwise)
  std::string out_dir;            // the served data/air folder, holding index.json
  std::string data_path = "air";  // out_dir's path in the data folder (the index's file names)
  Fetch fetch;                    // http_get, or the tests' stand-in
  std::function<std::string(const std::string& name)> env;  // an environment variable's value ("" if unset)
  std::function<void(const std::string& step)> step;        // before each publishing step (tests)
};

struct DatasetRefresh {
  std::string id;
  std::string line;     // "moenv-taiwan (moenv-aqx): 1 request, 86 readings, 86 new values, 1 new hour, ..."
  std::string failure;  // empty: refreshed (or nothing new); else why it was kept as it was
  bool changed = false;
};

struct RefreshResult {
  std::vector<DatasetRefresh> datasets;
  std::string error;  // the job as a whole could not run or publish: nothing was published
  bool published = false;
  bool ok() const;  // no error and no dataset failed
};

RefreshResult run_refresh(const RefreshOptions& options);

}  // namespace ccap::pipeline

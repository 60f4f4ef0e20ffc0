#include "pipeline/refresh/air_publish.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include <zlib.h>

#include "base/binary_io.h"
#include "pipeline/atomic_file.h"

namespace ccap::pipeline {

namespace {

namespace fs = std::filesystem;

std::span<const std::uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string base_name(const std::string& path) { return fs::path(path).filename().string(); }

// The compressed forms of `path` go first: a server then sends the plain file, old or new.
std::string write_replacing(const std::string& path, std::span<const std::uint8_t> bytes) {
  std::error_code ec;
  for (const char* packed : {".gz", ".br"}) fs::remove(path + packed, ec);
  return write_file_atomically(path, bytes);
}

// `bytes` as a gzip file (level 9, as scripts/compress_web.mjs makes the build's), or empty.
std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> bytes) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32);
  z.next_in = const_cast<Bytef*>(bytes.data());
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  const bool done = deflate(&z, Z_FINISH) == Z_STREAM_END;
  out.resize(done ? z.total_out : 0);
  deflateEnd(&z);
  return out;
}

void add_files(const AirIndex& index, std::set<std::string>& names) {
  for (const AirDataset& d : index.datasets) names.insert(base_name(d.file));
  if (index.demo) names.insert(base_name(index.demo->file));
}

// Series files that neither index names, and temporary files of writers that no longer run.
void remove_unnamed(const std::string& dir, const AirIndex& index, const AirIndex& previous) {
  std::set<std::string> named, written;
  add_files(index, named);
  add_files(previous, named);
  std::error_code ec;
  std::vector<fs::path> unnamed;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (const auto tmp = name.find(".tmp-"); tmp != std::string::npos) written.insert(name.substr(0, tmp));
    std::string series = name;
    for (const char* packed : {".gz", ".br"})
      if (series.ends_with(packed)) series.resize(series.size() - 3);
    if (series.ends_with(".ccapaq") && !named.contains(series)) unnamed.push_back(it->path());
  }
  for (const fs::path& p : unnamed) fs::remove(p, ec);
  for (const std::string& target : written) remove_stale_temporaries(dir + "/" + target);
}

}  // namespace

std::string series_file_name(const std::string& id, const std::vector<std::uint8_t>& bytes) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
  return id + "-" + hash + ".ccapaq";
}

std::string publish_air_set(const std::string& dir, const std::string& dir_in_data, AirIndex index,
                            std::vector<ChangedDataset>& changed, const AirIndex& previous,
                            const std::function<void(const std::string&)>& step) {
  const auto at = [&](const std::string& what) {
    if (step) step(what);
  };
  for (ChangedDataset& c : changed) {
    const std::string name = series_file_name(c.entry.id, c.series);
    c.entry.file = dir_in_data + "/" + name;
    c.entry.bytes = c.series.size();
    at(name);
    if (std::string why = write_file_atomically(dir + "/" + name, c.series); !why.empty()) return why;
    // Its gzip form beside it, for servers that send one as it is (nginx's gzip_static): some 40-55%
    // of the series' size on the wire. Written after the file, so that it is never the newer of two
    // when the file is not there; a server sends the file itself without it.
    if (const auto packed = gzip(c.series); !packed.empty() && packed.size() < c.series.size())
      if (std::string why = write_file_atomically(dir + "/" + name + ".gz", packed); !why.empty()) return why;
    if (c.daily) {
      at(c.entry.id + ".daily.csv");
      if (std::string why = write_replacing(dir + "/" + c.entry.id + ".daily.csv", bytes_of(*c.daily)); !why.empty())
        return why;
    }
    const auto it = std::find_if(index.datasets.begin(), index.datasets.end(),
                                 [&](const AirDataset& d) { return d.id == c.entry.id; });
    if (it != index.datasets.end()) *it = c.entry;
  }
  at("index.json");
  if (std::string why = write_replacing(dir + "/index.json", bytes_of(write_air_index(index))); !why.empty())
    return why;
  at("removing what no index names");
  remove_unnamed(dir, index, previous);
  return {};
}

}  // namespace ccap::pipeline

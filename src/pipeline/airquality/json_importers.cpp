#include "pipeline/airquality/json_importers.h"

#include "pipeline/tar_reader.h"

namespace ccap::airquality {

ImportReport import_moenv_file(const std::string& path, ReadingSink& sink) {
  return import_moenv_stream(pipeline::file_stream(path), path, sink);
}

ImportReport import_moenv_stream(pipeline::ReadChunk stream, const std::string& path, ReadingSink& sink) {
  ImportReport out;
  // A tar archive says "ustar" at byte 257 of its first block; anything else is one document.
  std::string first(512, '\0'), error;
  std::size_t got = 0;
  while (got < first.size()) {
    const std::size_t n = stream(first.data() + got, first.size() - got, error);
    if (n == 0) break;
    got += n;
  }
  if (!error.empty()) {
    out.fatal = path + ": " + error;
    return out;
  }
  first.resize(got);
  const bool archive = got == 512 && first.compare(257, 5, "ustar") == 0;
  stream = pipeline::with_prefix(std::move(first), std::move(stream));
  if (!archive) {
    const auto bytes = pipeline::read_all(stream, kMaxFeedJsonBytes, error);
    if (!bytes) {
      out.fatal = path + ": " + error;
      return out;
    }
    return import_moenv_json(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path, sink);
  }
  // Snapshots in the archive's order; a damaged one is one record rejected, not the archive.
  pipeline::TarReader tar(std::move(stream), kMaxFeedJsonBytes);
  std::size_t documents = 0;
  while (auto member = tar.next()) {
    const std::string name = path + ": " + member->name;
    if (member->too_large) {
      out.reject(Reject::Malformed, name + ": more than " + std::to_string(kMaxFeedJsonBytes) + " bytes");
      continue;
    }
    const std::string_view text(reinterpret_cast<const char*>(member->bytes.data()), member->bytes.size());
    const ImportReport one = import_moenv_json(text, name, sink);
    if (!one.fatal.empty()) {
      out.reject(Reject::Malformed, one.fatal);
      continue;
    }
    ++documents;
    out.absorb(one);
  }
  if (!tar.error().empty())
    out.fatal = path + ": " + tar.error();
  else if (documents == 0 && out.rejected_total() == 0)
    out.fatal = path + ": the archive holds no file";
  return out;
}

}  // namespace ccap::airquality

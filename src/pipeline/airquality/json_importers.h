#pragma once
// MOENV aqx_p_432 files on disk: one document, gzipped or not, or a tar archive of an archiving
// crawler's snapshots, each read by the one MOENV importer (features/air/import/json_feeds.h).
#include <string>

#include "features/air/import/json_feeds.h"
#include "pipeline/byte_stream.h"

namespace ccap::airquality {

// A MOENV file: one document (.json, or gzipped), or a tar archive of snapshots (.tar, .tar.gz,
// told by its content), read member by member in the archive's order. A member that is not an
// aqx_p_432 document is one rejected record (Malformed, named); a damaged archive is fatal.
ImportReport import_moenv_file(const std::string& path, ReadingSink& sink);
// The same from a stream of its bytes (gunzipped already: pipeline::gunzip_if_gzip), named `path`.
ImportReport import_moenv_stream(pipeline::ReadChunk stream, const std::string& path, ReadingSink& sink);
}  // namespace ccap::airquality

// libFuzzer target: telling what a file someone opens is from its first bytes (file_kind.h). Never
// crashes; a file is either one of the kinds or says what it looked like, never both; a CSV kind
// has a separator of ',' ';' or TAB and a header of at least two columns, the other kinds none.
#include <cstdint>
#include <cstdlib>

#include "features/air/import/file_kind.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ccap::FileSniff s = ccap::sniff_file({data, size});
  if ((s.kind == ccap::FileKind::Unknown) == s.why.empty()) std::abort();
  const bool csv = s.kind == ccap::FileKind::OpenaqArchiveCsv || s.kind == ccap::FileKind::AirnowCsv ||
                   s.kind == ccap::FileKind::DatagovsgCsv || s.kind == ccap::FileKind::PointsCsv ||
                   s.kind == ccap::FileKind::Csv;
  if (csv && ((s.separator != ',' && s.separator != ';' && s.separator != '\t') || s.header.size() < 2)) std::abort();
  if (!csv && s.kind != ccap::FileKind::Unknown && !s.header.empty()) std::abort();
  if (s.decimal_comma && s.separator == ',') std::abort();
  return 0;
}

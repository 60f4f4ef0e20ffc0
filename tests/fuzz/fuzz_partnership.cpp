// libFuzzer target: the content file (partnership.json) and its Knowledge Platform member, as the
// app reads them at start. Never crashes, never throws, bounded in depth and time.
#include <cstdint>
#include <string_view>

#include "features/knowledge/model/knowledge.h"
#include "features/partnership/model/partnership.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ccap::PartnershipLoad load = ccap::parse_partnership(text, "fuzz.json");
  if (load.partnership) ccap::parse_knowledge(load.document, *load.partnership, "fuzz.json");
  return 0;
}

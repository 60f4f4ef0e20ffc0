// libFuzzer target: the URL-hash reader (base/link_state.h). Never crashes; what it reads, written
// back, reads back the same (the writer's form is a fixed point).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/link_state.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ccap::LinkParse first = ccap::parse_link(text);
  const std::string written = first.state.format();
  const ccap::LinkParse again = ccap::parse_link(written);
  if (again.state.format() != written) std::abort();                                 // a round trip changed the link
  if (!again.problems.empty() && again.version <= ccap::kLinkVersion) std::abort();  // our own form is clean
  ccap::LinkReader reader(first.state);
  for (const auto& [key, value] : first.state.pairs()) reader.list(key);
  if (!reader.unread().empty()) std::abort();
  return 0;
}

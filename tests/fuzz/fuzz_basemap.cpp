// libFuzzer target: the basemap file (.ccapmap). A file it accepts encodes to bytes that decode to
// the same map (encode(decode(x)) is a fixed point of decode).
#include <cstdint>
#include <cstdlib>
#include <span>

#include "map/basemap_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ccap::BasemapDecodeResult decoded = ccap::decode_basemap(std::span(data, size));
  if (!decoded.map) return 0;
  const auto bytes = ccap::encode_basemap(*decoded.map);
  const ccap::BasemapDecodeResult again = ccap::decode_basemap(bytes);
  if (!again.map || ccap::encode_basemap(*again.map) != bytes) std::abort();
  return 0;
}

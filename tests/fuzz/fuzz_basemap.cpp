// libFuzzer target: the basemap file (.ccapmap). A file it accepts encodes again, and that decodes
// to the same map (the same vertices and segments, the same triangles in another order) and encodes
// to the same bytes: encode(decode(x)) is a fixed point of decode. Almost every mutation breaks the
// checksum, so each input is also tried with the header's payload size and checksum made to match:
// that way the checks behind the checksum are fuzzed too.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <vector>

#include "base/binary_io.h"
#include "map/basemap_format.h"

namespace {

void check(std::span<const std::uint8_t> bytes) {
  const ccap::BasemapDecodeResult decoded = ccap::decode_basemap(bytes);
  if (!decoded.map) return;
  const ccap::BasemapEncodeResult encoded = ccap::encode_basemap(*decoded.map);
  if (!encoded.error.empty()) std::abort();  // everything the decoder accepts can be written
  const ccap::BasemapDecodeResult again = ccap::decode_basemap(encoded.bytes);
  if (!again.map || again.map->levels.size() != decoded.map->levels.size()) std::abort();
  for (std::size_t i = 0; i < again.map->levels.size(); ++i) {
    const ccap::BasemapLevel &a = again.map->levels[i], &b = decoded.map->levels[i];
    if (a.min_zoom != b.min_zoom || a.land_vertices != b.land_vertices || a.coastlines != b.coastlines ||
        a.borders != b.borders || !ccap::same_triangles(a.land_indices, b.land_indices))
      std::abort();
  }
  if (ccap::encode_basemap(*again.map).bytes != encoded.bytes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check(std::span(data, size));
  if (size < ccap::kBasemapHeaderSize) return 0;
  std::vector<std::uint8_t> sealed(data, data + size);
  const std::uint64_t payload = size - ccap::kBasemapHeaderSize;
  const std::uint64_t sum = ccap::fnv1a64(std::span(sealed).subspan(ccap::kBasemapHeaderSize));
  std::memcpy(sealed.data() + ccap::kBasemapPayloadSizeOffset, &payload, sizeof payload);
  std::memcpy(sealed.data() + ccap::kBasemapChecksumOffset, &sum, sizeof sum);
  check(sealed);
  return 0;
}

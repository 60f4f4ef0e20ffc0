#pragma once
// A QR code as a square of dark and light modules, made by Nayuki's QR Code generator (Debian's
// qr-code-generator source) at error-correction level M (15% of the code may be lost and it still
// reads). A kiosk shows a source link this way instead of opening it: a visitor takes it away on a
// phone. Print it with a quiet zone of 4 light modules around it (ISO/IEC 18004).
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ccap {

// Longer texts are refused before the generator sees them: it throws when a text does not fit,
// and the wasm build cannot catch (toolchain.md). 1,000 bytes fit at level M (version 40 holds
// 2,331) with room to spare; a source address is far shorter.
inline constexpr std::size_t kMaxQrTextBytes = 1000;
inline constexpr int kQrQuietZone = 4;  // modules

struct QrMatrix {
  int size = 0;                    // modules per side, 21 (version 1) to 177 (version 40)
  std::vector<std::uint8_t> dark;  // size x size, row by row, 1 = dark
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// nullopt when `text` is empty or longer than kMaxQrTextBytes.
std::optional<QrMatrix> make_qr(std::string_view text);

}  // namespace ccap

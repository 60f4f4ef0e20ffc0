#include "features/kiosk/model/qr_matrix.h"

#include <string>

#include <qrcodegen.hpp>

namespace ccap {

std::optional<QrMatrix> make_qr(std::string_view text) {
  if (text.empty() || text.size() > kMaxQrTextBytes) return std::nullopt;
  const std::string z(text);  // the generator wants a NUL-terminated string
  const qrcodegen::QrCode code = qrcodegen::QrCode::encodeText(z.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  QrMatrix m;
  m.size = code.getSize();
  m.dark.resize(static_cast<std::size_t>(m.size * m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark[static_cast<std::size_t>(y * m.size + x)] = code.getModule(x, y) ? 1 : 0;
  return m;
}

}  // namespace ccap

#include "features/kiosk/model/qr_matrix.h"

#include <gtest/gtest.h>

#include <string>

namespace ccap {
namespace {

// The finder pattern: a 7x7 dark ring, a light ring inside it, a 3x3 dark centre.
bool finder_at(const QrMatrix& m, int x0, int y0) {
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6, centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  return true;
}

TEST(QrMatrix, AnAddressBecomesAReadableSymbol) {
  const auto qr = make_qr("https://cleanairasia.org/");
  ASSERT_TRUE(qr);
  EXPECT_EQ((qr->size - 17) % 4, 0) << "21, 25, 29, ... modules";
  EXPECT_GE(qr->size, 25);
  EXPECT_TRUE(finder_at(*qr, 0, 0));
  EXPECT_TRUE(finder_at(*qr, qr->size - 7, 0));
  EXPECT_TRUE(finder_at(*qr, 0, qr->size - 7));
  const auto longer = make_qr("https://example.org/" + std::string(300, 'a'));
  ASSERT_TRUE(longer);
  EXPECT_GT(longer->size, qr->size) << "more text, more modules";
}

TEST(QrMatrix, RefusesWhatWouldMakeTheGeneratorThrow) {
  EXPECT_FALSE(make_qr(""));
  EXPECT_FALSE(make_qr(std::string(kMaxQrTextBytes + 1, 'x')));
  EXPECT_TRUE(make_qr(std::string(kMaxQrTextBytes, '\xff'))) << "any bytes up to the limit fit at level M";
}

}  // namespace
}  // namespace ccap

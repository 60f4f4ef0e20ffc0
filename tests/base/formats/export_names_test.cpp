#include "base/formats/export_names.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

namespace ccap {
namespace {

TEST(ExportNames, SayWhatAndWhenInUtc) {
  // 2026-11-30 13:04:59 UTC
  EXPECT_EQ(export_file_name("map", 1796043899, "png"), "clean-air-atlas_map_2026-11-30_1304Z.png");
  EXPECT_EQ(export_time_label(1796043899), "2026-11-30 13:04 UTC");
  EXPECT_EQ(export_file_name("x", 0, "csv"), "clean-air-atlas_x_1970-01-01_0000Z.csv");
  EXPECT_EQ(export_time_label(951782400), "2000-02-29 00:00 UTC");  // a leap day
}

// A file saved in Kiribati at 00:30 on 1 January says the UTC date, as one saved in Hawaii does.
TEST(ExportNames, TheMachinesZoneNeverEnters) {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  for (const char* zone : {"KIR-14", "HST10"}) {
    setenv("TZ", zone, 1);
    tzset();
    EXPECT_EQ(export_file_name("map", 1798761000, "png"), "clean-air-atlas_map_2026-12-31_2350Z.png") << zone;
  }
  if (before)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST(ExportNames, SlugsAreLowerCaseAsciiWithSingleDashes) {
  EXPECT_EQ(export_slug("Stations PM2.5, daily mean: 2025-12-31"), "stations-pm2-5-daily-mean-2025-12-31");
  EXPECT_EQ(export_slug("Hải Phòng vs. Kitakyūshū"), "hi-phng-vs-kitakysh");
  EXPECT_EQ(export_slug("  --  "), "export");
  EXPECT_EQ(export_slug("../../etc/passwd"), "etc-passwd");
  EXPECT_LE(export_slug(std::string(500, 'a')).size(), 80u);
}

}  // namespace
}  // namespace ccap

// A CSV nobody described reads from its header alone when its columns have the usual names (the
// OpenAQ Explorer's download, an agency's points table, a semicolon export), and what cannot be
// told is named for the dialog that asks.
#include "features/air/import/csv_guess.h"

#include <gtest/gtest.h>

namespace ccap::airquality {
namespace {

FileSniff sniffed(std::string_view text) {
  return sniff_file({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

TEST(CsvGuess, TheOpenaqExplorersDownloadReadsAsItIs) {
  const std::string text =
      "location_id,location_name,parameter,value,unit,datetimeUtc,datetimeLocal,timezone,latitude,longitude,"
      "country_iso,isMobile,isMonitor,owner_name,provider\n"
      "3428,\"Colombo, US Embassy\",pm25,31.2,µg/m³,2024-03-01T05:00:00Z,2024-03-01T10:30:00+05:30,Asia/Colombo,"
      "6.9,79.85,LK,false,true,Unknown Governmental Organization,AirNow\n"
      "3428,\"Colombo, US Embassy\",no2,20,ppb,2024-03-01T05:00:00Z,2024-03-01T10:30:00+05:30,Asia/Colombo,"
      "6.9,79.85,LK,false,true,Unknown Governmental Organization,AirNow\n";
  const FileSniff s = sniffed(text);
  ASSERT_EQ(s.kind, FileKind::PointsCsv);
  const CsvGuess g = guess_csv_format(s, "openaq_location_3428_measurments.csv");
  ASSERT_TRUE(g.format) << g.missing.front();
  EXPECT_EQ(g.format->time_column, "datetimeUtc") << "the time that names its zone";
  EXPECT_EQ(g.format->station_column, "location_id");
  EXPECT_EQ(g.format->name_column, "location_name");
  EXPECT_EQ(g.format->pollutant_column, "parameter");
  EXPECT_EQ(g.format->unit_column, "unit");
  const ImportResult r = import_csv(text, "explorer.csv", *g.format);
  ASSERT_EQ(r.fatal, "");
  ASSERT_EQ(r.readings.size(), 2u);
  EXPECT_EQ(r.readings[0].station, "3428");
  EXPECT_EQ(r.readings[0].station_name, "Colombo, US Embassy");
  EXPECT_EQ(r.readings[0].time, 1709269200) << "2024-03-01T05:00Z";
  EXPECT_NEAR(r.readings[1].value, 37.6, 0.1) << "20 ppb of NO2 in µg/m³";
}

TEST(CsvGuess, AColumnPerPollutantInASemicolonExport) {
  const std::string text =
      "Station;Latitude;Longitude;Time;PM2.5;PM10;Wind\n"
      "Din Daeng;13,7649;100,5503;2024-03-01T05:00:00+07:00;20,5;40;3\n";
  const FileSniff s = sniffed(text);
  const CsvGuess g = guess_csv_format(s, "bangkok.csv");
  ASSERT_TRUE(g.format);
  ASSERT_EQ(g.format->value_columns.size(), 2u) << "PM2.5 and PM10; not the wind";
  EXPECT_EQ(g.format->value_columns[0].pollutant, Pollutant::Pm25);
  const ImportResult r = import_csv(text, "bangkok.csv", *g.format);
  ASSERT_EQ(r.readings.size(), 2u) << r.fatal;
  EXPECT_DOUBLE_EQ(r.readings[0].value, 20.5);
  EXPECT_DOUBLE_EQ(r.readings[0].where.lng, 100.5503);
}

TEST(CsvGuess, WhatCannotBeToldIsNamed) {
  const CsvGuess g = guess_csv_format(sniffed("when,where,how much\n2024-03-01,Bangkok,20\n"), "mine.csv");
  EXPECT_FALSE(g.format);
  EXPECT_EQ(g.missing, (std::vector<std::string>{"a time", "a station", "coordinates", "values"}));
  const CsvGuess points = guess_csv_format(sniffed("name,lat,lon\nA,13.7,100.5\n"), "points.csv");
  EXPECT_EQ(points.missing, (std::vector<std::string>{"a time", "values"})) << "points without readings";
}

}  // namespace
}  // namespace ccap::airquality

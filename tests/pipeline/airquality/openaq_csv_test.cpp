// The OpenAQ archive CSV importer on files written for the purpose: good rows, each kind of bad
// record counted under its reason, and files that cannot be read at all.
#include "pipeline/airquality/openaq_csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace ccap::airquality {
namespace {

const std::string kHeader = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";

std::size_t count(const ImportReport& r, Reject why) { return r.rejected[static_cast<std::size_t>(why)]; }

}  // namespace

TEST(OpenAqCsv, ReadsGoodRowsAndNormalisesUnits) {
  const std::string csv =
      kHeader +
      "8118,3917,\"Fengyuan, Taichung\",2024-03-01T05:00:00+08:00,24.2565,120.7417,pm25,µg/m³,18.5\r\n"
      "8118,3918,\"Fengyuan, Taichung\",2024-03-01T05:00:00+08:00,24.2565,120.7417,no2,ppb,10\r\n"
      "8118,3919,\"Fengyuan, Taichung\",2024-03-01T05:00:00+08:00,24.2565,120.7417,o3,ppm,0.05\n";
  const auto r = import_openaq_csv(csv, "taichung.csv");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.readings.size(), 3u);
  EXPECT_EQ(r.rejected_total(), 0u);
  EXPECT_EQ(r.readings[0].station, "8118");
  EXPECT_EQ(r.readings[0].station_name, "Fengyuan, Taichung");
  EXPECT_DOUBLE_EQ(r.readings[0].value, 18.5);
  EXPECT_DOUBLE_EQ(r.readings[0].where.lat, 24.2565);
  EXPECT_EQ(r.readings[0].time, 1709240400) << "05:00 at +08:00 is 21:00 UTC the day before";
  EXPECT_NEAR(r.readings[1].value, 18.8161, 1e-3) << "10 ppb NO2";
  EXPECT_NEAR(r.readings[2].value, 98.156, 1e-3) << "0.05 ppm O3";
}

TEST(OpenAqCsv, EveryKindOfBadRecordIsCountedNotDropped) {
  const std::string ok = "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,";
  const std::string csv = kHeader + ok + "pm25,ug/m3,\n" +                            // missing value
                          ok + "pm25,ug/m3,-3\n" +                                    // negative
                          ok + "pm25,ug/m3,99999\n" +                                 // impossible spike
                          ok + "pm25,ug/m3,1e999\n" +                                 // a number too large to be one
                          ok + "pm25,ug/m3,abc\n" +                                   // not a number
                          ok + "pm25,furlongs,12\n" +                                 // unknown unit
                          ok + "pm10,ppb,12\n" +                                      // a mixing ratio for particles
                          ok + "bc,ug/m3,1.2\n" +                                     // a pollutant not drawn
                          "1,1,A,yesterday,13.75,100.5,pm25,ug/m3,12\n"               // bad time
                          "1,1,A,2024-03-01T00:00:00Z,,100.5,pm25,ug/m3,12\n"         // no latitude
                          "1,1,A,2024-03-01T00:00:00Z,95,100.5,pm25,ug/m3,12\n"       // latitude out of range
                          "1,1,\"A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n"  // broken quoting
                          "1,1,A,13.75,100.5,pm25,ug/m3,12\n" +                       // a field missing
                          ok +
                          "pm25,ug/m3,12\n" +      // good
                          ok + "pm25,ug/m3,14\n";  // duplicate time
  const auto r = import_openaq_csv(csv, "bad.csv");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.readings.size(), 1u);
  EXPECT_DOUBLE_EQ(r.readings[0].value, 12) << "the first of the duplicates is kept";
  EXPECT_EQ(count(r, Reject::MissingValue), 1u);
  EXPECT_EQ(count(r, Reject::Negative), 1u);
  EXPECT_EQ(count(r, Reject::ImpossibleSpike), 1u);
  EXPECT_EQ(count(r, Reject::Malformed), 4u);
  EXPECT_EQ(count(r, Reject::UnknownUnit), 2u);
  EXPECT_EQ(count(r, Reject::UnknownPollutant), 1u);
  EXPECT_EQ(count(r, Reject::BadTime), 1u);
  EXPECT_EQ(count(r, Reject::BadCoordinates), 2u);
  EXPECT_EQ(count(r, Reject::DuplicateTime), 1u);
  EXPECT_EQ(r.rejected_total(), 14u) << "15 rows: one reading, fourteen rejects, none lost";
  EXPECT_EQ(r.examples.front(), "bad.csv:2: missing value");
}

TEST(OpenAqCsv, FilesThatCannotBeReadAreFatalWithAReason) {
  EXPECT_EQ(import_openaq_csv("", "e.csv").fatal, "e.csv: the file is empty");
  EXPECT_EQ(import_openaq_csv("\n\r\n", "e.csv").fatal, "e.csv: the file is empty");
  const auto wrong = import_openaq_csv("id,value\n1,2\n", "w.csv");
  EXPECT_NE(wrong.fatal.find("w.csv:1: header is 'id,value', expected 'location_id,"), std::string::npos)
      << wrong.fatal;
  // A first line of megabytes (a binary file, a CSV with no line breaks) is not echoed whole.
  const auto huge = import_openaq_csv(std::string(3'000'000, 'x') + "\n", "h.csv");
  EXPECT_LT(huge.fatal.size(), 400u);
  EXPECT_NE(huge.fatal.find("(3000000 bytes)"), std::string::npos) << huge.fatal.substr(0, 300);
  const auto latin1 = import_openaq_csv(kHeader + "1,1,S\xE3o Paulo,2024-03-01T00:00:00Z,0,0,pm25,ug/m3,1\n", "l.csv");
  EXPECT_EQ(latin1.fatal, "l.csv:2: not UTF-8 text (a broken or legacy encoding)") << "names the line";
  EXPECT_TRUE(latin1.readings.empty());
  // A byte-order mark and a quoted header are fine.
  const auto bom = import_openaq_csv(
      "\xEF\xBB\xBF\"location_id\",\"sensors_id\",\"location\",\"datetime\",\"lat\",\"lon\",\"parameter\",\"units\","
      "\"value\"\n"
      "1,1,A,2024-03-01 00:00,0,0,pm25,ug/m3,1\n",
      "b.csv");
  EXPECT_TRUE(bom.fatal.empty()) << bom.fatal;
  EXPECT_EQ(bom.readings.size(), 1u);
}

// Read a line at a time: a record of megabytes is one malformed record, not a reason to hold the
// file, and the lines after it are read on.
TEST(OpenAqCsv, ARecordTooLongToBeOneIsMalformedAndTheRestIsRead) {
  const std::string ok = "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n";
  const auto r = import_openaq_csv(kHeader + "1,1,\"" + std::string(kMaxOpenAqLine * 3, 'x') + "\"\n" + ok, "long.csv");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  EXPECT_EQ(count(r, Reject::Malformed), 1u);
  ASSERT_EQ(r.readings.size(), 1u);
  EXPECT_EQ(r.examples.front(), "long.csv:2: malformed record");
  // Cut inside a character ("é" is two bytes; one byte in front puts the cut in the middle of one):
  // still a malformed record, not a file that is not UTF-8.
  std::string accents = "x";
  while (accents.size() < kMaxOpenAqLine * 2) accents += "\xC3\xA9";
  const auto cut = import_openaq_csv(kHeader + accents + "\n" + ok, "cut.csv");
  EXPECT_TRUE(cut.fatal.empty()) << cut.fatal;
  EXPECT_EQ(count(cut, Reject::Malformed), 1u);
  EXPECT_EQ(cut.readings.size(), 1u);
  // Bad bytes before the cut are still found.
  const auto bad = import_openaq_csv(kHeader + "\xE3" + accents + "\n" + ok, "bad.csv");
  EXPECT_EQ(bad.fatal, "bad.csv:2: not UTF-8 text (a broken or legacy encoding)");
}

// Streamed from disk: the same readings as from memory, and a file that cannot be opened is fatal.
TEST(OpenAqCsv, StreamsAFileIntoASink) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("ccap-openaq-stream-" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path) << kHeader << "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n"
                      << "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,13\n";
  ReadingList list;
  const ImportReport r = import_openaq_csv_file(path.string(), list);
  EXPECT_TRUE(r.fatal.empty()) << r.fatal;
  EXPECT_EQ(r.accepted, 1u);
  EXPECT_EQ(count(r, Reject::DuplicateTime), 1u);
  EXPECT_EQ(r.examples.front(), path.string() + ":3: a different value for a time already read (the first kept)")
      << "a duplicate names its line";
  const auto kept = list.take();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_DOUBLE_EQ(kept[0].value, 12);
  fs::remove(path);
  ReadingList none;
  const ImportReport missing = import_openaq_csv_file(path.string(), none);
  EXPECT_EQ(missing.fatal.rfind(path.string() + ": cannot be opened: ", 0), 0u) << missing.fatal;
}

TEST(Iso8601, Forms) {
  std::int64_t t = 0;
  ASSERT_TRUE(parse_iso8601("1970-01-01T00:00:00Z", t));
  EXPECT_EQ(t, 0);
  ASSERT_TRUE(parse_iso8601("2024-02-29T12:30:00-05:00", t));
  EXPECT_EQ(t, 1709227800);
  ASSERT_TRUE(parse_iso8601("2024-03-01 05:00", t));
  EXPECT_EQ(t, 1709269200);
  ASSERT_TRUE(parse_iso8601("2024-03-01T05:00:00.250Z", t));
  EXPECT_FALSE(parse_iso8601("2024-13-01T00:00:00Z", t));
  EXPECT_FALSE(parse_iso8601("2024-03-01T00:00:00+0800", t));
  EXPECT_FALSE(parse_iso8601("03/01/2024 05:00", t));
}

// The pipeline allocates a series over the span of the readings' times: a date it half-read
// ("20x4" as year 20) made it allocate gigabytes. Every field is read whole, as a real date.
TEST(Iso8601, RefusesWhatItCouldOnlyHalfRead) {
  std::int64_t t = 0;
  for (const char* bad :
       {"20x4-01-01T00:00:00Z", "2024-0x-01T00:00:00Z", "2024-01-0xT00:00:00Z", "2024-01-01T0x:00:00Z",
        "2024-01-01T00:0x:00Z", "2024-01-01T00:00:0xZ", "-024-01-01T00:00:00Z", "2024-+1-01T00:00:00Z",
        "2024- 1-01T00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
        "0020-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "2024-01-01T00:00:00+15:00",
        "2024-01-01T00:00:00+01:60", "2024-01-01T00:00:00.Z", "2024-01-01T24:00:00Z"})
    EXPECT_FALSE(parse_iso8601(bad, t)) << bad;
  EXPECT_TRUE(parse_iso8601("2024-02-29T00:00:00+14:00", t));
  EXPECT_TRUE(parse_iso8601("2000-02-29T00:00:00Z", t));  // a leap year though a century
  EXPECT_TRUE(parse_iso8601("2100-12-31T23:59:60Z", t));  // a leap second
}

// The years and hours are read in UTC whatever the machine's zone: a pipeline run in Kiribati
// (UTC+14) files New Year's Eve under the same hour as one run in Hawaii (UTC-10).
TEST(Iso8601, TheMachinesZoneNeverEnters) {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  std::int64_t reference = 0;
  ASSERT_TRUE(parse_iso8601("2100-12-31 23:30:00", reference));
  for (const char* zone : {"KIR-14", "HST10", "UTC0"}) {
    setenv("TZ", zone, 1);
    tzset();
    std::int64_t t = 0;
    EXPECT_TRUE(parse_iso8601("2100-12-31 23:30:00", t)) << zone;  // the last year, not "next year" locally
    EXPECT_EQ(t, reference) << zone;
    EXPECT_FALSE(parse_iso8601("2101-01-01 00:30:00", t)) << zone;
    EXPECT_TRUE(parse_iso8601("1970-01-01T00:30:00Z", t)) << zone;
    EXPECT_EQ(t, 1800) << zone;
  }
  if (before)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST(OpenAqCsv, AnEmptyStationIdIsRejected) {
  const ImportResult r = import_openaq_csv(
      "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
      ",1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n"
      "2,1,B,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n",
      "ids.csv");
  EXPECT_EQ(r.readings.size(), 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::MissingStation)], 1u);
}

// A leap second stays in its own minute and hour: it once counted as the next day's 00:00 and
// then knocked out the real 00:00 reading as a duplicate.
TEST(Iso8601, ALeapSecondIsItsMinutesLastSecond) {
  std::int64_t leap = 0, before = 0, midnight = 0;
  ASSERT_TRUE(parse_iso8601("2016-12-31T23:59:60Z", leap));
  ASSERT_TRUE(parse_iso8601("2016-12-31T23:59:59Z", before));
  ASSERT_TRUE(parse_iso8601("2017-01-01T00:00:00Z", midnight));
  EXPECT_EQ(leap, before);
  const std::string csv =
      "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
      "1,1,A,2016-12-31T23:59:60Z,13.75,100.5,pm25,ug/m3,12\n"
      "1,1,A,2017-01-01T00:00:00Z,13.75,100.5,pm25,ug/m3,14\n";
  const ImportResult r = import_openaq_csv(csv, "leap.csv");
  EXPECT_EQ(r.readings.size(), 2u) << "the midnight reading is not a repeat of the leap second";
  EXPECT_EQ(r.rejected_total(), 0u);
}

}  // namespace ccap::airquality

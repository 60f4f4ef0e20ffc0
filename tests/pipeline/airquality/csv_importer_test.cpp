// The one CSV importer with each format: the AirNow embassy files (QC decides, -999 is missing,
// local time), data.gov.sg's regions (gzipped), a column-mapped export; on the real files (counts
// pinned, geodata/airquality/datasets/*/PROVENANCE.md) and on hostile variants.
#include "pipeline/airquality/csv_importer.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "features/air/import/csv_formats.h"
#include "features/air/import/line_splitter.h"
#include "features/air/import/series_builder.h"
#include "pipeline/archive_bytes.h"
#include "test_paths.h"

namespace ccap::airquality {
namespace {

std::size_t count(const ImportReport& r, Reject why) { return r.rejected[static_cast<std::size_t>(why)]; }

const std::string kAirNowHeader =
    "Site,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,Raw Conc.,Conc. Unit,Duration,"
    "QC Name\r\n";
std::string airnow_row(const std::string& date, const std::string& raw, const std::string& qc,
                       const std::string& duration = "1 Hr") {
  // date: "2016,01,01,01"
  return "Ulaanbaatar,PM2.5 - Principal,x," + date + ",1.0,1,Good," + raw + ",UG/M3," + duration + "," + qc + "\r\n";
}
CsvFormat ulaanbaatar() {
  return airnow_embassy_format({{"Ulaanbaatar", {"us-embassy-ulaanbaatar", "U.S. Embassy", {106.88, 47.91}}}}, 8 * 60);
}

TEST(AirNowCsv, KeepsValidHoursInLocalTimeAndCountsTheRestByReason) {
  const auto r = import_csv(
      kAirNowHeader + airnow_row("2016,01,01,01", "314.0", "Valid") +  // UTC 2015-12-31 17:00
          airnow_row("2016,01,01,02", "-999.0", "Missing") +
          airnow_row("2016,01,01,03", "-999.0", "Valid") +  // missing though Valid
          airnow_row("2016,01,01,04", "50.0", "Invalid") + airnow_row("2016,01,01,05", "50.0", "Suspect") +
          airnow_row("2016,01,01,06", "50.0", "Reviewed") +  // a flag it does not know
          airnow_row("2016,01,01,07", "-3.0", "Valid") + airnow_row("2016,01,01,08", "12.0", "Valid", "24 Hr") +
          airnow_row("2016,01,01,01", "300.0", "Valid") +  // the same hour, another value
          airnow_row("2016,13,01,09", "12.0", "Valid") +
          "Elsewhere,PM2.5 - Principal,x,2016,01,01,10,1,1,Good,5.0,UG/M3,1 Hr,Valid\r\n",
      "ub.csv", ulaanbaatar());
  ASSERT_EQ(r.fatal, "");
  ASSERT_EQ(r.readings.size(), 1u);
  EXPECT_EQ(r.readings[0].station, "us-embassy-ulaanbaatar");
  EXPECT_EQ(r.readings[0].time, 1451581200)
      << "01:00 in Ulaanbaatar (UTC+8) on New Year's Day is 17:00 UTC the day before";
  EXPECT_DOUBLE_EQ(r.readings[0].value, 314);
  EXPECT_EQ(count(r, Reject::MissingValue), 2u);
  EXPECT_EQ(count(r, Reject::FailedQc), 2u);
  EXPECT_EQ(count(r, Reject::UnknownQc), 1u);
  EXPECT_EQ(count(r, Reject::Negative), 1u);
  EXPECT_EQ(count(r, Reject::Malformed), 1u) << "a 24-hour value is not an hour's";
  EXPECT_EQ(count(r, Reject::DuplicateTime), 1u);
  EXPECT_EQ(count(r, Reject::BadTime), 1u);
  EXPECT_EQ(count(r, Reject::UnknownStation), 1u);
  EXPECT_EQ(r.rejected_total() + r.readings.size(), 11u) << "every row a reading or a reject";
}

TEST(AirNowCsv, AHeaderWithoutItsColumnsIsFatal) {
  const auto r = import_csv("Site,Parameter,Year\n", "short.csv", ulaanbaatar());
  EXPECT_EQ(r.fatal,
            "short.csv:1: header is 'Site,Parameter,Year', without the column 'Month' that the AirNow "
            "embassy CSV has");
  EXPECT_EQ(import_csv("", "empty.csv", ulaanbaatar()).fatal, "empty.csv: the file is empty");
}

// The real files, 2015 to February 2025 (geodata/airquality/datasets/ulaanbaatar-us-embassy).
TEST(AirNowCsv, TheRealUlaanbaatarFiles) {
  SeriesBuilder builder;
  std::size_t accepted = 0, rejected = 0, failed_qc = 0, negative = 0;
  for (int year = 2015; year <= 2025; ++year) {
    const ImportReport r = import_csv_file(
        CCAP_DATASETS "/ulaanbaatar-us-embassy/raw/Ulaanbaatar_PM2.5_" + std::to_string(year) + "_YTD.csv.gz",
        ulaanbaatar(), builder);
    ASSERT_EQ(r.fatal, "") << year;
    accepted += r.accepted;
    rejected += r.rejected_total();
    failed_qc += count(r, Reject::FailedQc);
    negative += count(r, Reject::Negative);
    if (year == 2015) {
      EXPECT_EQ(r.accepted, 1294u) << "PROVENANCE.md: 1,294 valid hours in 2015";
    }
    if (year == 2024) {
      EXPECT_EQ(r.accepted, 8274u) << "PROVENANCE.md: 8,274 valid hours in 2024";
    }
  }
  EXPECT_EQ(accepted, 67206u);
  EXPECT_EQ(rejected, 12499u);
  EXPECT_EQ(failed_qc, 2636u);
  EXPECT_EQ(negative, 365u);
  const SeriesBuild build = builder.finish();
  ASSERT_EQ(build.error, "");
  EXPECT_EQ(build.data.stations.size(), 1u);
  EXPECT_EQ(build.data.hours, 81080u);
}

TEST(DataGovSgCsv, ReadsTheRegionsGzippedInSingaporeTime) {
  const CsvFormat f = datagovsg_regional_format({{"north", {"sg-north", "North", {103.82, 1.418}}}});
  const std::string text =
      "region,pm25_one_hourly,timestamp_sgt\nnorth,13,2016-12-01 00:00:00\nnowhere,9,2016-12-01 "
      "00:00:00\nnorth,,2016-12-01 01:00:00\n";
  const std::string path = test::temp_file("sg.csv.gz", test::gzip(text));
  ReadingList list;
  const ImportReport r = import_csv_file(path, f, list);
  ASSERT_EQ(r.fatal, "");
  const auto kept = list.take();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].station, "sg-north");
  EXPECT_EQ(kept[0].time, 1480521600) << "midnight in Singapore is 16:00 UTC the day before";
  EXPECT_EQ(count(r, Reject::UnknownStation), 1u);
  EXPECT_EQ(count(r, Reject::MissingValue), 1u);
  // Cut short, the gzip is fatal: nothing of it may be used.
  const std::string packed = test::gzip(text + std::string(4000, '\n'));
  const std::string cut = test::temp_file("sg-cut.csv.gz", packed.substr(0, packed.size() - 10));
  ReadingList none;
  EXPECT_EQ(import_csv_file(cut, f, none).fatal, cut + ": the gzip data is cut short (a truncated file)");
  std::remove(path.c_str());
  std::remove(cut.c_str());
}

// A column-mapped export, as the Colombo extract is (datetime with its offset, a column per pollutant).
TEST(MappedCsv, TheRealColomboExtract) {
  CsvFormat f;
  f.name = "the Colombo columns";
  f.time_column = "datetime";
  f.station_column = "location_id";
  f.name_column = "location";
  f.latitude_column = "latitude";
  f.longitude_column = "longitude";
  f.value_columns = {{"pm25", Pollutant::Pm25}};
  SeriesBuilder builder;
  const ImportReport r = import_csv_file(CCAP_DATASETS "/colombo-openaq/raw/pm25_raw.csv", f, builder);
  ASSERT_EQ(r.fatal, "");
  EXPECT_EQ(r.accepted, 1076u) << "7802's 1,000 rows, and 76 of 8054's";
  EXPECT_EQ(count(r, Reject::MissingValue), 924u) << "PROVENANCE.md: 924 of 8054's rows have no pm25";
  const SeriesBuild build = builder.finish();
  ASSERT_EQ(build.error, "");
  EXPECT_EQ(build.data.stations.size(), 2u);
  // Readings at :00 and :30 of an hour are one hour's mean (here the same value twice).
  const auto& s = build.data.series[0];
  EXPECT_FLOAT_EQ(s.values[0], 34) << "2023-01-01T06:00+05:30 and 06:30, both 34";
}

}  // namespace
}  // namespace ccap::airquality

namespace ccap::airquality {
namespace {

// A file handed over a few bytes at a time (as the browser streams one: LineSplitter into
// CsvImport) is read exactly as the whole file is: the same readings, rejects and examples.
TEST(CsvImport, PushedInPiecesItReadsAsTheWholeFile) {
  const std::string text =
      "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\r\n"
      "3428,8776,\"Colombo, US Embassy\",2024-03-01T05:00:00+05:30,6.9,79.85,pm25,µg/m³,31.2\r\n"
      "3428,8776,\"Colombo, US Embassy\",2024-03-01T06:00:00+05:30,6.9,79.85,pm25,µg/m³,-4\n"
      "3428,8777,\"Colombo, US Embassy\",not a time,6.9,79.85,pm10,µg/m³,40\n"
      "3428,8777,\"Colombo, US Embassy\",2024-03-01T06:00:00+05:30,6.9,79.85,pm10,µg/m³,44";
  const CsvFormat format = openaq_archive_format();
  const ImportResult whole = import_csv(text, "whole.csv", format);
  ASSERT_EQ(whole.fatal, "");
  EXPECT_EQ(whole.accepted, 2u);
  EXPECT_EQ(whole.rejected_total(), 2u);
  for (std::size_t piece : {1u, 7u, 64u}) {
    ImportResult pushed = keep_readings([&](ReadingSink& sink) {
      CsvImport csv("whole.csv", format, sink);
      LineSplitter lines(kMaxCsvLine);
      const auto on_line = [&](const LineSplitter::Line& l) { csv.line(l.text, l.length, l.number); };
      for (std::size_t i = 0; i < text.size(); i += piece) lines.feed(std::string_view(text).substr(i, piece), on_line);
      lines.finish(on_line);
      return csv.finish();
    });
    EXPECT_EQ(pushed.accepted, whole.accepted) << piece;
    EXPECT_EQ(pushed.rejected, whole.rejected) << piece;
    EXPECT_EQ(pushed.examples, whole.examples) << piece;
    ASSERT_EQ(pushed.readings.size(), whole.readings.size());
    for (std::size_t i = 0; i < whole.readings.size(); ++i) {
      EXPECT_EQ(pushed.readings[i].time, whole.readings[i].time);
      EXPECT_EQ(pushed.readings[i].value, whole.readings[i].value);
    }
  }
  const ImportResult empty =
      keep_readings([&](ReadingSink& sink) { return CsvImport("empty.csv", format, sink).finish(); });
  EXPECT_EQ(empty.fatal, "empty.csv: the file is empty");
}

// A spreadsheet saved where the decimal mark is a comma: fields split at ';', "13,75" is a number,
// and a quoted "1;2" is one field; a '.' where a comma is the mark is no number.
TEST(MappedCsv, ASemicolonSeparatedFileWithDecimalCommas) {
  CsvFormat f;
  f.name = "the city's export";
  f.separator = ';';
  f.decimal_comma = true;
  f.time_column = "time";
  f.station_column = "station";
  f.latitude_column = "lat";
  f.longitude_column = "lon";
  f.value_columns = {{"pm25", Pollutant::Pm25}};
  const ImportResult r = import_csv(
      "station;lat;lon;time;pm25\n"
      "\"Din Daeng; kerbside\";13,7649;100,5503;2024-03-01T05:00:00+07:00;20,5\n"
      "B;13,8;100,6;2024-03-01T05:00:00+07:00;18.5\n",
      "export.csv", f);
  ASSERT_EQ(r.fatal, "");
  ASSERT_EQ(r.readings.size(), 1u);
  EXPECT_EQ(r.readings[0].station, "Din Daeng; kerbside");
  EXPECT_DOUBLE_EQ(r.readings[0].value, 20.5);
  EXPECT_DOUBLE_EQ(r.readings[0].where.lat, 13.7649);
  EXPECT_EQ(count(r, Reject::Malformed), 1u) << "18.5 where the mark is a comma";
}

// A file of UTM eastings and northings (the blank map kepler.gl's users meet): said as such.
TEST(MappedCsv, ProjectedCoordinatesAreSaidToBeMetresNotDegrees) {
  CsvFormat f;
  f.name = "a surveyor's export";
  f.time_column = "time";
  f.station_column = "station";
  f.latitude_column = "y";
  f.longitude_column = "x";
  f.value_columns = {{"pm25", Pollutant::Pm25}};
  const ImportResult r = import_csv(
      "station,x,y,time,pm25\n"
      "A,664301.2,1522166.9,2024-03-01T05:00:00+07:00,20\n"
      "B,100.6,95.1,2024-03-01T05:00:00+07:00,20\n",
      "utm.csv", f);
  EXPECT_EQ(count(r, Reject::ProjectedCoordinates), 1u);
  EXPECT_EQ(count(r, Reject::BadCoordinates), 1u) << "a latitude of 95 is a mistake, not a projection";
  EXPECT_NE(r.examples.front().find("metres of a map projection"), std::string::npos) << r.examples.front();
}

}  // namespace
}  // namespace ccap::airquality

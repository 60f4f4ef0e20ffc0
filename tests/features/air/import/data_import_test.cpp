// Someone's own files read as the app reads them (features/air/import/data_import.h): in chunks of
// any size, told from their bytes, each file on its own, merged, with a report that accounts for
// every record.
#include "features/air/import/data_import.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "features/air/import/csv_guess.h"
#include "features/air/import/csv_import.h"

namespace ccap::airquality {
namespace {

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Hands `text` over in pieces of `chunk` bytes, as the page does.
void read_file(DataImport& in, const std::string& name, std::string_view text, std::size_t chunk = 4096) {
  in.begin_file(name, text.size());
  for (std::size_t at = 0; at < text.size(); at += chunk)
    if (!in.feed(bytes_of(text.substr(at, chunk)))) break;
  in.end_file();
}

const char* kOpenaq =
    "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\r\n"
    "3428,8776,\"Colombo, US Embassy\",2024-03-01T05:00:00+05:30,6.9,79.85,pm25,µg/m³,31.2\r\n"
    "3428,8776,\"Colombo, US Embassy\",2024-03-01T06:00:00+05:30,6.9,79.85,pm25,µg/m³,-4\n"
    "3428,8777,\"Colombo, US Embassy\",not a time,6.9,79.85,pm10,µg/m³,40\n"
    "3428,8777,\"Colombo, US Embassy\",2024-03-01T06:00:00+05:30,6.9,79.85,pm10,µg/m³,44";

double value_at(const AirQualityData& d, const std::string& station, Pollutant p, std::int64_t t) {
  for (const AirSeries& s : d.series)
    if (d.stations[s.station].id == station && s.pollutant == p) {
      const std::int64_t h = (t - d.first_hour) / 3600;
      return h >= 0 && h < static_cast<std::int64_t>(s.values.size()) ? s.values[static_cast<std::size_t>(h)] : NAN;
    }
  return NAN;
}

TEST(DataImport, AnOpenaqFileInPiecesOfAnySizeReadsAsAWholeWithItsReport) {
  for (std::size_t chunk : {1u, 7u, 64u, 100000u}) {
    DataImport in;
    read_file(in, "colombo.csv", kOpenaq, chunk);
    EXPECT_EQ(in.accepted(), 2u);
    EXPECT_EQ(in.rejected(), 2u);
    const ImportOutcome out = in.finish();
    ASSERT_TRUE(out.data) << out.error;
    ASSERT_EQ(out.files.size(), 1u);
    const ImportedFile& f = out.files[0];
    EXPECT_EQ(f.kind, FileKind::OpenaqArchiveCsv);
    EXPECT_EQ(f.lines, 5u);
    EXPECT_EQ(f.bytes, std::string_view(kOpenaq).size());
    EXPECT_TRUE(f.done);
    EXPECT_EQ(f.readings[static_cast<std::size_t>(Pollutant::Pm25)], 1u);
    EXPECT_EQ(f.readings[static_cast<std::size_t>(Pollutant::Pm10)], 1u);
    EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::Negative)], 1u);
    EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::BadTime)], 1u);
    ASSERT_EQ(f.report.examples.size(), 2u);
    EXPECT_EQ(f.report.examples[0].rfind("colombo.csv:3: ", 0), 0u) << f.report.examples[0];
    EXPECT_EQ(f.stations, 1u);
    EXPECT_EQ(f.first, 1709249400 - 0);  // 2024-03-01T05:00+05:30 = 2024-02-29T23:30Z
    EXPECT_EQ(f.last, 1709253000);
    ASSERT_EQ(out.data->stations.size(), 1u);
    EXPECT_EQ(out.data->stations[0].source, "OpenAQ");
    EXPECT_NEAR(value_at(*out.data, "3428", Pollutant::Pm25, 1709249400), 31.2, 1e-4);
  }
}

// Two files of one location: one station; an hour both give alike is one value, an hour they give
// differently keeps the first file's and is counted.
TEST(DataImport, TwoFilesWhoseStationsOverlapAreOneStationAndTheirConflictsAreCounted) {
  const std::string header = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";
  DataImport in;
  read_file(
      in, "day1.csv",
      header +
          "7,1,A,2024-03-01T00:00:00Z,6.9,79.85,pm25,µg/m³,10\n7,1,A,2024-03-01T01:00:00Z,6.9,79.85,pm25,µg/m³,11\n");
  read_file(
      in, "day2.csv",
      header +
          "7,1,A,2024-03-01T01:00:00Z,6.9,79.85,pm25,µg/m³,12\n7,1,A,2024-03-01T02:00:00Z,6.9,79.85,pm25,µg/m³,13\n");
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  ASSERT_EQ(out.data->stations.size(), 1u);
  EXPECT_EQ(out.data->hours, 3u);
  EXPECT_EQ(out.overlaps.rejected[static_cast<std::size_t>(Reject::DuplicateTime)], 1u);
  ASSERT_EQ(out.overlaps.examples.size(), 1u);
  EXPECT_NE(out.overlaps.examples[0].find("day2.csv"), std::string::npos) << out.overlaps.examples[0];
  EXPECT_NEAR(value_at(*out.data, "7", Pollutant::Pm25, 1709254800), 11, 1e-4);
  EXPECT_NEAR(value_at(*out.data, "7", Pollutant::Pm25, 1709258400), 13, 1e-4);
}

TEST(DataImport, ASemicolonFileWithDecimalCommasIsReadWithoutADescription) {
  DataImport in;
  read_file(in, "export.csv",
            "Station;Latitude;Longitude;Timestamp;PM2.5;PM10\n"
            "Fengyuan;24,256586;120,741711;2024-03-01T05:00:00+08:00;18,5;40\n"
            "Fengyuan;24,256586;120,741711;2024-03-01T06:00:00+08:00;20,25;\n",
            9);
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error << (out.files.empty() ? "" : out.files[0].report.fatal);
  EXPECT_EQ(out.files[0].kind, FileKind::PointsCsv);
  EXPECT_NEAR(value_at(*out.data, "Fengyuan", Pollutant::Pm25, 1709240400), 18.5, 1e-4);
  EXPECT_NEAR(value_at(*out.data, "Fengyuan", Pollutant::Pm25, 1709244000), 20.25, 1e-4);
  EXPECT_EQ(out.files[0].report.rejected[static_cast<std::size_t>(Reject::MissingValue)], 1u);
  EXPECT_NEAR(out.data->stations[0].where.lat, 24.256586, 1e-9);
}

// What cannot be told asks for columns; chosen, the same bytes read.
TEST(DataImport, ACsvWhoseColumnsCannotBeToldNamesWhatIsMissingAndReadsOnceTheyAreChosen) {
  const std::string text = "when,where_x,where_y,what\n2024-03-01 05:00:00,100.5,13.7,33\n";
  DataImport in;
  read_file(in, "mine.csv", text);
  ImportOutcome out = in.finish();
  EXPECT_FALSE(out.data);
  ASSERT_EQ(out.files.size(), 1u);
  EXPECT_EQ(out.files[0].kind, FileKind::Csv);
  EXPECT_EQ(out.files[0].header, (std::vector<std::string>{"when", "where_x", "where_y", "what"}));
  EXPECT_EQ(out.files[0].missing_columns, (std::vector<std::string>{"a time", "a station", "coordinates", "values"}));
  EXPECT_NE(out.error.find("mine.csv: its header does not say which columns hold a time, a station"), std::string::npos)
      << out.error;

  CsvFormat chosen;
  chosen.time_column = "when";
  chosen.longitude_column = "where_x";
  chosen.latitude_column = "where_y";
  chosen.station_column = "where_x";
  chosen.value_columns = {{"what", Pollutant::Pm25}};
  DataImport again;
  again.begin_file("mine.csv", text.size(), &chosen);
  again.feed(bytes_of(text));
  again.end_file();
  out = again.finish();
  ASSERT_TRUE(out.data) << out.error;
  EXPECT_NEAR(value_at(*out.data, "100.5", Pollutant::Pm25, 1709269200), 33, 1e-4);
}

TEST(DataImport, AFileThatIsNoneOfTheFormatsIsNamedAndTheOthersAreUsed) {
  DataImport in;
  std::string binary(5000, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 37);
  read_file(in, "photo.jpg", binary);
  read_file(in, "book.xlsx", std::string("PK\x03\x04", 4) + std::string(600, 'x') + "[Content_Types].xml");
  read_file(in, "colombo.csv", kOpenaq);
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  ASSERT_EQ(out.files.size(), 3u);
  EXPECT_EQ(out.files[0].report.fatal.rfind("photo.jpg: ", 0), 0u) << out.files[0].report.fatal;
  EXPECT_EQ(out.files[1].report.fatal.rfind("book.xlsx: ", 0), 0u);
  EXPECT_NE(out.files[1].report.fatal.find("save the sheet as CSV"), std::string::npos) << out.files[1].report.fatal;
  EXPECT_TRUE(out.files[2].report.fatal.empty());
  EXPECT_EQ(out.data->stations.size(), 1u);
}

// A gzip cut short: the page's DecompressionStream fails part way. The file is left out whole.
TEST(DataImport, AFileCutShortIsLeftOutWholeAndSaysWhy) {
  DataImport in;
  const std::string text = kOpenaq;
  in.begin_file("cut.csv.gz", 100);
  in.feed(bytes_of(text.substr(0, 150)));
  in.end_file("the gzip data is cut short");
  const ImportOutcome out = in.finish();
  EXPECT_FALSE(out.data);
  EXPECT_EQ(out.error, "cut.csv.gz: the gzip data is cut short");
  EXPECT_FALSE(out.files[0].done);
}

TEST(DataImport, NationalFeedsAreReadWhole) {
  DataImport in;
  read_file(
      in, "aqx.json",
      R"({"records": [{"sitename": "Fengyuan", "county": "Taichung City", "siteid": "28", "longitude": "120.741711",
   "latitude": "24.256586", "publishtime": "2024/03/01 05:00:00", "pm2.5": "18", "pm10": "40"}]})",
      5);
  read_file(in, "air4thai.json", R"({"stations": [
  {"stationID": "10t", "nameEN": "Bang Na", "areaEN": "Bangkok", "lat": "13.666", "long": "100.605",
   "AQILast": {"date": "2024-03-01", "time": "05:00", "PM25": {"value": "25.3"}, "PM10": {"value": "-1"}}}]})");
  const ImportOutcome out = in.finish({{{"bangkok", "Bangkok", {100.5018, 13.7563}}}});
  ASSERT_TRUE(out.data) << out.error;
  EXPECT_EQ(out.files[0].kind, FileKind::MoenvJson);
  EXPECT_EQ(out.files[0].report.accepted, 2u);
  EXPECT_EQ(out.files[1].kind, FileKind::Air4thaiJson);
  EXPECT_EQ(out.files[1].report.accepted, 1u);
  EXPECT_EQ(out.data->stations.size(), 2u);
  // Bang Na is 20 km from Bangkok's marker: the city's; Fengyuan is near no partner city given.
  ASSERT_EQ(out.matches.size(), 1u);
  EXPECT_EQ(out.matches[0].station, "Bang Na");
  EXPECT_EQ(out.matches[0].city, "Bangkok");
  EXPECT_GT(out.matches[0].meters, 10'000);
  EXPECT_LT(out.matches[0].meters, kPartnerCityMeters);
  for (const AirStation& s : out.data->stations) EXPECT_EQ(s.city, s.id == "10t" ? "bangkok" : "");
}

TEST(DataImport, GeoJsonStationPointsAreStationsAndBadFeaturesAreCountedByReason) {
  DataImport in;
  read_file(in, "stations.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.5, 25.0]}, "properties": {"siteid": "12", "name": "Guting", "operator": "MOENV"}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [null, 25.0]}, "properties": {}},
    {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1,2],[3,4]]}, "properties": {}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13524000.5, 2875000.2]}, "properties": {}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 25]}, "properties": {}}
  ]})");
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  ASSERT_EQ(out.data->stations.size(), 1u);
  EXPECT_EQ(out.data->stations[0].id, "12");
  EXPECT_EQ(out.data->stations[0].operator_name, "MOENV");
  const ImportReport& r = out.files[0].report;
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::BadCoordinates)], 2u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::Malformed)], 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::ProjectedCoordinates)], 1u);
  EXPECT_EQ(out.files[0].stations, 1u);
}

// An agency's list of its monitors: where the stations are, no readings. Each row a station, its bad
// rows counted by reason.
TEST(DataImport, ACsvOfStationPointsWithoutReadingsIsStations) {
  DataImport in;
  read_file(in, "sites.csv",
            "site_id;site_name;lat;lon\n"
            "12;Guting;25,02;121,53\n"
            "13;Shilin;25,10;121,51\n"
            "13;Shilin again;25,10;121,51\n"
            "14;Far;26,5;122,5\n"
            "14;Moved;24,0;120,0\n"
            ";No id;25;121\n"
            "15;Metres;2766000;13530000\n"
            "16;Nowhere;95;121\n",
            5);
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  ASSERT_EQ(out.data->stations.size(), 3u);
  EXPECT_EQ(out.data->stations[0].name, "Guting");
  EXPECT_NEAR(out.data->stations[0].where.lat, 25.02, 1e-9);
  EXPECT_TRUE(out.data->series.empty());
  const ImportedFile& f = out.files[0];
  EXPECT_EQ(f.stations, 3u);
  EXPECT_EQ(f.report.accepted, 0u) << "stations, not readings";
  EXPECT_EQ(f.report.repeated, 1u);
  EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::MovedStation)], 1u);
  EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::MissingStation)], 1u);
  EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::ProjectedCoordinates)], 1u);
  EXPECT_EQ(f.report.rejected[static_cast<std::size_t>(Reject::BadCoordinates)], 1u);
  EXPECT_TRUE(air_quality_problems(*out.data).empty());
}

// AirNow's embassy files name their site, not where it is, and give local times: the built-in
// index says where the site is and in which zone (AirDataset::file_places); a site it does not know
// is an UnknownStation, never a station placed at a guess.
TEST(DataImport, AnAirNowFileIsPlacedAndTimedByTheBuiltInIndex) {
  const std::string text =
      "Site,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,Raw Conc.,Conc. Unit,Duration,QC "
      "Name\n"
      "Ulaanbaatar,PM2.5 - Principal,2024-01-01 01:00 AM,2024,01,01,01,146.5,222,Very Unhealthy,174.0,UG/M3,1 "
      "Hr,Valid\n"
      "Ulaanbaatar,PM2.5 - Principal,2024-01-01 02:00 AM,2024,01,01,02,200.2,275,Very Unhealthy,-999,UG/M3,1 "
      "Hr,Missing\n"
      "Ulaanbaatar,PM2.5 - Principal,2024-01-01 03:00 AM,2024,01,01,03,210.1,285,Very Unhealthy,220.0,UG/M3,1 "
      "Hr,Invalid\n"
      "Hanoi,PM2.5 - Principal,2024-01-01 01:00 AM,2024,01,01,01,46.5,122,Unhealthy,74.0,UG/M3,1 Hr,Valid\n";
  AirDataset ub;
  ub.files_format = "airnow-embassy";
  ub.files_utc_offset_minutes = 480;
  ub.file_places = {{"Ulaanbaatar", "us-embassy-ulaanbaatar", "U.S. Embassy Ulaanbaatar", {106.88324, 47.90771}}};
  DataImport in;
  in.know_places({ub});
  read_file(in, "Ulaanbaatar_PM2.5_2024_YTD.csv", text, 13);
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  EXPECT_EQ(out.files[0].kind, FileKind::AirnowCsv);
  ASSERT_EQ(out.data->stations.size(), 1u);
  EXPECT_EQ(out.data->stations[0].id, "us-embassy-ulaanbaatar");
  // 01:00 in Ulaanbaatar (UTC+8) is 17:00 UTC the day before.
  EXPECT_NEAR(value_at(*out.data, "us-embassy-ulaanbaatar", Pollutant::Pm25, 1704042000), 174, 1e-3);
  const ImportReport& r = out.files[0].report;
  EXPECT_EQ(r.accepted, 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::FailedQc)], 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::UnknownStation)], 1u)
      << "Hanoi: a site the index does not place";

  DataImport unknown;  // no index: every row is a station the file gives no place for
  read_file(unknown, "ub.csv", text);
  const ImportOutcome none = unknown.finish();
  EXPECT_FALSE(none.data);
  EXPECT_EQ(none.files[0].report.rejected[static_cast<std::size_t>(Reject::UnknownStation)], 2u) << "the valid rows";
}

TEST(DataImport, TheAppsOwnFileReadsBackAsItWasWritten) {
  AirQualityData d;
  d.first_hour = 1709251200;
  d.hours = 3;
  d.stations.push_back({"a", "Station A", "OpenAQ", "EPA", "CC BY 4.0", "", "", {100.5, 13.7}, false});
  d.series.push_back({0, Pollutant::Pm25, {5.25f, NAN, 7.5f}});
  d.series.push_back({0, Pollutant::No2, {NAN, 40.0f, NAN}});
  const std::vector<std::uint8_t> file = encode_air_quality(d);
  DataImport in;
  in.begin_file("mine.ccapaq", file.size());
  in.feed(file);
  in.end_file();
  const ImportOutcome out = in.finish();
  ASSERT_TRUE(out.data) << out.error;
  EXPECT_EQ(out.files[0].kind, FileKind::AirSeries);
  EXPECT_EQ(out.data->first_hour, d.first_hour);
  EXPECT_EQ(out.data->hours, 3u);
  EXPECT_EQ(out.data->stations[0].operator_name, "EPA");
  EXPECT_NEAR(value_at(*out.data, "a", Pollutant::Pm25, d.first_hour + 7200), 7.5, 1e-4);
  EXPECT_NEAR(value_at(*out.data, "a", Pollutant::No2, d.first_hour + 3600), 40, 1e-4);
  EXPECT_TRUE(std::isnan(value_at(*out.data, "a", Pollutant::Pm25, d.first_hour + 3600)));
}

TEST(DataImport, SyntheticDemoReadingsAreNotImportedAsMeasurements) {
  AirQualityData d;
  d.first_hour = 1709251200;
  d.hours = 1;
  d.stations.push_back({"a", "A", "synthetic demo data", "", "", "", "", {100.5, 13.7}, true});
  d.series.push_back({0, Pollutant::Pm25, {5.0f}});
  const std::vector<std::uint8_t> file = encode_air_quality(d);
  DataImport in;
  in.begin_file("demo.ccapaq", file.size());
  in.feed(file);
  in.end_file();
  const ImportOutcome out = in.finish();
  EXPECT_FALSE(out.data);
  EXPECT_NE(out.error.find("synthetic demo readings"), std::string::npos) << out.error;
}

TEST(DataImport, AJsonDocumentLargerThanTheLimitIsRefusedWithoutHoldingIt) {
  DataImport in;
  in.begin_file("huge.json", 0);
  const std::string start =
      R"({"records": [{"siteid": "1", "sitename": "A", "publishtime": "2024/03/01 00:00:00", "pm2.5": "5"},)";
  in.feed(bytes_of(start));
  const std::string block(1 << 20, ' ');
  bool wanted = true;
  for (std::size_t i = 0; wanted && i < (kMaxWholeFileBytes >> 20) + 2; ++i) wanted = in.feed(bytes_of(block));
  EXPECT_FALSE(wanted);
  in.end_file();
  const ImportOutcome out = in.finish();
  EXPECT_FALSE(out.data);
  EXPECT_NE(out.error.find("huge.json: more than 64 MB"), std::string::npos) << out.error;
}

// Fuzzer finding (fuzz_data_import): a header whose quote is never closed was said to be "without
// the column ''".
TEST(CsvImport, AHeaderWithAQuoteNotClosedSaysSo) {
  CsvFormat format;
  format.name = "q.csv";
  format.time_column = "time";
  format.station_column = "location";
  format.latitude_column = "lat";
  format.longitude_column = "lon";
  format.value_columns = {{"pm25", Pollutant::Pm25}};
  const ImportResult out =
      import_csv("location,lat,lon,time,pm25,\"Colombo, US\n1,6.9,79.8,2024-03-01T00:00:00Z,5\n", "q.csv", format);
  EXPECT_TRUE(out.readings.empty());
  EXPECT_NE(
      out.fatal.find("q.csv:1: header is 'location,lat,lon,time,pm25,\"Colombo, US', with a quote that is not closed"),
      std::string::npos)
      << out.fatal;
}

TEST(DataImport, NothingReadableSaysSoForEveryFile) {
  DataImport in;
  read_file(in, "a.txt", "hello\n");
  read_file(in, "b.csv", "");
  const ImportOutcome out = in.finish();
  EXPECT_FALSE(out.data);
  EXPECT_EQ(out.error, "none of the 2 files could be read");
  EXPECT_FALSE(out.files[0].report.fatal.empty());
  EXPECT_FALSE(out.files[1].report.fatal.empty());
}

}  // namespace
}  // namespace ccap::airquality

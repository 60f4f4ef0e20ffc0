// A file is told from its content: every format the atlas reads by its own first bytes, a CSV's
// separator and decimal comma, and what a file that is none of them looked like.
#include "features/air/import/file_kind.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

FileSniff sniff(std::string_view text) {
  return sniff_file({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

TEST(FileKind, EachFormatByItsContent) {
  EXPECT_EQ(sniff("\x1f\x8b\x08\x00").kind, FileKind::Gzip);
  EXPECT_EQ(sniff(std::string_view("CCAPAQ\0\0\3\0\0\0", 12)).kind, FileKind::AirSeries);
  EXPECT_EQ(sniff(R"({"type": "FeatureCollection", "features": []})").kind, FileKind::GeoJson);
  EXPECT_EQ(sniff(R"({"stations": [{"stationID": "02t", "AQILast": {"PM25": {"value": "12"}}}]})").kind,
            FileKind::Air4thaiJson);
  EXPECT_EQ(sniff(R"({"records": [{"sitename": "中山", "siteid": "12", "publishtime": "2026/08/01 10:00:00"}]})").kind,
            FileKind::MoenvJson);
  EXPECT_EQ(
      sniff(R"({"county": "臺北市", "stations": [{"site_id": "12", "publish_time": "2026/08/01 10:00:00"}]})").kind,
      FileKind::MoenvJson)
      << "the archiving crawler's spelling";
  EXPECT_EQ(sniff("location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
                  "3428,8776,\"Colombo, US Embassy\",2024-03-01T05:00:00+05:30,6.9,79.85,pm25,µg/m³,31.2\n")
                .kind,
            FileKind::OpenaqArchiveCsv);
  EXPECT_EQ(sniff("\xEF\xBB\xBFSite,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,Raw Conc.,"
                  "Conc. Unit,Duration,QC Name\n")
                .kind,
            FileKind::AirnowCsv)
      << "behind a byte-order mark";
  EXPECT_EQ(sniff("region,pm25_one_hourly,timestamp_sgt\nnorth,12,2024-03-01 05:00:00\n").kind, FileKind::DatagovsgCsv);
  const FileSniff points = sniff("station,Latitude,Longitude,pm25,time\nA,13.75,100.5,20,2024-03-01T05:00Z\n");
  EXPECT_EQ(points.kind, FileKind::PointsCsv);
  EXPECT_EQ(points.header, (std::vector<std::string>{"station", "Latitude", "Longitude", "pm25", "time"}));
  EXPECT_EQ(sniff("when,where,how much\n2024-03-01,Bangkok,20\n").kind, FileKind::Csv) << "columns to be chosen";
}

TEST(FileKind, ASemicolonOrTabSeparatedFileWithDecimalCommas) {
  const FileSniff semi = sniff("station;lat;lon;pm25\nA;13,75;100,5;20,4\nB;13,8;100,6;18\n");
  EXPECT_EQ(semi.kind, FileKind::PointsCsv);
  EXPECT_EQ(semi.separator, ';');
  EXPECT_TRUE(semi.decimal_comma);
  const FileSniff tab = sniff("station\tlatitude\tlongitude\tpm25\nA\t13.75\t100.5\t20\n");
  EXPECT_EQ(tab.separator, '\t');
  EXPECT_FALSE(tab.decimal_comma);
  const FileSniff comma = sniff("name,lat,lng\n\"Bangkok, Din Daeng\",13.76,100.55\n");
  EXPECT_EQ(comma.separator, ',') << "a quoted comma is not a separator";
  EXPECT_EQ(comma.header.size(), 3u);
}

TEST(FileKind, WhatAFileThatIsNoneOfThemLookedLike) {
  EXPECT_NE(sniff("PK\x03\x04\x14\x00").why.find("Excel workbook (.xlsx)"), std::string::npos);
  EXPECT_NE(sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").why.find(".xls"), std::string::npos);
  EXPECT_EQ(sniff("").why, "empty");
  EXPECT_EQ(sniff(" \n\r\n").why, "empty");
  EXPECT_NE(sniff(std::string_view("\x89PNG\r\n\x1a\n\0\0", 10)).why.find("not text"), std::string::npos);
  EXPECT_NE(sniff("caf\xE9 au lait,1\n").why.find("not text"), std::string::npos) << "Latin-1, not UTF-8";
  EXPECT_NE(sniff(R"({"hello": "world"})").why.find("JSON, but none"), std::string::npos);
  EXPECT_NE(sniff("just one column\nof words\n").why.find("not a table"), std::string::npos);
  for (const char* text : {"", "PK\x03\x04", "{\"a\": 1}"}) EXPECT_EQ(sniff(text).kind, FileKind::Unknown) << text;
}

}  // namespace
}  // namespace ccap

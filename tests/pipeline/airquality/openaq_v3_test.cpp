// OpenAQ API v3 answers (features/air/import/json_feeds.h), in the shapes docs.openaq.org
// documents for /v3/locations and /v3/sensors/{id}/hours.
#include <gtest/gtest.h>

#include "features/air/import/json_feeds.h"

namespace ccap::airquality {
namespace {

constexpr const char* kLocations = R"({
  "meta": {"name": "openaq-api", "website": "/", "page": 1, "limit": 2, "found": 3},
  "results": [
    {"id": 2178, "name": "Colombo US Embassy", "coordinates": {"latitude": 6.9131, "longitude": 79.8523},
     "sensors": [{"id": 7772, "name": "pm25 µg/m³", "parameter": {"id": 2, "name": "pm25", "units": "µg/m³"}},
                 {"id": 7773, "name": "temperature c", "parameter": {"id": 100, "name": "temperature", "units": "c"}}]},
    {"id": "x", "name": "no id"},
    {"id": 99, "name": "nowhere", "coordinates": {"latitude": 95, "longitude": 80}}]})";

TEST(OpenaqV3, LocationsKeepThePollutantSensorsAndTheirPaging) {
  const OpenaqLocations l = read_openaq_locations(kLocations, "locations.json");
  EXPECT_TRUE(l.report.fatal.empty());
  ASSERT_EQ(l.locations.size(), 1u);
  EXPECT_EQ(l.locations[0].id, 2178);
  EXPECT_DOUBLE_EQ(l.locations[0].where.lng, 79.8523);
  ASSERT_EQ(l.locations[0].sensors.size(), 1u) << "temperature is not shown";
  EXPECT_EQ(l.locations[0].sensors[0].id, 7772);
  EXPECT_EQ(l.report.rejected_total(), 2u);
  EXPECT_EQ(l.page.limit, 2);
  EXPECT_TRUE(l.page.full()) << "three results on a page of two: ask for the next";
}

TEST(OpenaqV3, HoursAreReadingsAtTheHourTheyStart) {
  const OpenaqLocations l = read_openaq_locations(kLocations, "locations.json");
  const std::string hours = R"({"meta": {"page": 1, "limit": 100, "found": 3}, "results": [
    {"value": 41.5, "parameter": {"id": 2, "name": "pm25", "units": "µg/m³"},
     "period": {"label": "1hour", "interval": "01:00:00",
                "datetimeFrom": {"utc": "2026-12-07T03:00:00Z", "local": "2026-12-07T08:30:00+05:30"},
                "datetimeTo": {"utc": "2026-12-07T04:00:00Z", "local": "2026-12-07T09:30:00+05:30"}}},
    {"value": null, "parameter": {"name": "pm25", "units": "µg/m³"},
     "period": {"datetimeFrom": {"utc": "2026-12-07T04:00:00Z"}}},
    {"value": 12, "parameter": {"name": "pm25", "units": "µg/m³"}, "period": {"datetimeFrom": {"utc": "yesterday"}}}]})";
  ReadingList list;
  OpenaqPage page;
  const ImportReport r =
      import_openaq_hours(hours, "hours.json", l.locations[0], l.locations[0].sensors[0], list, &page);
  EXPECT_TRUE(r.fatal.empty());
  EXPECT_EQ(r.accepted, 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::MissingValue)], 1u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::BadTime)], 1u);
  EXPECT_FALSE(page.full());
  const auto readings = list.take();
  ASSERT_EQ(readings.size(), 1u);
  EXPECT_EQ(readings[0].station, "openaq-2178");
  EXPECT_EQ(readings[0].station_name, "Colombo US Embassy");
  EXPECT_EQ(readings[0].time, 1796612400);  // 2026-12-07 03:00 UTC
  EXPECT_DOUBLE_EQ(readings[0].value, 41.5);
}

TEST(OpenaqV3, AnErrorPageOrAnErrorObjectIsFatalAndNamed) {
  const OpenaqLocations html = read_openaq_locations("<html><body>Bad gateway</body></html>", "locations.json");
  EXPECT_NE(html.report.fatal.find("locations.json: not valid JSON"), std::string::npos) << html.report.fatal;
  const OpenaqLocations error = read_openaq_locations(R"({"detail": "Rate limit exceeded"})", "locations.json");
  EXPECT_EQ(error.report.fatal, "locations.json: no results array (expected an OpenAQ v3 answer)");
}

}  // namespace
}  // namespace ccap::airquality

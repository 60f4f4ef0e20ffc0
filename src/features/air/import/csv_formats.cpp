#include "features/air/import/csv_formats.h"

namespace ccap::airquality {

CsvFormat openaq_archive_format() {
  CsvFormat f;
  f.name = "the OpenAQ archive CSV";
  f.exact_header = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value";
  f.time_column = "datetime";
  f.station_column = "location_id";
  f.name_column = "location";
  f.latitude_column = "lat";
  f.longitude_column = "lon";
  f.pollutant_column = "parameter";
  f.value_column = "value";
  f.unit_column = "units";
  return f;
}

CsvFormat airnow_embassy_format(std::map<std::string, CsvPlace, std::less<>> sites, int utc_offset_minutes) {
  CsvFormat f;
  f.name = "the AirNow embassy CSV";
  f.year_column = "Year";
  f.month_column = "Month";
  f.day_column = "Day";
  f.hour_column = "Hour";
  f.utc_offset_minutes = utc_offset_minutes;
  f.station_column = "Site";
  f.places = std::move(sites);
  f.pollutant_column = "Parameter";
  f.pollutant_names = {{"PM2.5 - Principal", Pollutant::Pm25},
                       {"PM2.5", Pollutant::Pm25},
                       {"PM10", Pollutant::Pm10},
                       {"Ozone", Pollutant::O3},
                       {"NO2", Pollutant::No2},
                       {"SO2", Pollutant::So2}};
  f.value_column = "Raw Conc.";
  f.unit_column = "Conc. Unit";
  f.missing = {-999};
  f.qc_column = "QC Name";
  f.qc_keep = {"Valid"};
  f.qc_missing = {"Missing"};
  f.qc_failed = {"Invalid", "Suspect"};
  f.must_equal = {{"Duration", "1 Hr"}};
  return f;
}

CsvFormat datagovsg_regional_format(std::map<std::string, CsvPlace, std::less<>> regions) {
  CsvFormat f;
  f.name = "data.gov.sg's regional PM2.5 CSV";
  f.time_column = "timestamp_sgt";
  f.utc_offset_minutes = 8 * 60;
  f.station_column = "region";
  f.places = std::move(regions);
  f.value_columns = {{"pm25_one_hourly", Pollutant::Pm25}};
  return f;
}

}  // namespace ccap::airquality

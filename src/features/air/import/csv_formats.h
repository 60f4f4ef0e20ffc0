#pragma once
// The CSV formats of readings the pipeline knows (csv_import.h reads them all):
//
// - OpenAQ archive (openaq-data-archive, one file per location and day):
//     location_id,sensors_id,location,datetime,lat,lon,parameter,units,value
// - AirNow "US Embassies and Consulates" (dosairnowdata.org, `<City>_PM2.5_<YEAR>_YTD.csv`):
//     Site,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,Raw Conc.,
//     Conc. Unit,Duration,QC Name
//   "Raw Conc." is the hour's concentration (NowCast is a running estimate: not read), -999 is
//   missing, QC Name is Valid, Invalid, Missing or Suspect (only Valid is kept), Duration "1 Hr",
//   times local (Year, Month, Day, Hour; the city's offset given). The files name the site, not
//   where it is: the place comes with the format.
// - data.gov.sg regional PM2.5 (NEA's `pm25_one_hourly` by region, as the API's archivers wrote
//   it): region,pm25_one_hourly,timestamp_sgt; Singapore time (UTC+8), µg/m³; the regions' label
//   points come with the format (they are not monitor sites).
// - A column-mapped CSV: any other export, its columns named in the dataset's description
//   (dataset_config.h).
#include "features/air/import/csv_import.h"

namespace ccap::airquality {

CsvFormat openaq_archive_format();
// `sites`: the Site column's values and where each monitor is; `utc_offset_minutes`: the city's.
CsvFormat airnow_embassy_format(std::map<std::string, CsvPlace, std::less<>> sites, int utc_offset_minutes);
CsvFormat datagovsg_regional_format(std::map<std::string, CsvPlace, std::less<>> regions);

}  // namespace ccap::airquality

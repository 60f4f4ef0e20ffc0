#pragma once
// OpenAQ archive CSV (openaq-data-archive, one file per location and day):
//   location_id,sensors_id,location,datetime,lat,lon,parameter,units,value
// Quoted fields (names with commas) are understood; every row becomes a reading or a counted
// reject. A wrong header or an empty or non-UTF-8 file is fatal for that file alone.
#include <string>
#include <string_view>

#include "pipeline/airquality/readings.h"

namespace ccap::airquality {

ImportResult import_openaq_csv(std::string_view text, const std::string& file);

}  // namespace ccap::airquality

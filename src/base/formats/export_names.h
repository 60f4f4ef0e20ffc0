#pragma once
// File names of what a visitor saves: they say what and when, sort by time, and survive every
// file system (lower-case ASCII letters, digits and '-', no spaces):
//   clean-air-atlas_<what>_<YYYY-MM-DD>_<HHMM>Z.<ext>
//   clean-air-atlas_stations-pm25-daily-mean-2025-12-31_2026-11-30_1304Z.csv
// `when` is the moment of saving, in UTC (seconds since 1970); `what` is slugged (accents and
// other non-ASCII bytes dropped, runs of anything else one '-'), at most 80 characters.
#include <cstdint>
#include <string>
#include <string_view>

namespace ccap {

std::string export_slug(std::string_view what);
std::string export_file_name(std::string_view what, std::int64_t when_utc_seconds, std::string_view extension);
// "2026-11-30 13:04 UTC": when a picture or a table was made, as a person reads it.
std::string export_time_label(std::int64_t when_utc_seconds);

}  // namespace ccap

#pragma once
// Civil dates (proleptic Gregorian) from days since 1970-01-01, and back: Howard Hinnant's
// public-domain algorithms (http://howardhinnant.github.io/date_algorithms.html). One copy for
// the air timeline, the pipeline's timestamps, the refresh job's queries and the names of saved
// files.
#include <cstdint>

namespace ccap {

struct CivilDate {
  int year, month, day;
};
CivilDate civil_from_days(std::int64_t days);
std::int64_t days_from_civil(int year, int month, int day);

// A moment (seconds since 1970-01-01 UTC, before it too) as its UTC date and time of day.
struct UtcTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
UtcTime utc_time(std::int64_t seconds);

}  // namespace ccap

#pragma once
// Civil dates (proleptic Gregorian) from days since 1970-01-01, and back: Howard Hinnant's
// public-domain algorithms (http://howardhinnant.github.io/date_algorithms.html). One copy for
// the air timeline, the pipeline's timestamps and the names of saved files.
#include <cstdint>

namespace ccap {

struct CivilDate {
  int year, month, day;
};
CivilDate civil_from_days(std::int64_t days);
std::int64_t days_from_civil(int year, int month, int day);

}  // namespace ccap

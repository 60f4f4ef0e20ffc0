#include "base/formats/export_names.h"

#include <cstdio>

#include "base/civil_date.h"

namespace ccap {

std::string export_slug(std::string_view what) {
  std::string out;
  bool dash = false;
  for (char c : what) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) continue;  // accents and other scripts: dropped (the name stays ASCII)
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else if (keep) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= 80) break;
  }
  return out.empty() ? "export" : out;
}

std::string export_file_name(std::string_view what, std::int64_t when_utc_seconds, std::string_view extension) {
  const UtcTime t = utc_time(when_utc_seconds);
  char when[32];
  std::snprintf(when, sizeof when, "%04d-%02d-%02d_%02d%02dZ", t.year, t.month, t.day, t.hour, t.minute);
  return "clean-air-atlas_" + export_slug(what) + "_" + when + "." + export_slug(extension);
}

std::string export_time_label(std::int64_t when_utc_seconds) {
  const UtcTime t = utc_time(when_utc_seconds);
  char label[40];
  std::snprintf(label, sizeof label, "%04d-%02d-%02d %02d:%02d UTC", t.year, t.month, t.day, t.hour, t.minute);
  return label;
}

}  // namespace ccap

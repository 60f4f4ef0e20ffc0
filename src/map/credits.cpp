#include "map/credits.h"

namespace ccap {

namespace {
constexpr const char* kSeparator = " \u00b7 ";

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : kSeparator) + p;
  return out;
}
}  // namespace

Credit base_credit() {
  return {"Basemap: Natural Earth (public domain) \u00b7 Cities: GeoNames (CC BY 4.0)",
          "Natural Earth \u00b7 GeoNames (CC BY 4.0)"};
}

std::vector<std::string> credit_lines(const std::vector<Credit>& credits,
                                      const std::function<bool(const std::string&)>& fits) {
  std::vector<std::string> full, brief, must;
  for (const Credit& c : credits) {
    full.push_back(c.text);
    brief.push_back(c.brief.empty() ? c.text : c.brief);
    if (!c.named_elsewhere) must.push_back(brief.back());
  }
  for (const auto* parts : {&full, &brief, &must})
    if (const std::string line = joined(*parts); fits(line)) return {line};
  std::vector<std::string> lines;
  for (const std::string& part : must) {
    if (!lines.empty() && fits(lines.back() + kSeparator + part))
      lines.back() += kSeparator + part;
    else
      lines.push_back(part);
  }
  return lines;
}

}  // namespace ccap

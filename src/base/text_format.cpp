#include "base/text_format.h"

namespace ccap {

std::string with_thousands(long long value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

bool is_web_address(const std::string& url) {
  std::size_t rest = 0;
  if (url.rfind("https://", 0) == 0)
    rest = 8;
  else if (url.rfind("http://", 0) == 0)
    rest = 7;
  else
    return false;
  if (url.size() <= rest) return false;
  for (unsigned char c : url)
    if (c <= ' ' || c == 0x7f) return false;
  return true;
}

}  // namespace ccap

#pragma once
// Small text formatting shared by the panels and the map furniture.
#include <string>

namespace ccap {
// 1234567 -> "1,234,567"; negative numbers keep their sign.
std::string with_thousands(long long value);
// True for an http:// or https:// address with something after the scheme and no spaces or
// control characters: what source links may open (never javascript:, data:, file:).
bool is_web_address(const std::string& url);
}  // namespace ccap

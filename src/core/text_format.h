#pragma once
// Small text formatting shared by the panels and the map furniture.
#include <string>

namespace ccap {
// 1234567 -> "1,234,567"; negative numbers keep their sign.
std::string with_thousands(long long value);
}  // namespace ccap

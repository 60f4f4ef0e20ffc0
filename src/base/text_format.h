#pragma once
// Small text formatting shared by the panels and the map furniture.
#include <optional>
#include <string>
#include <string_view>

namespace ccap {
// 1234567 -> "1,234,567"; negative numbers keep their sign.
std::string with_thousands(long long value);
// 12.345 -> "12.3": one decimal, as the published means are given.
std::string one_decimal(double value);
// True for an http:// or https:// address with something after the scheme and no spaces or
// control characters: what source links may open (never javascript:, data:, file:).
bool is_web_address(const std::string& url);
// Well-formed UTF-8 (utf8proc: no overlong forms, surrogates or code points past U+10FFFF).
bool is_utf8(std::string_view s);
// The longest start of `s` of at most `max_bytes` that does not end inside a UTF-8 character
// (a text cut there stays UTF-8: "Hải" cut at 2 bytes is "H", not "H\xe1").
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);
// A decimal number, strictly: the whole text is one finite number in decimal or exponent notation
// ("1e3", "-2.5", "+7"); not "0x10", "inf", "nan", " 1" or "1 ", and at most 32 characters.
// (std::from_chars for doubles is missing from Emscripten 3.1's libc++, and strtod alone accepts
// hexadecimal, infinities and leading spaces.)
std::optional<double> parse_decimal(std::string_view text);
}  // namespace ccap

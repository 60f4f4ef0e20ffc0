#pragma once
namespace ccap {
inline constexpr const char* kVersion = "0.1.0";
}

#pragma once
// Typed ids: an index into one feature's table that cannot be mixed up with another's. Absence is
// std::optional<Id>, never -1. `index()` is for the table the id belongs to, and only there.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace ccap {

template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::size_t index) : value_(static_cast<std::uint32_t>(index)) {}
  constexpr std::size_t index() const { return value_; }
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::uint32_t value_ = 0;
};

using CityId = Id<struct CityTag>;        // Partnership::cities
using StationId = Id<struct StationTag>;  // AirQualityData::stations

}  // namespace ccap

template <class Tag>
struct std::hash<ccap::Id<Tag>> {
  std::size_t operator()(ccap::Id<Tag> id) const noexcept { return std::hash<std::size_t>{}(id.index()); }
};

#pragma once
// Typed ids: an index into one feature's table that cannot be mixed up with another's. Absence is
// std::optional<Id>, never -1. `index()` is for the table the id belongs to, and only there.
//
// Like sokol's handles, an id also carries the generation of the table it was made for: a table
// loaded again (new content) takes a new generation, so an id kept from before (a panel's city, a
// command in flight) is told apart from the new table's id at the same index and refused where it
// lands (Partnership::has). A table that never reloads keeps generation 0.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace ccap {

template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::size_t index, std::uint32_t generation = 0)
      : value_(static_cast<std::uint32_t>(index)), generation_(generation) {}
  constexpr std::size_t index() const { return value_; }
  constexpr std::uint32_t generation() const { return generation_; }
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::uint32_t value_ = 0;
  std::uint32_t generation_ = 0;
};

using CityId = Id<struct CityTag>;        // Partnership::cities
using StationId = Id<struct StationTag>;  // AirQualityData::stations

}  // namespace ccap

template <class Tag>
struct std::hash<ccap::Id<Tag>> {
  std::size_t operator()(ccap::Id<Tag> id) const noexcept {
    return std::hash<std::size_t>{}(id.index() | static_cast<std::size_t>(id.generation()) << 32);
  }
};

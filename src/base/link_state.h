#pragma once
// A link that reproduces the screen: the view and what the features show, in the URL's hash, in a
// short, readable, versioned form. It extends MapLibre GL JS's named hash (`hash: "map"` writes
// `#map=zoom/lat/lng`) with one `key=value` pair per kind of state, in a fixed order:
//
//   #map=5.20/13.7563/100.5018&open=city&city=bangkok&pollutant=no2&v=1
//
//   map      zoom (2 decimals) / latitude / longitude (degrees, enough decimals for a tenth of a
//            pixel at that zoom: ceil((zoom·ln 2 + ln(512/360/0.5)) / ln 10) + 1, MapLibre's rule
//            plus one digit)
//   v        the format's version (kLinkVersion); a link without it is read as version 1
//   others   written by the app and the features (docs/deep-links.md lists them); lists are
//            comma-separated, a value's characters outside [A-Za-z0-9-._~,:/] are percent-encoded
//            (RFC 3986), so a search text survives any URL bar.
//
// Reading is forgiving, part by part: a pair that cannot be read is skipped with a problem that
// names it ("zoom 'abc' is not a number"), and everything else still applies. Pure data.
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ccap {

inline constexpr int kLinkVersion = 1;
inline constexpr std::size_t kMaxLinkChars = 4096;  // longer hashes are not read (browsers cap URLs near 2 MB)
inline constexpr std::size_t kMaxLinkPairs = 32;

struct LinkView {
  double zoom = 0, lat = 0, lng = 0;
};

class LinkState {
 public:
  std::optional<LinkView> view;

  // Sets `key` (replacing an earlier value); an empty value removes it.
  void set(const std::string& key, std::string value);
  void set_list(const std::string& key, const std::vector<std::string>& items);  // "a,b,c"
  const std::string* get(std::string_view key) const;
  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }

  // "#map=...&key=value&...&v=1" (the view first, the version last); "" when there is nothing.
  std::string format() const;
  // The same without the view: what decides whether a change is a new history entry.
  std::string format_without_view() const;

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;  // in the order set
};

// The decimals a latitude or longitude needs at `zoom` (see above).
int link_coordinate_decimals(double zoom);

struct LinkParse {
  LinkState state;
  std::vector<std::string> problems;  // each names the part it skipped
  int version = kLinkVersion;
};
// Reads a hash ("#..." or without the '#'). Never fails: what cannot be read is a problem.
LinkParse parse_link(std::string_view hash);

// Percent-encoding of one value, and its inverse (nullopt: a bad escape or bytes that are not UTF-8).
std::string link_escape(std::string_view text);
std::optional<std::string> link_unescape(std::string_view text);
// A value as a problem names it: quoted, at most 40 bytes, control characters shown as '?'.
std::string link_quote(std::string_view text);
// "a,b,,c" -> {"a","b","c"} (empty items dropped).
std::vector<std::string> split_link_list(std::string_view value);

// A feature reading its part of a link: each key it reads is marked, so that the app can name the
// keys nobody knew; `problem` adds a reason a value was skipped.
class LinkReader {
 public:
  explicit LinkReader(const LinkState& state) : state_(state) {}
  const std::string* get(std::string_view key);
  std::vector<std::string> list(std::string_view key);  // split_link_list of the value, or {}
  void problem(std::string text) { problems_.push_back(std::move(text)); }
  const LinkState& state() const { return state_; }
  // The user asked for less motion: what a link would set moving (playback) stays still.
  bool reduced_motion = false;
  // Keys present that nobody read.
  std::vector<std::string> unread() const;
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  const LinkState& state_;
  std::set<std::string, std::less<>> read_;
  std::vector<std::string> problems_;
};

}  // namespace ccap

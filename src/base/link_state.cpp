#include "base/link_state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/text_format.h"

namespace ccap {

namespace {

bool kept_as_is(char c) {  // RFC 3986 unreserved, and the separators our values use
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == ',' || c == ':' || c == '/';
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {  // 13.7500 -> 13.75, 5.00 -> 5
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace

std::string link_quote(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string s;
  std::size_t cut = std::min(text.size(), kMax);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // whole characters
  for (char c : text.substr(0, cut)) s += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  if (text.size() > kMax) s += "…";
  return "'" + s + "'";
}

namespace {

std::string quoted(std::string_view text) { return link_quote(text); }

// "map=zoom/lat/lng" -> the view, or a problem.
std::optional<LinkView> read_view(std::string_view value, std::vector<std::string>& problems) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t slash = value.find('/', start);
    parts.push_back(value.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 3) {
    problems.push_back("map " + quoted(value) + " is not zoom/latitude/longitude");
    return std::nullopt;
  }
  const auto zoom = parse_decimal(parts[0]), lat = parse_decimal(parts[1]), lng = parse_decimal(parts[2]);
  if (!zoom || !lat || !lng) {
    problems.push_back("map " + quoted(value) + " has a part that is not a number");
    return std::nullopt;
  }
  if (*zoom < 0 || *zoom > 24 || std::abs(*lat) > 90 || std::abs(*lng) > 360) {
    problems.push_back("map " + quoted(value) + " is out of range (zoom 0-24, latitude ±90, longitude ±360)");
    return std::nullopt;
  }
  return LinkView{*zoom, *lat, std::remainder(*lng, 360.0)};
}

}  // namespace

void LinkState::set(const std::string& key, std::string value) {
  const auto it = std::find_if(pairs_.begin(), pairs_.end(), [&](const auto& p) { return p.first == key; });
  if (value.empty()) {
    if (it != pairs_.end()) pairs_.erase(it);
  } else if (it != pairs_.end()) {
    it->second = std::move(value);
  } else {
    pairs_.emplace_back(key, std::move(value));
  }
}

void LinkState::set_list(const std::string& key, const std::vector<std::string>& items) {
  std::string value;
  for (const std::string& item : items) {
    if (item.empty()) continue;
    if (!value.empty()) value += ',';
    value += item;
  }
  set(key, std::move(value));
}

const std::string* LinkState::get(std::string_view key) const {
  for (const auto& [k, v] : pairs_)
    if (k == key) return &v;
  return nullptr;
}

int link_coordinate_decimals(double zoom) {
  const double digits = (std::max(0.0, zoom) * std::log(2.0) + std::log(512.0 / 360.0 / 0.5)) / std::log(10.0);
  return std::clamp(static_cast<int>(std::ceil(digits)) + 1, 1, 9);
}

std::string LinkState::format_without_view() const {
  std::string out;
  for (const auto& [k, v] : pairs_) {
    if (k == "map" || k == "v") continue;
    out += (out.empty() ? "" : "&") + k + "=" + link_escape(v);
  }
  return out;
}

std::string LinkState::format() const {
  std::string out;
  if (view) {
    const int d = link_coordinate_decimals(view->zoom);
    out = "map=" + fixed(view->zoom, 2) + "/" + fixed(view->lat, d) + "/" + fixed(std::remainder(view->lng, 360.0), d);
  }
  const std::string rest = format_without_view();
  if (!rest.empty()) out += (out.empty() ? "" : "&") + rest;
  if (out.empty()) return "";
  return "#" + out + "&v=" + std::to_string(kLinkVersion);
}

std::string link_escape(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (kept_as_is(c)) {
      out += c;
    } else if (c == ' ') {  // read back as a space (link_unescape): one character, not three
      out += '+';
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

std::optional<std::string> link_unescape(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {  // a form-encoded space, as some chat apps rewrite links
      out += ' ';
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += text[i];
    }
  }
  if (!is_utf8(out)) return std::nullopt;
  return out;
}

std::vector<std::string> split_link_list(std::string_view value) {
  std::vector<std::string> items;
  for (std::size_t start = 0; start <= value.size();) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    if (comma > start) items.emplace_back(value.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

LinkParse parse_link(std::string_view hash) {
  LinkParse out;
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.empty()) return out;
  if (hash.size() > kMaxLinkChars) {
    out.problems.push_back("the link is " + std::to_string(hash.size()) + " characters long (at most " +
                           std::to_string(kMaxLinkChars) + " are read)");
    return out;
  }
  for (std::size_t start = 0; start <= hash.size();) {
    std::size_t amp = hash.find('&', start);
    if (amp == std::string_view::npos) amp = hash.size();
    const std::string_view part = hash.substr(start, amp - start);
    start = amp + 1;
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    const std::string_view key = part.substr(0, eq);
    if (eq == std::string_view::npos || key.empty()) {
      out.problems.push_back(quoted(part) + " is not key=value");
      continue;
    }
    // A key is a short name ([A-Za-z0-9_.-]): one that is not is never written back (found by
    // fuzzing: a key's raw bytes went into the address bar as they came).
    if (key.size() > 32 || !std::all_of(key.begin(), key.end(), [](char c) {
          return kept_as_is(c) && c != ',' && c != ':' && c != '/' && c != '~';
        })) {
      out.problems.push_back(quoted(key) + " is not a key");
      continue;
    }
    // The limit counts what is kept, so that a link this writes (its pairs, map and v) reads back.
    if (key != "map" && key != "v" && !out.state.get(key) && out.state.pairs().size() >= kMaxLinkPairs) {
      out.problems.push_back("more than " + std::to_string(kMaxLinkPairs) + " parts: the rest is not read");
      break;
    }
    const auto value = link_unescape(part.substr(eq + 1));
    if (!value) {
      out.problems.push_back(std::string(key) + " has a bad %-escape or text that is not UTF-8");
      continue;
    }
    if (out.state.get(key)) {
      out.problems.push_back(std::string(key) + " is given twice: the first is used");
      continue;
    }
    if (key == "map") {
      out.state.view = read_view(*value, out.problems);
      continue;
    }
    if (key == "v") {
      const auto v = parse_decimal(*value);
      constexpr double kMaxVersion = 1000;  // (found by fuzzing: 3e10 does not fit an int)
      if (!v || *v < 1 || *v > kMaxVersion || *v != std::floor(*v)) {
        out.problems.push_back("version " + quoted(*value) + " is not a whole number from 1 to 1000");
      } else {
        out.version = static_cast<int>(*v);
        if (out.version > kLinkVersion)
          out.problems.push_back("the link was made by a newer version (" + std::to_string(out.version) +
                                 "): what this one knows is read");
      }
      continue;
    }
    out.state.set(std::string(key), *value);
  }
  return out;
}

const std::string* LinkReader::get(std::string_view key) {
  const std::string* v = state_.get(key);
  if (v) read_.emplace(key);
  return v;
}

std::vector<std::string> LinkReader::list(std::string_view key) {
  const std::string* v = get(key);
  return v ? split_link_list(*v) : std::vector<std::string>{};
}

std::vector<std::string> LinkReader::unread() const {
  std::vector<std::string> keys;
  for (const auto& [k, v] : state_.pairs())
    if (!read_.count(k)) keys.push_back(k);
  return keys;
}

}  // namespace ccap

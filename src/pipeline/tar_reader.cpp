#include "pipeline/tar_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace ccap::pipeline {

namespace {

constexpr std::size_t kBlock = 512;

std::string field(const std::uint8_t* at, std::size_t size) {
  const auto* text = reinterpret_cast<const char*>(at);
  return std::string(text, strnlen(text, size));
}

// An octal number field ("0000644 \0"), or GNU's base-256 (top bit of the first byte set).
std::optional<std::uint64_t> number(const std::uint8_t* at, std::size_t size) {
  std::uint64_t n = 0;
  if (at[0] & 0x80) {
    for (std::size_t i = 1; i < size; ++i) {
      if (n >> 55) return std::nullopt;
      n = n << 8 | at[i];
    }
    return (at[0] & 0x7f) ? std::nullopt : std::optional(n);
  }
  std::size_t i = 0;
  while (i < size && at[i] == ' ') ++i;
  bool digits = false;
  for (; i < size && at[i] >= '0' && at[i] <= '7'; ++i, digits = true) {
    if (n >> 60) return std::nullopt;
    n = n * 8 + (at[i] - '0');
  }
  for (; i < size; ++i)
    if (at[i] != ' ' && at[i] != 0) return std::nullopt;
  return digits ? std::optional(n) : std::nullopt;
}

bool checksum_ok(const std::array<std::uint8_t, kBlock>& h) {
  const auto stored = number(h.data() + 148, 8);
  if (!stored) return false;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i) sum += (i >= 148 && i < 156) ? ' ' : h[i];
  return sum == *stored;
}

// The path of a pax header's "path" record ("30 path=some/long/name.json\n"), if it has one.
std::optional<std::string> pax_path(const std::vector<std::uint8_t>& data) {
  const std::string text(data.begin(), data.end());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t space = text.find(' ', at);
    if (space == std::string::npos) break;
    std::size_t length = 0;
    for (std::size_t i = at; i < space; ++i) {
      if (text[i] < '0' || text[i] > '9' || length > text.size()) return std::nullopt;
      length = length * 10 + static_cast<std::size_t>(text[i] - '0');
    }
    if (length == 0 || at + length > text.size()) return std::nullopt;
    const std::string record = text.substr(space + 1, at + length - space - 2);  // without the "\n"
    if (record.rfind("path=", 0) == 0) return record.substr(5);
    at += length;
  }
  return std::nullopt;
}

}  // namespace

bool TarReader::read_exact(std::uint8_t* into, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const std::size_t k = stream_(reinterpret_cast<char*>(into + got), n - got, error_);
    if (!error_.empty()) return false;
    if (k == 0) break;
    got += k;
  }
  if (got == n) return true;
  if (got > 0) error_ = "the archive ends inside a block (a truncated file)";
  return false;
}

bool TarReader::skip(std::uint64_t n) {
  std::array<std::uint8_t, 1 << 14> sink;
  while (n > 0) {
    const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(n, sink.size()));
    if (!read_exact(sink.data(), k)) return false;
    n -= k;
  }
  return true;
}

std::optional<TarReader::Member> TarReader::next() {
  std::optional<std::string> long_name;
  for (;;) {
    std::array<std::uint8_t, kBlock> h;
    if (!read_exact(h.data(), kBlock)) {
      if (error_.empty() && members_ == 0) error_ = "not a tar archive (it is empty)";
      if (error_.empty()) error_ = "the archive ends without its end blocks (a truncated file)";
      return std::nullopt;
    }
    if (std::all_of(h.begin(), h.end(), [](std::uint8_t b) { return b == 0; })) return std::nullopt;  // the end
    const std::string where = "member " + std::to_string(members_ + 1);
    if (!checksum_ok(h)) {
      error_ = where + ": its header's checksum is wrong (not a tar archive, or a damaged one)";
      return std::nullopt;
    }
    const auto size = number(h.data() + 124, 12);
    if (!size) {
      error_ = where + ": its header has no readable size";
      return std::nullopt;
    }
    std::string name = field(h.data(), 100);
    if (std::memcmp(h.data() + 257, "ustar", 5) == 0 && h[345]) name = field(h.data() + 345, 155) + "/" + name;
    if (long_name) name = *std::exchange(long_name, std::nullopt);
    const char type = static_cast<char>(h[156]);
    const std::uint64_t padded = (*size + kBlock - 1) / kBlock * kBlock;
    if (type == 'L' || type == 'x') {  // the next member's name
      if (*size > 64 * 1024) {
        error_ = where + ": a name record of " + std::to_string(*size) + " bytes";
        return std::nullopt;
      }
      std::vector<std::uint8_t> data(static_cast<std::size_t>(padded));
      if (!read_exact(data.data(), data.size())) {
        if (error_.empty()) error_ = where + ": the archive ends inside it (a truncated file)";
        return std::nullopt;
      }
      data.resize(static_cast<std::size_t>(*size));
      if (type == 'L')
        long_name = field(data.data(), data.size());
      else if (auto path = pax_path(data))
        long_name = std::move(path);
      continue;
    }
    if (type != '0' && type != '\0' && type != '7') {  // a directory, a link, a global header...
      if (!skip(padded)) {
        if (error_.empty()) error_ = where + ": the archive ends inside it (a truncated file)";
        return std::nullopt;
      }
      continue;
    }
    ++members_;
    Member m;
    m.name = std::move(name);
    const std::string named = "member " + std::to_string(members_) + " ('" + m.name + "')";
    if (*size > max_member_) {
      m.too_large = true;
      if (!skip(padded)) {
        if (error_.empty()) error_ = named + ": the archive ends inside it (a truncated file)";
        return std::nullopt;
      }
      return m;
    }
    m.bytes.resize(static_cast<std::size_t>(padded));
    if (!read_exact(m.bytes.data(), m.bytes.size())) {
      error_ = named + ": " + (error_.empty() ? "the archive ends inside it (a truncated file)" : error_);
      return std::nullopt;
    }
    m.bytes.resize(static_cast<std::size_t>(*size));
    return m;
  }
}

}  // namespace ccap::pipeline

#pragma once
// Little-endian binary writing and bounds-checked reading, shared by the app's file formats
// (.ccapmap, .ccapaq). A Reader fails (returns false), never reads past its span.
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace ccap {

static_assert(std::endian::native == std::endian::little, "the app's file formats are little-endian");

std::uint64_t fnv1a64(std::span<const std::uint8_t> bytes);

class ByteWriter {
 public:
  template <class T>
  void put(const T& v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
  }
  template <class T>
  void put_all(const std::vector<T>& v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
    out.insert(out.end(), p, p + v.size() * sizeof(T));
  }
  void put_string(const std::string& s) {  // u32 length, then the bytes
    put(static_cast<std::uint32_t>(s.size()));
    out.insert(out.end(), s.begin(), s.end());
  }
  std::vector<std::uint8_t> out;
};

class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> b) : bytes_(b) {}
  template <class T>
  bool get(T& v) {
    if (bytes_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <class T>
  bool get_all(std::vector<T>& v, std::size_t count) {
    if (count > (bytes_.size() - pos_) / sizeof(T)) return false;
    v.resize(count);
    if (count == 0) return true;  // an empty vector's data() may be null: memcpy(nullptr, ..., 0) is UB
    std::memcpy(v.data(), bytes_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
    return true;
  }
  bool get_string(std::string& s, std::size_t max_length) {
    std::uint32_t n = 0;
    if (!get(n) || n > max_length || bytes_.size() - pos_ < n) return false;
    s.assign(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

}  // namespace ccap

#include "pipeline/byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <zlib.h>

#include "base/file_bytes.h"

namespace ccap::pipeline {

namespace {

ReadChunk plain_file(const std::string& path) {
  const std::string odd = not_a_regular_file(path);  // never a directory, or /dev/zero read for ever
  std::shared_ptr<std::FILE> file(odd.empty() ? std::fopen(path.c_str(), "rb") : nullptr, [](std::FILE* f) {
    if (f) std::fclose(f);
  });
  const std::string opened = !odd.empty() ? odd
                             : file       ? std::string()
                                          : std::string("cannot be opened: ") + std::strerror(errno);
  return [file, opened](char* into, std::size_t max, std::string& error) {
    if (!file) {
      error = opened;
      return std::size_t{0};
    }
    const std::size_t n = std::fread(into, 1, max, file.get());
    if (n == 0 && std::ferror(file.get())) error = std::string("read failed: ") + std::strerror(errno);
    return n;
  };
}

// zlib's inflate over a stream of compressed chunks; members follow one another until the input ends.
class Gunzip {
 public:
  explicit Gunzip(ReadChunk in) : in_(std::move(in)), buffer_(new unsigned char[kChunk]) {
    ok_ = inflateInit2(&z_, 15 + 16) == Z_OK;  // 15 + 16: a gzip header and trailer, not zlib's
  }
  ~Gunzip() {
    if (ok_) inflateEnd(&z_);
  }
  Gunzip(const Gunzip&) = delete;
  Gunzip& operator=(const Gunzip&) = delete;

  std::size_t read(char* into, std::size_t max, std::string& error) {
    if (!ok_) return error = "gzip: out of memory", 0;
    z_.next_out = reinterpret_cast<unsigned char*>(into);
    z_.avail_out = static_cast<uInt>(std::min<std::size_t>(max, 1u << 30));
    while (z_.avail_out > 0 && !done_) {
      if (z_.avail_in == 0 && !in_end_) {
        const std::size_t n = in_(reinterpret_cast<char*>(buffer_.get()), kChunk, error);
        if (!error.empty()) return 0;
        if (n == 0) in_end_ = true;
        z_.next_in = buffer_.get();
        z_.avail_in = static_cast<uInt>(n);
        consumed_ += n;
      }
      if (z_.avail_in == 0 && in_end_) {
        if (!between_members_) return error = "the gzip data is cut short (a truncated file)", 0;
        done_ = true;
        break;
      }
      between_members_ = false;
      const int status = inflate(&z_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        between_members_ = true;
        if (inflateReset(&z_) != Z_OK) return error = "gzip: cannot start the next member", 0;
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        return error = "not valid gzip data near byte " + std::to_string(consumed_ - z_.avail_in) + ": " +
                       (z_.msg ? z_.msg : "damaged"),
               0;
      }
    }
    return max - z_.avail_out;
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  ReadChunk in_;
  std::unique_ptr<unsigned char[]> buffer_;
  z_stream z_{};
  bool ok_ = false, in_end_ = false, done_ = false, between_members_ = false;
  std::size_t consumed_ = 0;
};

}  // namespace

ReadChunk gunzip(ReadChunk compressed) {
  auto state = std::make_shared<Gunzip>(std::move(compressed));
  return [state](char* into, std::size_t max, std::string& error) { return state->read(into, max, error); };
}

ReadChunk with_prefix(std::string prefix, ReadChunk rest) {
  auto left = std::make_shared<std::string>(std::move(prefix));
  return [left, rest = std::move(rest)](char* into, std::size_t max, std::string& error) {
    if (left->empty()) return rest(into, max, error);
    const std::size_t n = std::min(max, left->size());
    std::memcpy(into, left->data(), n);
    left->erase(0, n);
    return n;
  };
}

ReadChunk gunzip_if_gzip(ReadChunk stream) {
  // The first two bytes decide; they are handed back to whoever reads the stream.
  char magic[2];
  std::string error;
  std::size_t got = 0;
  while (got < 2) {
    const std::size_t n = stream(magic + got, 2 - got, error);
    if (n == 0) break;
    got += n;
  }
  if (!error.empty()) return [error](char*, std::size_t, std::string& e) { return e = error, std::size_t{0}; };
  ReadChunk replay = with_prefix(std::string(magic, got), std::move(stream));
  const bool gzip =
      got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b;
  return gzip ? gunzip(std::move(replay)) : replay;
}

ReadChunk file_stream(const std::string& path) { return gunzip_if_gzip(plain_file(path)); }

ReadChunk memory_stream(std::span<const std::uint8_t> bytes) {
  return [bytes](char* into, std::size_t max, std::string&) mutable {
    const std::size_t n = std::min(max, bytes.size());
    std::memcpy(into, bytes.data(), n);
    bytes = bytes.subspan(n);
    return n;
  };
}

std::optional<std::vector<std::uint8_t>> read_all(const ReadChunk& stream, std::size_t max_bytes, std::string& error) {
  std::vector<std::uint8_t> out;
  constexpr std::size_t kStep = 1 << 16;
  for (;;) {
    const std::size_t at = out.size();
    if (at > max_bytes) {
      error = "more than " + std::to_string(max_bytes) + " bytes";
      return std::nullopt;
    }
    out.resize(at + kStep);
    const std::size_t n = stream(reinterpret_cast<char*>(out.data() + at), kStep, error);
    out.resize(at + n);
    if (!error.empty()) return std::nullopt;
    if (n == 0) break;
  }
  if (out.size() > max_bytes) {
    error = "more than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  return out;
}

}  // namespace ccap::pipeline

#pragma once
// A file read as a stream of bytes, a chunk at a time, gunzipped on the way when it starts with
// gzip's magic (1f 8b; RFC 1952, several members one after another as `cat a.gz b.gz` makes them),
// so that every importer reads `x.csv` and `x.csv.gz` alike without holding either whole. A cut
// or damaged gzip stream is an error, never a short file read as if whole.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ccap::pipeline {

// Fills `into` with up to `max` bytes; 0 at the end. Sets `error` (and returns 0) when it fails.
using ReadChunk = std::function<std::size_t(char* into, std::size_t max, std::string& error)>;

// The bytes of the file at `path`, gunzipped when they are gzip. Errors ("cannot be opened: ...",
// "is a directory", "the gzip data is cut short", "not valid gzip data at byte 812: ...") come
// without the path: the reader names the file.
ReadChunk file_stream(const std::string& path);

// `compressed` (any stream) gunzipped; its first bytes must be gzip's magic.
ReadChunk gunzip(ReadChunk compressed);
// `stream` gunzipped when its first bytes are gzip's magic, else as it is.
ReadChunk gunzip_if_gzip(ReadChunk stream);
// Bytes in memory as a stream (`bytes` must outlive it).
ReadChunk memory_stream(std::span<const std::uint8_t> bytes);

// `prefix` (bytes already taken from `rest`, to look at them), then the rest of `rest`.
ReadChunk with_prefix(std::string prefix, ReadChunk rest);

// A stream read to its end, when it ends within `max_bytes`; else nullopt with `error` saying so
// ("more than 67108864 bytes"), or saying why it failed.
std::optional<std::vector<std::uint8_t>> read_all(const ReadChunk& stream, std::size_t max_bytes, std::string& error);

}  // namespace ccap::pipeline

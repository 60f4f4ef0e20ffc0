#include "base/json_reader.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace ccap {

using nlohmann::json;

void JsonProblems::add(const std::string& pointer, const std::string& why) {
  list_.push_back(file_ + ": " + (pointer.empty() ? "" : pointer + ": ") + why);
}

namespace {

// A SAX handler that builds nothing: it checks the text (nlohmann's own grammar, UTF-8 and number
// checks) and the depth, and keeps the first error. The DOM is built only from text that passed.
// It also notes, with their JSON pointers, what nlohmann accepts silently: a key given twice in
// one object (the DOM keeps the last) and a NUL character in a string (C text ends there).
class Checker {
 public:
  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t& s) {
    if (s.find('\0') != std::string::npos) note(pointer(), "a NUL character (\\u0000): the text ends there");
    return value();
  }
  bool binary(json::binary_t&) { return value(); }
  bool key(json::string_t& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) note(pointer(), "is given twice in one object: the last one is used");
    return true;
  }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return frames_.pop_back(), --depth_, true; }
  bool end_array() { return frames_.pop_back(), --depth_, true; }
  const std::vector<std::pair<std::string, std::string>>& notes() const { return notes_; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    position_ = position;
    message_ = e.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  std::size_t position() const { return position_; }
  // nlohmann's message without its "[json.exception...] " id and "parse error at line 1, column
  // 2: " prefix (the place is given by the caller, counted in the text itself).
  std::string message() const {
    std::string m = message_;
    if (const auto id_end = m.find("] "); m.rfind("[json.exception", 0) == 0 && id_end != std::string::npos)
      m.erase(0, id_end + 2);
    if (m.rfind("parse error", 0) == 0)
      if (const auto colon = m.find(": "); colon != std::string::npos) m.erase(0, colon + 2);
    // The "last read" token is raw input: possibly part of a UTF-8 sequence, which must not reach
    // a notice (the state JSON could not be written). Bytes above ASCII are shown as <0xHH>.
    std::string out;
    for (unsigned char c : m) {
      if (c < 0x80) {
        out += static_cast<char>(c);
      } else {
        char hex[8];
        std::snprintf(hex, sizeof hex, "<0x%02X>", c);
        out += hex;
      }
    }
    return out;
  }

 private:
  bool enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep_ = true;
    return false;
  }
  // Where the parser is: each open object (its keys so far, the current one) or array (the
  // index of the next value).
  struct Frame {
    bool object = false;
    std::string key;
    std::size_t index = 0;
    std::set<std::string> keys;
  };
  bool open(bool object) {
    value();
    frames_.emplace_back().object = object;
    return enter();
  }
  bool value() {  // a value (or the start of one) in an array takes the next index
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  std::string pointer() const {
    std::string out;
    for (const Frame& f : frames_) out = f.object ? json_pointer(out, f.key) : json_pointer(out, f.index - 1);
    return out;
  }
  void note(std::string where, std::string why) {
    if (notes_.size() < kMaxJsonNotes) notes_.emplace_back(std::move(where), std::move(why));
  }
  static constexpr std::size_t kMaxJsonNotes = 100;
  std::vector<Frame> frames_;
  std::vector<std::pair<std::string, std::string>> notes_;
  int depth_ = 0;
  bool too_deep_ = false;
  std::size_t position_ = 0;
  std::string message_;
};

std::string line_and_column(std::string_view text, std::size_t position) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < position && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // count characters, not bytes
      ++column;
    }
  }
  // nlohmann's position is one past the character it failed on.
  return "line " + std::to_string(line) + ", column " + std::to_string(column > 1 ? column - 1 : 1);
}

std::string format_range(double lo, double hi) { return json(lo).dump() + ".." + json(hi).dump(); }

}  // namespace

std::optional<json> parse_json(std::string_view text, JsonProblems& problems) {
  Checker checker;
  if (!json::sax_parse(text, &checker)) {
    if (checker.too_deep())
      problems.add("", "not read: nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    else
      problems.add("", "not valid JSON at " + line_and_column(text, checker.position()) + ": " + checker.message());
    return std::nullopt;
  }
  for (const auto& [where, why] : checker.notes()) problems.add(where, why);
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {  // cannot happen after the check; kept so nothing can throw
    problems.add("", "not valid JSON");
    return std::nullopt;
  }
  return document;
}

std::string json_pointer(const std::string& parent, const std::string& key) {
  std::string out = parent + "/";
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string json_pointer(const std::string& parent, std::size_t index) { return parent + "/" + std::to_string(index); }

const json& array_at(const json& parent, const std::string& parent_pointer, const char* key, Presence presence,
                     JsonProblems& problems) {
  static const json empty = json::array();
  if (!parent.is_object()) return empty;
  const auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) {
    if (presence == Presence::Required) problems.add(json_pointer(parent_pointer, key), "is missing");
    return empty;
  }
  if (!it->is_array()) {
    problems.add(json_pointer(parent_pointer, key), "must be an array");
    return empty;
  }
  return *it;
}

JsonObject::JsonObject(const json& value, std::string pointer, JsonProblems& problems)
    : value_(value), pointer_(std::move(pointer)), problems_(problems) {
  if (!value_.is_object()) fail("", "must be an object");
}

const json& member_of(const json& parent, const char* key) {
  static const json null;
  if (!parent.is_object()) return null;
  const auto it = parent.find(key);
  return it == parent.end() ? null : *it;
}

const json& JsonObject::member(const char* key) const { return member_of(value_, key); }

void JsonObject::fail(const std::string& key, const std::string& why) {
  if (!ok_) return;
  ok_ = false;
  problems_.add(key.empty() ? pointer_ : json_pointer(pointer_, key), why);
}

void JsonObject::fail_item(const char* key, std::size_t index, const char* field, const std::string& why) {
  if (!ok_) return;
  ok_ = false;
  const std::string item = json_pointer(json_pointer(pointer_, key), index);
  problems_.add(*field ? json_pointer(item, field) : item, why);
}

void JsonObject::drop_item(const char* key, std::size_t index, const std::string& why) {
  if (ok_) problems_.add(json_pointer(json_pointer(pointer_, key), index), why);
}

std::string JsonObject::text(const char* key, Presence presence) {
  if (!ok_) return {};
  const json& v = member(key);
  if (v.is_null()) {
    if (presence == Presence::Required) fail(key, "is missing");
    return {};
  }
  if (!v.is_string()) return fail(key, "must be a string"), std::string();
  const std::string& s = v.get_ref<const std::string&>();
  if (presence == Presence::Required && s.empty()) return fail(key, "must not be empty"), std::string();
  return s;
}

double JsonObject::number(const char* key, double lo, double hi) {
  if (!ok_) return 0;
  const json& v = member(key);
  if (v.is_null()) return fail(key, "is missing"), 0.0;
  if (!v.is_number()) return fail(key, "must be a number"), 0.0;
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < lo || d > hi)
    return fail(key, "is " + v.dump() + ", outside " + format_range(lo, hi)), 0.0;
  return d;
}

int JsonObject::integer(const char* key, int lo, int hi) {
  if (!ok_) return 0;
  const json& v = member(key);
  if (!v.is_null() && v.is_number() && !v.is_number_integer() && std::isfinite(v.get<double>()) &&
      v.get<double>() != std::floor(v.get<double>()))
    return fail(key, "must be a whole number"), 0;
  return static_cast<int>(number(key, lo, hi));
}

long long JsonObject::integer_or(const char* key, long long fallback) const {
  const json& v = member(key);
  if (v.is_number_unsigned())
    return v.get<json::number_unsigned_t>() <=
                   static_cast<json::number_unsigned_t>(std::numeric_limits<long long>::max())
               ? static_cast<long long>(v.get<json::number_unsigned_t>())
               : fallback;
  return v.is_number_integer() ? v.get<long long>() : fallback;
}

bool JsonObject::flag(const char* key) const {
  const json& v = member(key);
  return v.is_boolean() && v.get<bool>();
}

std::vector<std::string> JsonObject::texts(const char* key) {
  std::vector<std::string> out;
  if (!ok_) return out;
  const json& v = member(key);
  if (v.is_null()) return out;
  if (!v.is_array()) return fail(key, "must be an array"), out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) {
      fail_item(key, i, "", "must be a string");
      return {};
    }
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

}  // namespace ccap

#pragma once
// The one way the app reads content JSON (partnership.json and the Knowledge Platform inside it).
//
// Nothing here throws: the wasm build is linked without exception catching, so an exception that
// escapes a loader stops the page (toolchain.md). Every problem is a line
//   "<file>: <JSON pointer>: <what is wrong>"         e.g. "partnership.json: /cities/3/lat: is 95, outside -90..90"
// collected in a JsonProblems; the loader leaves the entry out and goes on with the next.
//
// One behaviour for every reader:
// - an entry is a JSON object; its first problem drops it (and is the one reported for it);
// - a required text is a non-empty string; an optional one may be missing or null ("");
// - a number is finite and inside the range the caller names;
// - a list of texts may be missing or null (empty), else must be an array of strings;
// - `array_at` gives an array member: a required one that is missing, or any that is not an array,
//   is a problem, and reads as empty.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccap {

// Deeper nesting than this is refused while parsing: the DOM's recursive copy and destruction
// would otherwise overflow the stack (SIGSEGV natively, RangeError in the browser).
inline constexpr int kMaxJsonDepth = 64;

class JsonProblems {
 public:
  explicit JsonProblems(std::string file) : file_(std::move(file)) {}
  // `pointer` is a JSON pointer ("" for the whole document).
  void add(const std::string& pointer, const std::string& why);
  const std::string& file() const { return file_; }
  const std::vector<std::string>& list() const { return list_; }
  std::vector<std::string> take() { return std::move(list_); }

 private:
  std::string file_;
  std::vector<std::string> list_;
};

// Parses `text`; on failure adds one problem with the line and column (1-based) and returns
// nothing. A UTF-8 byte-order mark is skipped; ill-formed UTF-8 and numbers out of range are
// problems, not replaced or rounded. A key given twice in an object (the last is kept) and a NUL
// character in a string are read, and each added as a problem with its JSON pointer.
std::optional<nlohmann::json> parse_json(std::string_view text, JsonProblems& problems);

// "/cities" + 3 -> "/cities/3"; keys are escaped as RFC 6901 says (~ -> ~0, / -> ~1).
std::string json_pointer(const std::string& parent, const std::string& key);
std::string json_pointer(const std::string& parent, std::size_t index);

enum class Presence { Required, Optional };

// The member `key` of `parent`, or null when `parent` is not an object or has no such member.
const nlohmann::json& member_of(const nlohmann::json& parent, const char* key);

// The array member `key` of `parent` (which lives at `parent_pointer`), or an empty array.
const nlohmann::json& array_at(const nlohmann::json& parent, const std::string& parent_pointer, const char* key,
                               Presence presence, JsonProblems& problems);

// Reads the fields of one entry. After the first problem, every read returns an empty value and
// ok() is false: the caller drops the entry.
class JsonObject {
 public:
  JsonObject(const nlohmann::json& value, std::string pointer, JsonProblems& problems);
  bool ok() const { return ok_; }
  const std::string& pointer() const { return pointer_; }
  std::string pointer(const char* key) const { return json_pointer(pointer_, key); }

  std::string text(const char* key, Presence presence = Presence::Required);
  double number(const char* key, double lo, double hi);
  int integer(const char* key, int lo, int hi);
  // An optional whole number; `fallback` when missing, null or not an integer in range.
  long long integer_or(const char* key, long long fallback) const;
  bool flag(const char* key) const;  // optional boolean, false when missing
  std::vector<std::string> texts(const char* key);
  // The member, or null when missing.
  const nlohmann::json& member(const char* key) const;

  // Records a problem about `key` ("" for the entry itself); only the first one counts.
  void fail(const std::string& key, const std::string& why);
  // The same about item `index` of the array `key` (and its member `field`, unless empty).
  void fail_item(const char* key, std::size_t index, const char* field, const std::string& why);
  // A problem with item `index` of the array `key` that drops the item, not the entry (which
  // stays ok): a reference to something that is not there.
  void drop_item(const char* key, std::size_t index, const std::string& why);

 private:
  const nlohmann::json& value_;
  std::string pointer_;
  JsonProblems& problems_;
  bool ok_ = true;
};

}  // namespace ccap

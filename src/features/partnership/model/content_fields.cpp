#include "features/partnership/model/content_fields.h"

#include "base/text_format.h"

namespace ccap {

std::vector<Link> read_links(JsonObject& entry, const char* key, Presence presence) {
  std::vector<Link> out;
  if (!entry.ok()) return out;
  const nlohmann::json& list = entry.member(key);
  if (list.is_null() && presence == Presence::Optional) return out;
  if (!list.is_array() || (presence == Presence::Required && list.empty())) {
    entry.fail(key, "must list at least one source");
    return out;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& link = list[i];
    const auto field = [&](const char* name) -> const nlohmann::json* {
      const auto it = link.is_object() ? link.find(name) : link.end();
      return link.is_object() && it != link.end() && it->is_string() ? &*it : nullptr;
    };
    const nlohmann::json *title = field("title"), *url = field("url");
    if (!title || !url) {
      entry.fail_item(key, i, "", "a source needs a title and a url (strings)");
      return {};
    }
    if (!is_web_address(url->get_ref<const std::string&>())) {
      entry.fail_item(key, i, "url", "must be an http:// or https:// address");
      return {};
    }
    out.push_back({title->get<std::string>(), url->get<std::string>()});
  }
  return out;
}

std::string read_web_address(JsonObject& entry, const char* key) {
  std::string url = entry.text(key, Presence::Optional);
  if (!url.empty() && !is_web_address(url)) {
    entry.fail(key, "must be an http:// or https:// address");
    return {};
  }
  return url;
}

namespace {

// `key`: an array of ids, each resolved by `find`. An unknown one drops itself, not the entry: one
// mistyped area id once took 34 of 63 Knowledge Platform entries with it. Each is reported.
template <class IdType, class Find>
std::vector<IdType> read_references(JsonObject& entry, const char* key, const char* what, Find find) {
  std::vector<IdType> out;
  const std::vector<std::string> keys = entry.texts(key);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (const std::optional<IdType> id = find(keys[i]))
      out.push_back(*id);
    else
      entry.drop_item(key, i, std::string("unknown ") + what + " \"" + keys[i] + "\" (left out)");
  }
  return out;
}

}  // namespace

std::vector<CityId> read_cities(JsonObject& entry, const char* key, const Partnership& p) {
  return read_references<CityId>(entry, key, "city", [&](const std::string& k) { return p.find_city(k); });
}

std::vector<AreaId> read_areas(JsonObject& entry, const char* key, const Partnership& p) {
  return read_references<AreaId>(entry, key, "Guidance Framework area",
                                 [&](const std::string& k) { return p.find_area(k); });
}

}  // namespace ccap

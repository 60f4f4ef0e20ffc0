#include "features/knowledge/model/knowledge.h"

#include "base/text_format.h"

#include <nlohmann/json.hpp>

namespace ccap {

using nlohmann::json;

std::vector<std::size_t> Knowledge::practices_of(std::size_t city) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < practices.size(); ++i)
    for (std::size_t c : practices[i].cities)
      if (c == city) out.push_back(i);
  return out;
}

std::vector<std::size_t> Knowledge::experts_of(std::size_t city) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < experts.size(); ++i)
    if (experts[i].city == city) out.push_back(i);
  return out;
}

namespace {

// Reads one entry; the first problem makes it fail with its JSON pointer.
class Reader {
 public:
  Reader(const json& j, std::string pointer) : j_(j), pointer_(std::move(pointer)) {
    if (!j_.is_object()) fail("", "must be an object");
  }
  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }

  std::string text(const char* key, bool required = true) {
    if (!ok()) return {};
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) fail(key, "is missing");
      return {};
    }
    if (!it->is_string() || (required && it->get_ref<const std::string&>().empty())) {
      fail(key, "must be a non-empty string");
      return {};
    }
    return it->get<std::string>();
  }
  std::vector<std::string> texts(const char* key) {
    std::vector<std::string> out;
    if (!ok()) return out;
    const auto it = j_.find(key);
    if (it == j_.end() || !it->is_array()) {
      fail(key, "must be an array");
      return out;
    }
    for (const json& v : *it) {
      if (!v.is_string()) {
        fail(key, "must hold strings");
        return {};
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  std::vector<Link> links(const char* key) {
    std::vector<Link> out;
    if (!ok()) return out;
    const auto it = j_.find(key);
    if (it == j_.end() || !it->is_array() || it->empty()) {
      fail(key, "must list at least one source");
      return out;
    }
    for (const json& v : *it) {
      if (!v.is_object() || !v.contains("title") || !v.contains("url") || !v["title"].is_string() ||
          !v["url"].is_string()) {
        fail(key, "each source needs a title and a url");
        return {};
      }
      const std::string url = v["url"].get<std::string>();
      if (!is_web_address(url)) {
        fail(key, "a source's url must be http or https");
        return {};
      }
      out.push_back({v["title"].get<std::string>(), url});
    }
    return out;
  }
  std::vector<std::size_t> cities(const char* key, const Partnership& p) {
    std::vector<std::size_t> out;
    for (const std::string& id : texts(key)) {
      const auto c = p.city_index(id);
      if (!c) {
        fail(key, "unknown city \"" + id + "\"");
        return {};
      }
      out.push_back(*c);
    }
    return out;
  }
  std::vector<std::size_t> areas(const char* key, const std::vector<GuidanceArea>& areas) {
    std::vector<std::size_t> out;
    for (const std::string& id : texts(key)) {
      std::size_t k = 0;
      while (k < areas.size() && areas[k].id != id) ++k;
      if (k == areas.size()) {
        fail(key, "unknown Guidance Framework area \"" + id + "\"");
        return {};
      }
      out.push_back(k);
    }
    return out;
  }
  void fail(const std::string& key, const std::string& why) {
    if (problem_.empty()) problem_ = pointer_ + (key.empty() ? "" : "/" + key) + ": " + why;
  }

 private:
  const json& j_;
  std::string pointer_;
  std::string problem_;
};

const json& array_at(const json& k, const char* key) {
  static const json empty = json::array();
  const auto it = k.find(key);
  return it != k.end() && it->is_array() ? *it : empty;
}

}  // namespace

KnowledgeLoad parse_knowledge(const std::string& text, const Partnership& p, const std::string& file) {
  return parse_knowledge_document(json::parse(text, nullptr, false), p, file);
}

KnowledgeLoad parse_knowledge_document(const json& root, const Partnership& p, const std::string& file) {
  KnowledgeLoad load;
  if (root.is_discarded() || !root.is_object()) {
    load.problems.push_back(file + ": not valid JSON");
    return load;
  }
  const auto it = root.find("knowledge");
  if (it == root.end() || !it->is_object()) {
    load.problems.push_back(file + ": no knowledge section (rebuild the content)");
    return load;
  }
  const json& k = *it;
  Knowledge out;
  const auto keep = [&](Reader& r) {
    if (!r.ok()) load.problems.push_back(file + ": " + r.problem());
    return r.ok();
  };
  const json& areas = array_at(k, "areas");
  for (std::size_t i = 0; i < areas.size(); ++i) {
    Reader r(areas[i], "/knowledge/areas/" + std::to_string(i));
    GuidanceArea a{r.text("id"), r.text("name")};
    if (keep(r)) out.areas.push_back(std::move(a));
  }
  for (const json& l : array_at(k, "area_sources"))
    if (l.is_object() && l.contains("url") && l["url"].is_string() && is_web_address(l["url"].get<std::string>()))
      out.area_sources.push_back({l.value("title", ""), l.value("url", "")});
  const json& practices = array_at(k, "practices");
  for (std::size_t i = 0; i < practices.size(); ++i) {
    Reader r(practices[i], "/knowledge/practices/" + std::to_string(i));
    Practice x;
    x.id = r.text("id");
    x.title = r.text("title");
    x.years = r.text("years");
    x.summary = r.text("summary");
    x.cities = r.cities("cities", p);
    x.areas = r.areas("areas", out.areas);
    x.pollutants = r.texts("pollutants");
    x.sectors = r.texts("sectors");
    x.sources = r.links("sources");
    if (r.ok() && practices[i].contains("outcomes") && practices[i]["outcomes"].is_array())
      for (const json& o : practices[i]["outcomes"])
        if (o.is_object() && o.contains("text") && o["text"].is_string())
          x.outcomes.push_back({o["text"].get<std::string>(), o.value("figure", "")});
    if (r.ok() && x.cities.empty()) r.fail("cities", "must name at least one city");
    if (keep(r)) out.practices.push_back(std::move(x));
  }
  const json& experts = array_at(k, "experts");
  for (std::size_t i = 0; i < experts.size(); ++i) {
    Reader r(experts[i], "/knowledge/experts/" + std::to_string(i));
    Expert x;
    x.id = r.text("id");
    x.name = r.text("name");
    x.kind = r.text("kind");
    x.role = r.text("role");
    x.url = r.text("url", false);
    x.country = r.text("country", false);
    x.languages_basis = r.text("languages_basis", false);
    const std::string city = r.text("city", false);
    if (!city.empty()) {
      x.city = p.city_index(city);
      if (!x.city) r.fail("city", "unknown city \"" + city + "\"");
    }
    x.areas = r.areas("areas", out.areas);
    x.pollutants = r.texts("pollutants");
    x.languages = r.texts("languages");
    x.sources = r.links("sources");
    if (keep(r)) out.experts.push_back(std::move(x));
  }
  const json& trainings = array_at(k, "trainings");
  for (std::size_t i = 0; i < trainings.size(); ++i) {
    Reader r(trainings[i], "/knowledge/trainings/" + std::to_string(i));
    Training x;
    x.id = r.text("id");
    x.title = r.text("title");
    x.provider = r.text("provider");
    x.level = r.text("level");
    x.format = r.text("format");
    x.summary = r.text("summary");
    x.url = r.text("url", false);
    x.areas = r.areas("topics", out.areas);
    x.pollutants = r.texts("pollutants");
    x.criteria = r.texts("certification_criteria");
    x.sources = r.links("sources");
    if (keep(r)) out.trainings.push_back(std::move(x));
  }
  load.knowledge = std::move(out);
  return load;
}

}  // namespace ccap

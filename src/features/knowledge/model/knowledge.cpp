#include "features/knowledge/model/knowledge.h"

#include <algorithm>

#include "base/json_reader.h"
#include "features/partnership/model/content_fields.h"

namespace ccap {

using nlohmann::json;

std::vector<std::size_t> Knowledge::practices_of(CityId city) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < practices.size(); ++i)
    if (std::find(practices[i].cities.begin(), practices[i].cities.end(), city) != practices[i].cities.end())
      out.push_back(i);
  return out;
}

std::vector<std::size_t> Knowledge::experts_of(CityId city) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < experts.size(); ++i)
    if (experts[i].city == city) out.push_back(i);
  return out;
}

namespace {

constexpr const char* kSection = "/knowledge";

// Calls read(entry) for each item of /knowledge/<key>; keeps what it returns when the entry is ok.
template <class T, class Read>
void read_entries(const json& section, const char* key, JsonProblems& problems, std::vector<T>& out, Read read) {
  const json& list = array_at(section, kSection, key, Presence::Optional, problems);
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObject entry(list[i], json_pointer(json_pointer(kSection, key), i), problems);
    T value = read(entry);
    if (entry.ok()) out.push_back(std::move(value));
  }
}

}  // namespace

KnowledgeLoad parse_knowledge(const json& root, const Partnership& p, const std::string& file) {
  KnowledgeLoad load;
  JsonProblems problems(file);
  const json& section = member_of(root, "knowledge");
  if (!section.is_object()) {
    problems.add("", "no knowledge section (rebuild the content)");
    load.problems = problems.take();
    return load;
  }
  Knowledge out;
  read_entries(section, "practices", problems, out.practices, [&](JsonObject& r) {
    Practice x;
    x.id = r.text("id");
    x.title = r.text("title");
    x.years = r.text("years");
    x.summary = r.text("summary");
    x.cities = read_cities(r, "cities", p);
    x.areas = read_areas(r, "areas", p);
    x.pollutants = r.texts("pollutants");
    x.sectors = r.texts("sectors");
    x.sources = read_links(r, "sources", Presence::Required);
    const json& outcomes = r.member("outcomes");
    for (std::size_t i = 0; r.ok() && outcomes.is_array() && i < outcomes.size(); ++i) {
      const json &text = member_of(outcomes[i], "text"), &figure = member_of(outcomes[i], "figure");
      if (!text.is_string() || !(figure.is_null() || figure.is_string()))
        r.fail_item("outcomes", i, "", "an outcome needs a text (and a figure, if any, as a string)");
      else
        x.outcomes.push_back({text.get<std::string>(), figure.is_string() ? figure.get<std::string>() : ""});
    }
    if (r.ok() && !outcomes.is_null() && !outcomes.is_array()) r.fail("outcomes", "must be an array");
    if (r.ok() && x.cities.empty()) r.fail("cities", "must name at least one city");
    return x;
  });
  read_entries(section, "experts", problems, out.experts, [&](JsonObject& r) {
    Expert x;
    x.id = r.text("id");
    x.name = r.text("name");
    x.kind = r.text("kind");
    x.role = r.text("role");
    x.url = read_web_address(r, "url");
    x.country = r.text("country", Presence::Optional);
    x.languages_basis = r.text("languages_basis", Presence::Optional);
    if (const std::string city = r.text("city", Presence::Optional); !city.empty()) {
      x.city = p.find_city(city);
      if (!x.city) r.fail("city", "unknown city \"" + city + "\"");
    }
    x.areas = read_areas(r, "areas", p);
    x.pollutants = r.texts("pollutants");
    x.languages = r.texts("languages");
    x.sources = read_links(r, "sources", Presence::Required);
    return x;
  });
  read_entries(section, "trainings", problems, out.trainings, [&](JsonObject& r) {
    Training x;
    x.id = r.text("id");
    x.title = r.text("title");
    x.provider = r.text("provider");
    x.level = r.text("level");
    x.format = r.text("format");
    x.summary = r.text("summary");
    x.url = read_web_address(r, "url");
    x.areas = read_areas(r, "topics", p);
    x.pollutants = r.texts("pollutants");
    x.criteria = r.texts("certification_criteria");
    x.sources = read_links(r, "sources", Presence::Required);
    return x;
  });
  load.knowledge = std::move(out);
  load.problems = problems.take();
  return load;
}

}  // namespace ccap

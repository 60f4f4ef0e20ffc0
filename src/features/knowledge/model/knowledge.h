#pragma once
// The Knowledge Platform as the app knows it: best practices of partner cities, the experts
// directory (public institutions and their roles, never persons) and training programmes, each
// with its public sources, tied to cities and to the six areas of Clean Air Asia's Guidance
// Framework. Read from the "knowledge" member of data/partnership.json.
#include <optional>
#include <string>
#include <vector>

#include "features/partnership/model/partnership.h"

namespace ccap {

struct Link {
  std::string title, url;
};

struct GuidanceArea {
  std::string id, name;
};

struct Outcome {
  std::string text, figure;  // figure: empty when none is published
};

struct Practice {
  std::string id, title, years, summary;
  std::vector<std::size_t> cities;  // partnership city indices
  std::vector<std::size_t> areas;   // indices into Knowledge::areas
  std::vector<std::string> pollutants, sectors;
  std::vector<Outcome> outcomes;
  std::vector<Link> sources;
};

struct Expert {
  std::string id, name, kind, role, url, country, languages_basis;
  std::optional<std::size_t> city;
  std::vector<std::size_t> areas;
  std::vector<std::string> pollutants, languages;
  std::vector<Link> sources;
};

struct Training {
  std::string id, title, provider, level, format, summary, url;
  std::vector<std::size_t> areas;
  std::vector<std::string> pollutants, criteria;
  std::vector<Link> sources;
};

struct Knowledge {
  std::vector<GuidanceArea> areas;
  std::vector<Link> area_sources;
  std::vector<Practice> practices;
  std::vector<Expert> experts;
  std::vector<Training> trainings;

  std::vector<std::size_t> practices_of(std::size_t city) const;
  std::vector<std::size_t> experts_of(std::size_t city) const;
};

struct KnowledgeLoad {
  std::optional<Knowledge> knowledge;  // entries with problems are left out
  std::vector<std::string> problems;   // "partnership.json: /knowledge/practices/3/cities/0: ..."
};

// `json_text`: the whole partnership.json; cities are resolved against `partnership`.
KnowledgeLoad parse_knowledge(const std::string& json_text, const Partnership& partnership,
                              const std::string& file_name);
// The same from the parsed file (the app parses partnership.json once).
KnowledgeLoad parse_knowledge_document(const nlohmann::json& document, const Partnership& partnership,
                                       const std::string& file_name);

}  // namespace ccap

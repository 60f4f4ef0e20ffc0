#pragma once
// The Knowledge Platform as the app knows it: best practices of partner cities, the experts
// directory (public institutions and their roles, never persons) and training programmes, each
// with its public sources, tied to cities and to the six areas of Clean Air Asia's Guidance
// Framework (Partnership::areas). Read from the "knowledge" member of data/partnership.json.
#include <optional>
#include <string>
#include <vector>

#include "features/partnership/model/partnership.h"

namespace ccap {

struct Outcome {
  std::string text, figure;  // figure: empty when none is published
};

struct Practice {
  std::string id, title, years, summary;
  std::vector<CityId> cities;
  std::vector<AreaId> areas;
  std::vector<std::string> pollutants, sectors;
  std::vector<Outcome> outcomes;
  std::vector<Link> sources;
};

struct Expert {
  std::string id, name, kind, role, url, country, languages_basis;
  std::optional<CityId> city;
  std::vector<AreaId> areas;
  std::vector<std::string> pollutants, languages;
  std::vector<Link> sources;
};

struct Training {
  std::string id, title, provider, level, format, summary, url;
  std::vector<AreaId> areas;
  std::vector<std::string> pollutants, criteria;
  std::vector<Link> sources;
};

struct Knowledge {
  std::vector<Practice> practices;
  std::vector<Expert> experts;
  std::vector<Training> trainings;

  // Indices into practices and experts.
  std::vector<std::size_t> practices_of(CityId city) const;
  std::vector<std::size_t> experts_of(CityId city) const;
};

struct KnowledgeLoad {
  std::optional<Knowledge> knowledge;  // entries with problems are left out
  std::vector<std::string> problems;   // "partnership.json: /knowledge/practices/3/cities/0: ..."
};

// Reads the "knowledge" member of the parsed content file (PartnershipLoad::document); cities
// and areas are resolved against `partnership`. Never throws.
KnowledgeLoad parse_knowledge(const nlohmann::json& document, const Partnership& partnership,
                              const std::string& file_name);

}  // namespace ccap

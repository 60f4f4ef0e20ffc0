#include "features/knowledge/model/knowledge_tables.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "base/formats/csv_writer.h"
#include "base/text_format.h"
#include "domain/who_guidelines.h"

namespace ccap {

namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? separator : "") + items[i];
  return out;
}

// Names and ids: "a; b". Texts shown as bullets: one per line.
std::string listed(const std::vector<std::string>& items) { return joined(items, "; "); }
std::string lines(const std::vector<std::string>& items) { return joined(items, "\n"); }

CsvCell text(std::string s) { return CsvCell::text(std::move(s)); }
CsvCell count(std::size_t n) { return CsvCell::number(static_cast<double>(n), 0); }

// Each id's field, in order: city_ids(p, cities) = every city's content id.
template <class Ids, class Field>
std::vector<std::string> each(const Ids& ids, Field field) {
  std::vector<std::string> out;
  for (const auto id : ids) out.push_back(field(id));
  return out;
}
std::vector<std::string> city_ids(const Partnership& p, const std::vector<CityId>& cities) {
  return each(cities, [&](CityId c) { return p.city(c).id; });
}
std::vector<std::string> city_names(const Partnership& p, const std::vector<CityId>& cities) {
  return each(cities, [&](CityId c) { return p.city(c).name; });
}
std::vector<std::string> area_ids(const Partnership& p, const std::vector<AreaId>& areas) {
  return each(areas, [&](AreaId a) { return p.area(a).id; });
}
std::vector<std::string> area_names(const Partnership& p, const std::vector<AreaId>& areas) {
  return each(areas, [&](AreaId a) { return p.area(a).name; });
}

// "ahead of you" -> "ahead_of_you": a header name from a part's name.
std::string column_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// One search result's cells, by column.
struct EntryRow {
  std::string kind = {}, id = {}, title = {}, summary = {};
  std::vector<CityId> cities = {};
  std::vector<std::string> countries = {};
  std::vector<AreaId> areas = {};
  std::vector<std::string> pollutants = {}, sectors = {};
  std::string years = {};
  std::vector<std::string> outcomes = {};
  std::string institution_type = {};
  std::vector<std::string> languages = {};
  std::string provider = {}, level = {}, format = {};
  std::vector<std::string> criteria = {};
  std::string url = {};
  const std::vector<Link>* sources = nullptr;
};

EntryRow entry_row(const Knowledge& k, const Partnership& p, const KnowledgeSearch& search, const EntryRef& e) {
  EntryRow r;
  r.kind = entry_kind_name(e.kind);
  r.title = search.title(e);
  r.cities = entry_cities(k, e);
  switch (e.kind) {
    case EntryKind::Practice: {
      const Practice& x = k.practices[e.index];
      r.id = x.id;
      r.summary = x.summary;
      r.areas = x.areas;
      r.pollutants = x.pollutants;
      r.sectors = x.sectors;
      r.years = x.years;
      for (const Outcome& o : x.outcomes)
        r.outcomes.push_back(o.text + (o.figure.empty() ? "" : " (" + o.figure + ")"));
      r.sources = &x.sources;
      break;
    }
    case EntryKind::Expert: {
      const Expert& x = k.experts[e.index];
      r.id = x.id;
      r.summary = x.role;
      if (!x.country.empty()) r.countries.push_back(x.country);
      r.areas = x.areas;
      r.pollutants = x.pollutants;
      r.institution_type = x.kind;
      r.languages = x.languages;
      r.url = x.url;
      r.sources = &x.sources;
      break;
    }
    case EntryKind::Training: {
      const Training& x = k.trainings[e.index];
      r.id = x.id;
      r.summary = x.summary;
      r.areas = x.areas;
      r.pollutants = x.pollutants;
      r.provider = x.provider;
      r.level = x.level;
      r.format = x.format;
      r.criteria = x.criteria;
      r.url = x.url;
      r.sources = &x.sources;
      break;
    }
  }
  // A practice's countries are its cities'; an institution's its own (first) and its city's.
  for (CityId c : r.cities) {
    const std::string& country = p.city(c).country;
    if (!country.empty() && std::find(r.countries.begin(), r.countries.end(), country) == r.countries.end())
      r.countries.push_back(country);
  }
  return r;
}

}  // namespace

std::string search_results_csv(const Knowledge& k, const Partnership& p, const KnowledgeSearch& search,
                               const KnowledgeResults& results) {
  std::vector<EntryRow> rows;
  rows.reserve(results.entries.size());
  std::size_t most_sources = 1;
  for (const EntryRef& e : results.entries) {
    rows.push_back(entry_row(k, p, search, e));
    most_sources = std::max(most_sources, rows.back().sources->size());
  }
  std::vector<std::string> header{"rank",       "kind",     "id",        "title",    "summary",
                                  "cities",     "city_ids", "countries", "areas",    "area_ids",
                                  "pollutants", "sectors",  "years",     "outcomes", "institution_type",
                                  "languages",  "provider", "level",     "format",   "certification_criteria",
                                  "url"};
  for (std::size_t s = 1; s <= most_sources; ++s) {
    header.push_back("source_" + std::to_string(s) + "_title");
    header.push_back("source_" + std::to_string(s) + "_url");
  }
  CsvWriter csv(std::move(header));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const EntryRow& r = rows[i];
    std::vector<CsvCell> cells{count(i + 1),
                               text(r.kind),
                               text(r.id),
                               text(r.title),
                               text(r.summary),
                               text(listed(city_names(p, r.cities))),
                               text(listed(city_ids(p, r.cities))),
                               text(listed(r.countries)),
                               text(listed(area_names(p, r.areas))),
                               text(listed(area_ids(p, r.areas))),
                               text(listed(r.pollutants)),
                               text(listed(r.sectors)),
                               text(r.years),
                               text(lines(r.outcomes)),
                               text(r.institution_type),
                               text(listed(r.languages)),
                               text(r.provider),
                               text(r.level),
                               text(r.format),
                               text(lines(r.criteria)),
                               text(r.url)};
    for (const Link& source : *r.sources) {
      cells.push_back(text(source.title));
      cells.push_back(text(source.url));
    }
    csv.row(cells);
  }
  return csv.text();
}

std::string peer_matches_csv(const Knowledge& k, const Partnership& p, std::optional<CityId> you,
                             const std::vector<PeerMatch>& matches) {
  std::vector<std::string> header{"rank",         "your_city_id", "your_city",   "peer_city_id", "peer_city",
                                  "peer_country", "score",        "known_parts", "parts"};
  // Every match has the same parts in the same order (peer_finder.h); the first names them.
  std::vector<std::string> parts;
  if (!matches.empty())
    for (const ScorePart& part : matches.front().parts) parts.push_back(column_name(part.name));
  for (const std::string& part : parts) {
    header.push_back(part + "_points");
    header.push_back(part + "_max");
    header.push_back(part + "_why");
  }
  header.push_back("lessons");
  header.push_back("lesson_ids");
  CsvWriter csv(std::move(header));
  for (std::size_t r = 0; r < matches.size(); ++r) {
    const PeerMatch& m = matches[r];
    const City& peer = p.city(m.city);
    std::vector<CsvCell> cells{count(r + 1),
                               text(you ? p.city(*you).id : ""),
                               text(you ? p.city(*you).name : "your city (described)"),
                               text(peer.id),
                               text(peer.name),
                               text(peer.country),
                               CsvCell::number(m.score, 1),
                               CsvCell::number(m.known_parts, 0),
                               count(m.parts.size())};
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i >= m.parts.size()) {  // never: every match has every part
        cells.insert(cells.end(), 3, CsvCell());
        continue;
      }
      const ScorePart& part = m.parts[i];
      cells.push_back(part.known ? CsvCell::number(part.points, 1) : CsvCell());
      cells.push_back(CsvCell::number(part.max, 0));
      cells.push_back(text(part.known ? part.why : "unknown, not counted: " + part.why));
    }
    std::vector<std::string> titles, ids;
    for (std::size_t i : m.lessons) {
      titles.push_back(k.practices[i].title);
      ids.push_back(k.practices[i].id);
    }
    cells.push_back(text(lines(titles)));
    cells.push_back(text(listed(ids)));
    csv.row(cells);
  }
  return csv.text();
}

std::string comparison_csv(const Knowledge& k, const Partnership& p, const std::vector<CityId>& cities) {
  CsvWriter csv({"city_id", "city", "country", "population", "pm25_annual", "pm25_year", "pm25_times_guideline",
                 "pm25_method", "pm25_coverage", "pm25_stations", "certification", "certification_level_id",
                 "certification_status", "certification_year", "criteria_met", "practices", "practice_ids", "twins",
                 "twin_city_ids"});
  for (CityId c : cities) {
    const City& city = p.city(c);
    std::vector<CsvCell> cells{
        text(city.id), text(city.name), text(city.country),
        city.population > 0 ? CsvCell::number(static_cast<double>(city.population), 0) : CsvCell()};
    if (const Pm25Annual* m = latest_pm25(city)) {
      cells.push_back(CsvCell::number(m->value, 1));
      cells.push_back(CsvCell::number(m->year, 0));
      cells.push_back(CsvCell::number(m->value / Pm25AnnualThresholds::kGuideline, 1));
      cells.push_back(text(pm25_method_label(m->method)));
      cells.push_back(m->coverage.empty() ? CsvCell() : text(m->coverage));
      cells.push_back(m->stations > 0 ? CsvCell::number(m->stations, 0) : CsvCell());
    } else {
      cells.insert(cells.end(), 6, CsvCell());
    }
    if (const CertificationStatus* s = p.certification_of(c)) {
      const CertificationLevel& level = p.level(s->level);
      cells.push_back(text(level.name + " (" + s->status + " " + std::to_string(s->year) + ")"));
      cells.push_back(text(level.id));
      cells.push_back(text(s->status));
      cells.push_back(CsvCell::number(s->year, 0));
      cells.push_back(text(lines(level.first_actions)));
    } else {
      cells.push_back(text("none recorded"));
      cells.insert(cells.end(), 4, CsvCell());
    }
    std::vector<std::string> titles, ids;
    for (std::size_t i : k.practices_of(c)) {
      titles.push_back(k.practices[i].title);
      ids.push_back(k.practices[i].id);
    }
    cells.push_back(text(lines(titles)));
    cells.push_back(text(listed(ids)));
    std::vector<std::string> twins, twin_ids;
    for (const auto& [pair, partner] : p.partners_of(c)) {
      twins.push_back(p.city(partner).name + (pair->announced.empty() ? "" : ", " + pair->announced));
      twin_ids.push_back(p.city(partner).id);
    }
    cells.push_back(text(lines(twins)));
    cells.push_back(text(listed(twin_ids)));
    csv.row(cells);
  }
  return csv.text();
}

std::string comparison_pm25_cell(const City& city) {
  const Pm25Annual* m = latest_pm25(city);
  if (!m) return {};
  return one_decimal(m->value) + " µg/m³ (" + std::to_string(m->year) + ", " + pm25_basis(*m) +
         "): " + one_decimal(m->value / Pm25AnnualThresholds::kGuideline) + " x the guideline";
}

std::vector<std::string> comparison_pm25_lines(const Partnership& p, const std::vector<CityId>& cities) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < cities.size(); ++i)
    for (std::size_t j = i + 1; j < cities.size(); ++j) {
      const City &a = p.city(cities[i]), &b = p.city(cities[j]);
      const Pm25Annual *ma = latest_pm25(a), *mb = latest_pm25(b);
      if (ma && mb) {
        out.push_back(compare_pm25(a.name, *ma, b.name, *mb).text);
      } else {
        std::vector<std::string> without;
        if (!ma) without.push_back(a.name);
        if (!mb) without.push_back(b.name);
        out.push_back(a.name + " and " + b.name + ": not comparable (no published annual mean for " +
                      joined(without, " or ") + ")");
      }
    }
  return out;
}

std::string search_results_what(const std::string& query) {
  const bool blank = query.find_first_not_of(" \t") == std::string::npos;
  return "knowledge-search-" + (blank ? std::string("all") : query);
}

std::string peer_matches_what(const Partnership& p, std::optional<CityId> you) {
  return "peers-of-" + (you ? p.city(*you).id : std::string("described-city"));
}

std::string comparison_what(const Partnership& p, const std::vector<CityId>& cities) {
  std::string out = "compare";
  for (CityId c : cities) out += "-" + p.city(c).id;
  return out;
}

}  // namespace ccap

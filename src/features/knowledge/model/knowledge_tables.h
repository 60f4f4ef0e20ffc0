#pragma once
// The Knowledge Platform panel's three results as CSV files for spreadsheets (base/formats/csv_writer.h:
// UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula-injection guard): the search's results, the
// peer finder's matches and the Compare table. Each holds what the panel shows, and the stable ids
// a spreadsheet joins on (an entry's kind and id, city ids, area ids). Pure: the caller names the
// file (base/formats/export_names.h) with the moment of saving.
//
// A cell with several values: names and ids are joined by "; " ("taipei; kaohsiung"); free texts the
// panel shows as bullets (outcomes, criteria, titles) one per line within the cell (a spreadsheet
// shows the line breaks). An entry's sources are numbered column pairs, "source_1_title",
// "source_1_url", ..., as many as the entry with the most sources has (at least one pair).
#include <optional>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/knowledge_search.h"
#include "features/knowledge/model/peer_finder.h"
#include "features/partnership/model/partnership.h"

namespace ccap {

// One row per result, in the results' order: rank, kind ("practice", "expert", "training"), id,
// title (an institution's name), summary (an institution's role), cities and city_ids, countries
// (ISO codes), areas and area_ids, pollutants, sectors, years, outcomes, institution_type,
// languages, provider, level, format, certification_criteria, url, then the sources.
std::string search_results_csv(const Knowledge& k, const Partnership& p, const KnowledgeSearch& search,
                               const KnowledgeResults& results);

// One row per match, best first: rank, your_city_id and your_city (empty id and "your city
// (described)" for a city described by hand), peer_city_id, peer_city, peer_country, score (0-100),
// known_parts, parts; per part of the score (named as the matches name them: "similar_size_points",
// "similar_size_max", "similar_size_why"; points empty when the part is unknown); lessons (practice
// titles, one per line) and lesson_ids.
std::string peer_matches_csv(const Knowledge& k, const Partnership& p, std::optional<CityId> you,
                             const std::vector<PeerMatch>& matches);

// The Compare table, one row per city in the order compared: city_id, city, country, population
// (empty: unknown), pm25_annual (the latest published mean, µg/m³), pm25_year, pm25_times_guideline
// (the WHO 2021 guideline), pm25_method (as the panel labels it: "agency monitors", "IQAir
// estimate", "NGO average"), pm25_coverage and pm25_stations (empty where the source does not
// state them), certification (as the panel says it), certification_level_id,
// certification_status, certification_year, criteria_met (the first actions of the level held, one
// per line), practices (titles, one per line), practice_ids, twins ("Name, announced", one per
// line), twin_city_ids.
std::string comparison_csv(const Knowledge& k, const Partnership& p, const std::vector<CityId>& cities);

// Compare's PM2.5 cell for a city: its latest mean with its year and basis, against the WHO
// guideline ("40.7 µg/m³ (2022, IQAir estimate): 8.1 x the guideline"); empty when none is published.
std::string comparison_pm25_cell(const City& city);

// What Compare says of annual PM2.5 between the cities, one line per pair in the order compared
// (first-second, first-third, second-third): their latest means set against each other only when
// made the same way (compare_pm25: the same method, year and coverage), else why they are not
// comparable, or that a city has no published mean.
std::vector<std::string> comparison_pm25_lines(const Partnership& p, const std::vector<CityId>& cities);

// What each file is, for export_file_name: "knowledge-search-<query>" ("knowledge-search-all" for
// an empty query), "peers-of-<city id>" ("peers-of-described-city"), "compare-<id>-<id>[-<id>]".
std::string search_results_what(const std::string& query);
std::string peer_matches_what(const Partnership& p, std::optional<CityId> you);
std::string comparison_what(const Partnership& p, const std::vector<CityId>& cities);

}  // namespace ccap

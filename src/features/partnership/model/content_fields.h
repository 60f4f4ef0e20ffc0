#pragma once
// Fields of the content file that refer to other parts of it: inline sources ({title, url}, the
// one link rule), cities by id and Guidance Framework areas by id. Shared by the partnership and
// the Knowledge Platform readers so that a reference is checked, and reported, one way.
#include <vector>

#include "base/json_reader.h"
#include "features/partnership/model/partnership.h"

namespace ccap {

// `key`: an array of {title, url} with an http(s) url. Required: at least one.
std::vector<Link> read_links(JsonObject& entry, const char* key, Presence presence);
// `key`: an optional http(s) address ("" when missing).
std::string read_web_address(JsonObject& entry, const char* key);
// `key`: an array of city ids known to `p`; an unknown one is reported and left out, the entry kept.
std::vector<CityId> read_cities(JsonObject& entry, const char* key, const Partnership& p);
// `key`: an array of Guidance Framework area ids known to `p`, the same way.
std::vector<AreaId> read_areas(JsonObject& entry, const char* key, const Partnership& p);

}  // namespace ccap

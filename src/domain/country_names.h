#pragma once
// Country names for ISO 3166-1 alpha-2 codes, as people read them: "TW" -> "Taiwan", "US" ->
// "United States". The names are the ISO 3166 English short names in common usage (as on
// https://www.iso.org/obp/ui/#search, shortened where the long form is unusual in speech, e.g.
// "Viet Nam" kept as ISO writes it). Codes of the content and the Asia-Pacific; an unknown code
// is shown as the code itself.
#include <string>
#include <string_view>

namespace ccap {

std::string country_name(std::string_view iso_code);

}  // namespace ccap

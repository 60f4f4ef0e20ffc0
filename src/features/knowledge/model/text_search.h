#pragma once
// Full-text search for the Knowledge Platform: diacritic- and case-insensitive ("hai phong" finds
// Hải Phòng), tokenised, with relevance ranking and prefix matching for the word being typed.
//
// Folding: Unicode compatibility decomposition, combining marks stripped, case folded (utf8proc),
// and Vietnamese đ/Đ, which Unicode does not decompose, read as d.
// Ranking: every query word must match (AND). A document scores the sum, over query words and
// the index terms they match, of field weight x term frequency x log(1 + N / document frequency);
// a prefix match (the last, unfinished word) counts 0.8 of an exact one. Ties go to the earlier
// document.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ccap {

std::string fold_text(std::string_view utf8);
std::vector<std::string> tokenize(std::string_view utf8);  // folded words

struct WeightedText {
  std::string text;
  float weight = 1;  // e.g. title 3, tags 2, body 1
};

class SearchIndex {
 public:
  // Returns the document's index.
  std::size_t add(const std::vector<WeightedText>& fields);
  std::size_t size() const { return documents_; }

  struct Hit {
    std::size_t document;
    double score;
  };
  // `prefix_last`: the query's last word also matches words it begins (search as you type).
  std::vector<Hit> search(std::string_view query, bool prefix_last = true) const;

 private:
  struct Posting {
    std::uint32_t document;
    float weighted_frequency;  // sum of the field weights of each occurrence
  };
  std::map<std::string, std::vector<Posting>> postings_;  // ordered: prefixes are ranges
  std::size_t documents_ = 0;
};

}  // namespace ccap

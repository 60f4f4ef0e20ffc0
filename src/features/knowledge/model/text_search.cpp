#include "features/knowledge/model/text_search.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace ccap {

std::string fold_text(std::string_view utf8) {
  // đ (U+0111) and Đ (U+0110) have no decomposition: map them to d first.
  std::string pre;
  pre.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i]) == 0xC4 &&
        (static_cast<unsigned char>(utf8[i + 1]) == 0x90 || static_cast<unsigned char>(utf8[i + 1]) == 0x91)) {
      pre += 'd';
      ++i;
    } else {
      pre += utf8[i];
    }
  }
  utf8proc_uint8_t* out = nullptr;
  const auto flags = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pre.data()),
                                          static_cast<utf8proc_ssize_t>(pre.size()), &out, flags);
  if (n < 0) {  // invalid UTF-8: fold what ASCII there is
    std::string ascii;
    for (char c : pre) ascii += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return ascii;
  }
  std::string folded(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return folded;
}

std::vector<std::string> tokenize(std::string_view utf8) {
  const std::string folded = fold_text(utf8);
  std::vector<std::string> words;
  std::string word;
  for (char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    const bool part = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;  // other scripts stay whole
    if (part) {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::size_t SearchIndex::add(const std::vector<WeightedText>& fields) {
  const auto doc = static_cast<std::uint32_t>(documents_++);
  std::unordered_map<std::string, float> frequency;
  for (const WeightedText& f : fields)
    for (std::string& w : tokenize(f.text)) frequency[std::move(w)] += f.weight;
  for (auto& [term, weight] : frequency) postings_[term].push_back({doc, weight});
  return doc;
}

std::vector<SearchIndex::Hit> SearchIndex::search(std::string_view query, bool prefix_last) const {
  const std::vector<std::string> words = tokenize(query);
  if (words.empty() || documents_ == 0) return {};
  std::vector<double> score(documents_, 0.0);
  std::vector<std::uint32_t> matched(documents_, 0);  // how many query words each document matched
  for (std::size_t q = 0; q < words.size(); ++q) {
    const bool prefix = prefix_last && q + 1 == words.size();
    std::vector<char> hit(documents_, 0);
    auto visit = [&](const std::string& term, const std::vector<Posting>& postings) {
      const double idf = std::log(1.0 + static_cast<double>(documents_) / static_cast<double>(postings.size()));
      const double exactness = term == words[q] ? 1.0 : 0.8;
      for (const Posting& p : postings) {
        score[p.document] += exactness * p.weighted_frequency * idf;
        hit[p.document] = 1;
      }
    };
    if (prefix) {
      for (auto it = postings_.lower_bound(words[q]); it != postings_.end() && it->first.rfind(words[q], 0) == 0; ++it)
        visit(it->first, it->second);
    } else if (const auto it = postings_.find(words[q]); it != postings_.end()) {
      visit(it->first, it->second);
    }
    for (std::size_t d = 0; d < documents_; ++d) matched[d] += static_cast<std::uint32_t>(hit[d]);
  }
  std::vector<Hit> hits;
  for (std::size_t d = 0; d < documents_; ++d)
    if (matched[d] == words.size()) hits.push_back({d, score[d]});
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
  return hits;
}

}  // namespace ccap

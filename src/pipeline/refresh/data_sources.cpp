#include "pipeline/refresh/data_sources.h"

#include <nlohmann/json.hpp>

#include "base/json_reader.h"
#include "pipeline/airquality/dataset_config.h"

namespace ccap::pipeline {

namespace {

bool is_env_name(const std::string& s) {  // POSIX: upper case, digits, '_', not first a digit
  if (s.empty() || s.size() > 64 || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

constexpr std::array<FeedKind, 3> kFeeds{FeedKind::MoenvAqx, FeedKind::OpenaqV3, FeedKind::AirnowFile};

}  // namespace

const char* feed_name(FeedKind kind) {
  switch (kind) {
    case FeedKind::MoenvAqx: return "moenv-aqx";
    case FeedKind::OpenaqV3: return "openaq-v3";
    case FeedKind::AirnowFile: return "airnow-file";
  }
  return "?";
}

DataSources read_data_sources(std::string_view text, const std::string& path) {
  DataSources out;
  JsonProblems problems(path);
  if (const auto root = parse_json(text, problems)) {
    JsonObject top(*root, "", problems);
    const int format = top.integer("format", 0, 1000);
    if (top.ok() && format != kDataSourcesFormat) {
      problems.add("/format",
                   "is " + std::to_string(format) + "; this build reads format " + std::to_string(kDataSourcesFormat));
    } else if (top.ok()) {
      out.window_days = static_cast<int>(top.integer_or("window_days", kDefaultWindowDays));
      if (out.window_days < 1 || out.window_days > 366)
        problems.add("/window_days", "is " + std::to_string(out.window_days) + "; 1 to 366 days");
      const nlohmann::json& list = array_at(*root, "", "sources", Presence::Required, problems);
      for (std::size_t i = 0; i < list.size(); ++i) {
        JsonObject o(list[i], json_pointer("/sources", i), problems);
        DataSource s;
        s.dataset = o.text("dataset");
        if (o.ok() && !airquality::is_dataset_id(s.dataset))
          o.fail("dataset", "is '" + s.dataset + "': a-z, 0-9 and '-'");
        for (const DataSource& before : out.sources)
          if (o.ok() && before.dataset == s.dataset) o.fail("dataset", "is '" + s.dataset + "' again");
        const std::string feed = o.text("feed");
        bool known = false;
        for (FeedKind k : kFeeds)
          if (feed == feed_name(k)) s.feed = k, known = true;
        if (o.ok() && !known) o.fail("feed", "is '" + feed + "'; one of moenv-aqx, openaq-v3, airnow-file");
        s.url = o.text("url");
        if (o.ok() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0)
          o.fail("url", "is '" + s.url + "': an http or https address");
        s.key_env = o.text("key_env", Presence::Optional);
        if (o.ok() && !s.key_env.empty() && !is_env_name(s.key_env))
          o.fail("key_env", "is '" + s.key_env + "': the name of an environment variable (A-Z, 0-9, _)");
        if (const nlohmann::json& b = o.member("bbox"); !b.is_null()) {
          if (!b.is_array() || b.size() != 4) {
            o.fail("bbox", "wants [west, south, east, north] in degrees");
          } else {
            std::array<double, 4> box{};
            for (std::size_t k = 0; k < 4 && o.ok(); ++k) {
              const double limit = k % 2 == 0 ? 180 : 90;
              if (!b[k].is_number() || !(b[k].get<double>() >= -limit && b[k].get<double>() <= limit))
                o.fail_item("bbox", k, "",
                            k % 2 == 0 ? "wants a longitude, -180 to 180" : "wants a latitude, -90 to 90");
              else
                box[k] = b[k].get<double>();
            }
            if (o.ok() && !(box[1] < box[3] && box[0] < box[2])) o.fail("bbox", "is empty: west < east, south < north");
            s.bbox = box;
          }
        }
        if (o.ok() && s.feed == FeedKind::OpenaqV3 && !s.bbox) o.fail("bbox", "is needed by openaq-v3");
        if (o.ok()) out.sources.push_back(std::move(s));
      }
    }
  }
  out.problems = problems.take();
  return out;
}

}  // namespace ccap::pipeline

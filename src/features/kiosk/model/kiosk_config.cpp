#include "features/kiosk/model/kiosk_config.h"

#include <algorithm>
#include <cmath>

#include "base/json_reader.h"

namespace ccap {

namespace {

// An optional number member in [lo, hi]: the default stays when it is missing, else a problem.
void read_number(const nlohmann::json& doc, const char* key, double lo, double hi, double& out,
                 JsonProblems& problems) {
  const nlohmann::json& v = member_of(doc, key);
  if (v.is_null()) return;
  const std::string where = json_pointer("", key);
  if (!v.is_number()) return problems.add(where, "is not a number");
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi)
    return problems.add(where,
                        "is " + v.dump() + ", outside " + nlohmann::json(lo).dump() + ".." + nlohmann::json(hi).dump());
  out = x;
}

}  // namespace

KioskConfigLoad parse_kiosk_config(std::string_view text, const std::string& file) {
  KioskConfigLoad load;
  JsonProblems problems(file);
  const auto doc = parse_json(text, problems);
  KioskConfig& c = load.config;
  if (doc && !doc->is_object()) problems.add("", "is not a JSON object");
  if (!doc || !doc->is_object()) {  // its PIN cannot be known: no way out with the default
    c.pin.reset();
    problems.add("", "the operator exit is off until the file is fixed");
  }
  if (doc && doc->is_object()) {
    read_number(*doc, "idle_seconds", 10, 3600, c.idle_seconds, problems);
    read_number(*doc, "reset_seconds", 10, 86400, c.reset_seconds, problems);
    if (c.reset_seconds <= c.idle_seconds) {
      problems.add("/reset_seconds", "must be more than idle_seconds; using idle_seconds + 90");
      c.reset_seconds = c.idle_seconds + 90;
    }
    read_number(*doc, "stop_seconds", 4, 120, c.stop_seconds, problems);
    read_number(*doc, "scale", 0.75, 2.5, c.scale, problems);
    if (const nlohmann::json& pin = member_of(*doc, "pin"); !pin.is_null()) {
      const bool digits = pin.is_string() && std::all_of(pin.get_ref<const std::string&>().begin(),
                                                         pin.get_ref<const std::string&>().end(),
                                                         [](char ch) { return ch >= '0' && ch <= '9'; });
      const std::size_t n = pin.is_string() ? pin.get_ref<const std::string&>().size() : 0;
      if (digits && n >= 4 && n <= 8)
        c.pin = pin.get<std::string>();
      else
        problems.add("/pin", "is not a text of 4 to 8 digits: the operator exit is off until it is"), c.pin.reset();
    }
    if (const nlohmann::json& home = member_of(*doc, "home"); !home.is_null()) {
      JsonObject h(home, "/home", problems);
      KioskHome value;
      value.where.lng = h.number("lng", -180, 180);
      value.where.lat = h.number("lat", -85, 85);
      value.zoom = h.number("zoom", 0, 11);
      if (h.ok()) c.home = value;
    }
    if (const nlohmann::json& demo = member_of(*doc, "demo_data"); demo.is_boolean())
      c.demo_data = demo.get<bool>();
    else if (!demo.is_null())
      problems.add("/demo_data", "is not true or false: measured data are shown");
    const nlohmann::json& stops = array_at(*doc, "", "stops", Presence::Optional, problems);
    for (std::size_t i = 0; i < stops.size(); ++i) {
      if (stops[i].is_string() && !stops[i].get_ref<const std::string&>().empty()) {
        c.stops.push_back(stops[i].get<std::string>());
      } else {
        problems.add(json_pointer("/stops", i), "is not a pair or city id");
        c.stops.emplace_back();  // its place kept: the tour names the others by their own index
      }
    }
  }
  load.problems = problems.take();
  return load;
}

}  // namespace ccap

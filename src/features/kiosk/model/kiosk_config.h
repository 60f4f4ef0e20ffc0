#pragma once
// How a kiosk behaves, from data/kiosk.json (read only with ?kiosk=1; every member optional):
//   {
//     "idle_seconds": 90,      untouched this long: the attract tour starts (10 .. 3600)
//     "reset_seconds": 180,    untouched this long: everything resets, the tour goes on (> idle)
//     "stop_seconds": 12,      how long the tour stays at each stop (4 .. 120)
//     "scale": 1.0,            multiplies the UI scale the screen gives (0.75 .. 2.5)
//     "pin": "2468",           the operator's PIN to leave kiosk mode (4 to 8 digits, as text);
//                              an invalid one (or a file that is not JSON) turns the operator
//                              exit off: it fails closed, never to the published default
//     "home": {"lng": 150, "lat": 20, "zoom": 2.5},   the view a reset returns to (default: the
//                                                     whole partnership region)
//     "stops": ["kitakyushu-haiphong", "pasig"],      tour stops: C3 pair ids or city ids, in
//                                                     order (default: every C3 pair, then every
//                                                     certified city)
//     "demo_data": false       true: the air overlay shows the synthetic demo set (labelled as
//                              such) instead of measured data, as ?demo=1 does
//   }
// A bad member is reported ("kiosk.json: /idle_seconds: ...") and its default kept (the PIN: none).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "map/geo.h"

namespace ccap {

struct KioskHome {
  LngLat where;
  double zoom = 3;
};

struct KioskConfig {
  double idle_seconds = 90;
  double reset_seconds = 180;
  double stop_seconds = 12;
  double scale = 1;
  std::optional<std::string> pin = "2468";  // nullopt: no operator exit
  std::optional<KioskHome> home;
  std::vector<std::string> stops;  // empty: the default tour; "" where kiosk.json's stop was not an id
  bool demo_data = false;
};

struct KioskConfigLoad {
  KioskConfig config;
  std::vector<std::string> problems;
};

// Never throws; `file` names the file in problems.
KioskConfigLoad parse_kiosk_config(std::string_view text, const std::string& file);

}  // namespace ccap

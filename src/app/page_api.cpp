#include "app/page_api.h"

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "app/atlas_app.h"

namespace ccap {
namespace {
AtlasApp* g_app = nullptr;
void wake_app() {
  if (g_app) g_app->wake();
}
}  // namespace
void set_page_api_target(AtlasApp* app) { g_app = app; }
}  // namespace ccap

extern "C" {

int ccap_page_open_city(const char* id) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  const ccap::Partnership* p = ccap::g_app->partnership().partnership();
  const auto city = p && id ? p->find_city(id) : std::nullopt;
  if (!city) return 1;
  ccap::g_app->command(ccap::FlyToCity{*city});
  return 0;
}

int ccap_page_show_dataset(const char* id) {
  ccap::wake_app();
  if (!ccap::g_app) return -1;
  ccap::g_app->command(ccap::ShowDataset{id ? id : ""});
  return 0;
}

int ccap_page_search(const char* text) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  ccap::g_app->command(ccap::SearchKnowledge{text ? text : ""});
  return 0;
}

int ccap_page_open_entry(const char* key) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  return key && ccap::g_app->knowledge().open_entry(key) ? 0 : 1;
}

int ccap_page_data_progress(const char* name, double loaded, double total) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !name) return -1;
  ccap::g_app->data_progress(name, std::isfinite(loaded) ? loaded : 0, std::isfinite(total) ? total : 0);
  return 0;
}

int ccap_page_data_arrived(const char* name, int ok) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !name) return -1;
  ccap::g_app->data_arrived(name, ok != 0);
  return 0;
}

int ccap_page_back() {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  ccap::g_app->dock().back();
  return 0;
}

int ccap_page_set_air(const char* pollutant, const char* avg, const char* scale, int step) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  ccap::AirSettings s = ccap::g_app->air().overlay().settings();
  const std::string p = pollutant ? pollutant : "", a = avg ? avg : "", k = scale ? scale : "";
  if (!p.empty()) {
    const auto parsed = ccap::parse_pollutant(p);
    if (!parsed) return 1;
    s.pollutant = *parsed;
  }
  if (!a.empty()) {
    const auto period = ccap::parse_period(a);
    if (!period) return 1;
    s.period = *period;
  }
  if (!k.empty()) {
    if (k != "who" && k != "aqi") return 1;
    s.scale = k == "aqi" ? ccap::AirScaleKind::Aqi : ccap::AirScaleKind::Who;
  }
  if (step >= 0) s.step = static_cast<std::size_t>(step);
  ccap::g_app->air().set_settings(s);
  return 0;
}

int ccap_page_set_layers(int cities, int arcs, int labels, int flow) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  ccap::LayerSettings layers = ccap::g_app->partnership().layers();
  layers.cities = cities != 0;
  layers.arcs = arcs != 0;
  layers.labels = labels != 0;
  layers.flow = flow != 0;
  ccap::g_app->partnership().set_layers(layers);
  return 0;
}

int ccap_page_share(int what) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  if (ccap::g_app->kiosk().enabled()) return 1;
  switch (what) {
    case 0: ccap::g_app->command(ccap::ShareLink{}); return 0;
    case 1: ccap::g_app->command(ccap::SavePicture{}); return 0;
    case 2: ccap::g_app->command(ccap::SavePicture{true}); return 0;
    case 3: ccap::g_app->air().request_download(); return 0;
    default: return 1;
  }
}

int ccap_page_import_begin(int files) {
  if (!ccap::g_app) return -1;
  return ccap::g_app->import_begin(files > 0 ? static_cast<std::size_t>(files) : 0) ? 0 : 1;
}

int ccap_page_import_file(const char* name, double size) {
  if (!ccap::g_app || !name) return -1;
  ccap::g_app->import_file(name, std::isfinite(size) && size > 0 ? static_cast<std::uint64_t>(size) : 0);
  return 0;
}

int ccap_page_import_chunk(const unsigned char* bytes, int length) {
  if (!ccap::g_app) return -1;
  if (!bytes || length <= 0) return 1;
  return ccap::g_app->import_chunk({bytes, static_cast<std::size_t>(length)});
}

int ccap_page_import_file_end(const char* error) {
  if (!ccap::g_app) return -1;
  ccap::g_app->import_file_end(error ? error : "");
  return 0;
}

int ccap_page_import_end() {
  if (!ccap::g_app) return -1;
  ccap::g_app->import_end();
  return 0;
}

int ccap_page_own_data(int action) {
  ccap::wake_app();
  if (!ccap::g_app) return -1;
  if (action < 0 || action > static_cast<int>(ccap::OwnDataAction::Kind::SaveCsv)) return 1;
  ccap::g_app->command(ccap::OwnDataAction{static_cast<ccap::OwnDataAction::Kind>(action)});
  return 0;
}

int ccap_page_own_columns(const char* json) {
  ccap::wake_app();
  if (!ccap::g_app) return -1;
  const auto doc = nlohmann::json::parse(json ? json : "", nullptr, false);  // (no exceptions in the wasm build)
  if (!doc.is_object()) return 1;
  ccap::ChooseColumns c;
  for (auto [key, field] : {std::pair{"file", &c.file},
                            {"time", &c.time},
                            {"station", &c.station},
                            {"latitude", &c.latitude},
                            {"longitude", &c.longitude},
                            {"value", &c.value},
                            {"pollutant", &c.pollutant}}) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return 1;
    *field = it->get<std::string>();
  }
  ccap::g_app->command(std::move(c));
  return 0;
}
}

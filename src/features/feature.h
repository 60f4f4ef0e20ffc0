#pragma once
// One feature of the atlas (the partnership, air quality, the Knowledge Platform), as the app
// composes it, in the spirit of sokol's callbacks: the app holds a list of features and calls
// these in order every frame; a feature keeps its own model, GPU resources and panel state.
//   init        once, GL context current: load the feature's files, make its GPU resources
//   update      the camera has moved for this frame: build what is drawn, upload it; add the
//               marks that text of earlier layers must stay off (ctx.marks)
//   hover, tap  what is under the pointer; an earlier feature that hit something takes precedence
//   panels      its ImGui panels; what the user asks for goes out as commands
//   draw        its map layers, over the basemap, in list order
//   on_command  after the frame: every command of every feature, to act on those it knows
//   after_frame then: apply what its own panels changed (settings act from the next frame, like keys)
//   city_section  its part of another feature's city panel (air: measured means; knowledge: the
//               city's practices)
//   place_of    where a page of its own is about, to keep it in view beside the detail panel
//   key         an arrow or Enter (without Shift) on the map: whether it takes it (the partnership
//               moves its keyboard focus between cities); act on it in the next update
//   input_seen  every input event, before it is routed, with the frame clock's time (a kiosk's
//               idle timer and its operator gesture)
//   next_frame_at  render on demand: when (frame clock, s) it next needs a frame drawn with no
//               input at all (an animation's next frame, a timer running out); kNoFrameNeeded
//               when nothing of its own moves. The app draws after input regardless.
//   gpu_restored  the GL context was lost and is back: every GPU resource is gone; make them again
//               and upload what is drawn (the frame after must look as the one before the loss)
//   write_link  its part of the link that reproduces the screen (base/link_state.h): its
//               selection, settings and filters, only where they differ from the start
//   read_link   a link is opened (at start, Back, Forward): the dock is empty and its settings as
//               at start; apply what the link says, open its pages, name what it cannot use
//   write_accessible  its part of the page's accessible companion (web/a11y.js): what a screen
//               reader or a keyboard reaches instead of the canvas. Keys: "cities" (the partner
//               cities and their twins), "panel" (the open page: {kind, title, sections: [{heading,
//               lines, links: [{title, url}]}]}), "results" (a search's), "focus" (the keyboard's
//               city), each written by the feature that owns it
//   picture_legend  its lines of a saved picture's legend (what its colours and marks mean)
//   write_status  its part of the test API's state JSON
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <nlohmann/json_fwd.hpp>

#include "base/ids.h"
#include "base/link_state.h"
#include "base/notices.h"
#include "base/ui/dock_stack.h"
#include "features/panel_context.h"
#include "host/frame_info.h"
#include "host/input_event.h"
#include "map/gl/map_view.h"
#include "map/map_camera.h"
#include "map/screen_marks.h"

namespace ccap {

// A data file a feature reads at start, and what the user is told when it cannot be used:
// "<what> not loaded (<why>)<consequence>." as a notice of `level`.
struct DataFile {
  const char* name;  // in the data folder
  std::size_t max_bytes;
  Notice::Level level;
  const char* what;              // "Basemap"
  const char* consequence = "";  // "; the map shows the ocean only"
};
// Tells the user that `file` cannot be used, and why (naming the file and the place).
void tell_not_loaded(Notices& notices, const DataFile& file, const std::string& why);

struct InitContext {
  const std::string& data_dir;  // fonts/, basemap.ccapmap, partnership.json, airquality.ccapaq
  Notices& notices;
  DockStack& dock;  // the detail panel's pages (a feature may keep it: it lives as long as the app)
  // Data files the page could not download (names in the data folder): read() says so.
  const std::vector<std::string>& missing;
  // Data files the page fetches after the map is drawn (web/loader.js): not there yet; each
  // arrives later through Feature::data_arrived.
  const std::vector<std::string>& later;
  bool comes_later(const DataFile& file) const;
  // Synthetic demo readings were asked for (?demo=1, --demo): the air overlay shows them, apart.
  bool demo_data = false;
  // An unattended display (kiosk mode): new data is swapped in only when nobody is using it.
  bool kiosk = false;

  std::string path(const DataFile& file) const { return data_dir + "/" + file.name; }
  // The file's bytes, or nullopt after telling the user why not.
  std::optional<std::vector<std::uint8_t>> read(const DataFile& file);
  // The same, telling no one: `why` says what went wrong, for a feature that tells it its way
  // (one notice for many files).
  std::optional<std::vector<std::uint8_t>> read_quietly(const DataFile& file, std::string& why) const;
  void not_loaded(const DataFile& file, const std::string& why) { tell_not_loaded(notices, file, why); }
  // Whether a renderer made its GPU resources: `error` empty; else tells the user that `what`
  // ("The map") cannot be drawn, and why.
  bool drawable(const char* what, const std::string& error);
};

struct FrameContext {
  const FrameInfo& frame;
  double now = 0;  // seconds, the frame's clock
  // The date and time, s since 1970 UTC, moving with the frame's clock (a test that holds or
  // advances the clock moves it too); 0: not known.
  double utc_now = 0;
  const MapCamera& camera;
  Notices& notices;
  Commands& commands;
  DockStack& dock;        // the detail panel's pages: a feature's selection is its topmost page
  ScreenMarks& marks;     // marks drawn over earlier layers: a feature adds its own in update
  double mark_scale = 1;  // marks are drawn this much bigger than their design size (MapView)
};

struct Pointer {
  glm::dvec2 at;       // logical px
  double radius = 0;   // how far from a mark's centre still hits it
  bool touch = false;  // a finger: marks too close to tell apart are offered to choose from
};

class Feature {
 public:
  virtual ~Feature() = default;
  virtual void init(InitContext&) {}
  // A data file that comes after the map (InitContext::later): how far it has come, in bytes on
  // the wire (total 0: not known yet); then its arrival, read with ctx.read() (ok: downloaded;
  // else it could not be had, and ctx.read() says so).
  virtual void data_progress(const std::string& /*name*/, double /*loaded*/, double /*total*/) {}
  virtual void data_arrived(const std::string& /*name*/, InitContext&) {}
  virtual void update(FrameContext&) {}
  // After every feature's update, before picking: ctx.marks holds the marks of every layer, and a
  // layer drawn under them can keep its own marks clear of them (station clusters beside cities).
  virtual void arrange(FrameContext&) {}
  // `taken`: an earlier feature has the pointer. Returns whether this one hit something.
  virtual bool hover(const std::optional<Pointer>&, bool /*taken*/, FrameContext&) { return false; }
  virtual bool tap(const Pointer&, bool /*taken*/, FrameContext&) { return false; }
  virtual void panels(PanelContext&) {}
  // After every feature's panels, the least important text on the map (place names): it keeps
  // off the labels the panels placed (ctx.map_labels) and every mark (ctx.marks).
  virtual void map_names(PanelContext&) {}
  virtual void draw(const render::MapView&, const FrameContext&) {}
  virtual void on_command(const Command&, FrameContext&) {}
  virtual void after_frame(FrameContext&) {}
  virtual void city_section(const CityRef&, PanelContext&) {}
  // Where the subject of one of its dock pages is on the map (a city, a station), so that the app
  // keeps it in view beside the open panel; nullopt for pages it does not own or without a place.
  virtual std::optional<LngLat> place_of(const Page&) const { return std::nullopt; }
  virtual bool key(const InputEvent&) { return false; }
  virtual void input_seen(const InputEvent&, double /*now*/) {}
  static constexpr double kNoFrameNeeded = 1e300;
  virtual double next_frame_at() const { return kNoFrameNeeded; }
  virtual void gpu_restored(InitContext&) {}
  virtual void write_link(LinkState&) const {}
  virtual void read_link(LinkReader&) {}
  virtual void picture_legend(std::vector<LegendLine>&) const {}
  virtual void write_accessible(nlohmann::json&) const {}
  virtual void write_status(nlohmann::json& state) const = 0;
};

}  // namespace ccap

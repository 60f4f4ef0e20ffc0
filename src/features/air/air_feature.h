#pragma once
// Air-quality monitoring on the map: stations and their clusters, the interpolated surface, the
// time controls, the station panel, and the measured means in a city's panel. The datasets are
// listed in air/index.json (fetched after the map); one is shown at a time, its series
// (air/<id>.ccapaq) fetched when it is needed (model/dataset_picker.h); the synthetic demo set
// only when asked for (?demo=1), never beside measured ones.
//
// Live data: the index is asked for again every kPollSeconds of the app's clock (PollData: the
// page asks with its ETag, natively the file is read again). A changed index whose entry for the
// dataset on screen names a new file brings that file, which replaces the data in place (the
// time shown, the pollutant and the selected station stay; "now" moves on with it). An index that
// cannot be read leaves what is on screen, with a notice. A kiosk swaps in new data only when
// nobody is using it: at its idle reset, or at once when it has not been touched since.
//
// Your own data (issue 29; air_feature_own_data.cpp): files opened or dropped on the page (natively
// `--open FILE...`) are handed over a chunk at a time (import_begin, import_file, import_chunk,
// import_file_end, import_end) and read by the pipeline's importers (import/data_import.h) while
// the map keeps drawing; their data replaces or joins the built-in set, with a report in the dock,
// until Remove. Never on a kiosk.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "features/air/gl/air_renderer.h"
#include "features/air/import/data_import.h"
#include "features/air/model/air_overlay.h"
#include "features/air/model/dataset_picker.h"
#include "features/air/ui/air_panels.h"
#include "features/feature.h"

namespace ccap {

class AirFeature final : public Feature {
 public:
  void init(InitContext& ctx) override;
  void update(FrameContext& ctx) override;
  void arrange(FrameContext& ctx) override;
  bool hover(const std::optional<Pointer>& pointer, bool taken, FrameContext& ctx) override;
  bool tap(const Pointer& pointer, bool taken, FrameContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void draw(const render::MapView& view, const FrameContext& ctx) override;
  void on_command(const Command& command, FrameContext& ctx) override;
  void after_frame(FrameContext& ctx) override;
  void input_seen(const InputEvent& event, double now) override;
  void city_section(const CityRef& city, PanelContext& ctx) override;
  void gpu_restored(InitContext& ctx) override;
  void write_status(nlohmann::json& state) const override;
  void write_link(LinkState& link) const override;
  void read_link(LinkReader& link) override;
  void picture_legend(std::vector<LegendLine>& lines) const override;
  void write_accessible(nlohmann::json& doc) const override;
  // The stations in view as a table, after this frame (the air panel's "Download" does the same).
  void request_download() { download_ = true; }
  std::optional<LngLat> place_of(const Page& page) const override;

  // Replaces the data with a .ccapaq file's bytes; returns an empty string, or the problem, which
  // is also a notice (the data loaded before then stays).
  void data_progress(const std::string& name, double loaded, double total) override;
  void data_arrived(const std::string& name, InitContext& ctx) override;
  bool loading() const { return loading_.has_value(); }
  const DatasetPicker& datasets() const { return picker_; }
  // Playback draws one frame a step (4 a second by default): nothing else moves in between.
  // A poll of the index, and the badge's "newest reading N min ago" each minute, need frames too.
  double next_frame_at() const override {
    return std::min({air_.loaded() ? air_.next_step_at() : kNoFrameNeeded, next_poll_at_, next_age_tick_});
  }
  static constexpr double kPollSeconds = 600;  // the index asked for again (app clock)
  std::string load_bytes(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices);
  // Selects a station by id (empty: none); false if there is no such station.
  bool select_station(const std::string& id);
  const AirOverlay& overlay() const { return air_; }
  void set_settings(const AirSettings& settings) { air_.apply(settings); }
  // The dataset the badge names: your data when it is on the map, else the picker's.
  const AirDataset* shown() const { return own_.shown ? &own_.dataset : picker_.shown(); }

  // Your own data, as the page hands it over (app/page_api.h). import_begin: false when refused (a
  // kiosk; an import running). import_chunk: 1 more is wanted, 0 this file needs no more, -1 the
  // import was cancelled (stop reading). import_end: the files are all read (or cancelled); the
  // partner cities mark the stations near them as theirs.
  bool import_begin(std::size_t files);
  void import_file(const std::string& name, std::uint64_t size);
  int import_chunk(std::span<const std::uint8_t> bytes);
  void import_file_end(const std::string& error);
  void import_end(std::span<const airquality::PartnerPlace> cities, Notices& notices, Commands& commands);
  bool importing() const { return own_.session != nullptr; }
  bool own_data_shown() const { return own_.shown; }

 private:
  struct Loading {
    double loaded = 0, total = 0;  // bytes on the wire
  };
  std::optional<Loading> loading_;  // the index, or a dataset, is on its way
  DatasetPicker picker_;
  FetchData fetch_next_;  // a dataset's file to ask for at the next update (name empty: none)
  ui::AirWish wish_;      // asked in the panel this frame, done after it
  void read_index(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices);
  // The index asked for again (PollData) arrived: unchanged, unreadable (kept, said), or newer.
  void index_polled(InitContext& ctx);
  void apply_refreshed(AirIndex index);  // the new index; the dataset on screen fetched again if it changed
  // The file coming replaces the data on screen (a refresh); false, or why not (a notice).
  std::string replace_bytes(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices);
  bool index_seen_ = false;                // the first index arrived (or could not be had)
  std::uint64_t index_hash_ = 0;           // fnv1a64 of the index text last read
  double next_poll_at_ = kNoFrameNeeded;   // app clock
  double next_age_tick_ = kNoFrameNeeded;  // when the badge's age text next changes
  double utc_now_ = 0;                     // this frame's (FrameContext::utc_now)
  double now_ = 0;                         // this frame's (FrameContext::now)
  std::string shown_file_;                 // the file the data on screen came from
  bool refreshing_ = false;                // the file coming replaces it (same dataset, newer)
  int refreshes_ = 0;                      // datasets replaced by newer data (the page's API)
  bool kiosk_ = false, touched_since_reset_ = false;
  // A newer index held back: a kiosk's, for when nobody is there; or one that came while a file
  // named by the index before was on its way (applied after it, so that the file is the one coming).
  std::optional<AirIndex> pending_index_;
  void request(const AirDataset* dataset);  // fetches it (and shows it once it arrives)
  // A link opened before the data came: its air part, applied when the data arrives.
  std::optional<LinkState> deferred_link_;
  bool deferred_reduced_motion_ = false;
  // How opaque the surface is drawn at this view (0: not drawn, nor computed).
  float surface_opacity(const MapCamera& camera) const {
    return air_.settings().surface ? AirOverlay::surface_opacity(camera.zoom()) : 0.0f;
  }

  // Your own data: the import running, the last one's report, and what is on the map.
  struct OwnData {
    std::unique_ptr<airquality::DataImport> session;
    std::size_t files = 0;                                 // announced for the import running
    bool cancelled = false;                                // Cancel was pressed: the import's bytes are dropped
    std::map<std::string, airquality::CsvFormat> columns;  // chosen in the dialog, by file name
    std::optional<airquality::ImportOutcome> outcome;      // the last import's (the report)
    std::optional<AirQualityData> data;                    // its data, alone
    std::optional<AirQualityData> builtin;                 // on the map before it (Remove restores it)
    std::optional<AirDataset> builtin_dataset;             // ... and its entry (joined: both named)
    AirDataset dataset;                                    // what the badge says of what is shown
    bool shown = false, join = false;
  };
  OwnData own_;
  ui::OwnDataView own_view() const;
  void show_own();  // own_.data, alone or joined, onto the map
  void remove_own();
  void own_wish(const ui::OwnDataWish& wish, FrameContext& ctx);
  // The page's choice of columns as the dialog's: for a file of the last import that asked for them.
  std::optional<std::pair<std::string, airquality::CsvFormat>> chosen_columns(const ChooseColumns& c) const;

  AirOverlay air_;
  std::optional<render::AirRenderer> renderer_;  // made again after a lost GL context
  bool renderer_ready_ = false;
  AirMarkerLayer markers_;
  std::vector<glm::dvec2> screen_;                // of markers_, this frame
  double mark_scale_ = 1;                         // this frame's (FrameContext::mark_scale)
  void select(std::optional<StationId> station);  // its page on top of the dock, or its pages closed
  std::optional<StationId> selected_, hover_;
  DockStack* dock_ = nullptr;           // the app's; the selection is the topmost station page
  std::optional<AirSettings> pending_;  // changed in the panel, applied after the frame
  bool download_ = false;               // the stations in view as a table, after the frame
  int surface_samples_ = 0;
  std::size_t counts_shown_ = 0;  // cluster counts drawn (not under a city marker)
  struct SurfaceKey {
    double x = -1, y = -1, zoom = -1, width = 0, height = 0;
    std::uint64_t values = 0;
    bool operator==(const SurfaceKey&) const = default;
  } surface_key_;
};

}  // namespace ccap

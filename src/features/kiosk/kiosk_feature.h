#pragma once
// Kiosk mode (?kiosk=1), for an unattended conference display: after idle_seconds untouched the
// attract tour flies from stop to stop with a caption card; any touch hands the map back at once;
// after reset_seconds everything starts again (ResetAll). Links are never opened: each is shown
// as a QR code with its address (a "Link" page of the detail panel). The operator leaves with a
// corner gesture and a PIN (model/operator_exit.h). Settings: data/kiosk.json
// (model/kiosk_config.h). Without ?kiosk=1 the feature does nothing at all.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/feature.h"
#include "features/kiosk/model/idle_timer.h"
#include "features/kiosk/model/kiosk_config.h"
#include "features/kiosk/model/operator_exit.h"
#include "features/kiosk/model/qr_matrix.h"
#include "features/kiosk/model/tour.h"
#include "features/kiosk/ui/kiosk_panels.h"
#include "features/knowledge/knowledge_feature.h"
#include "features/partnership/partnership_feature.h"

namespace ccap {

class KioskFeature final : public Feature {
 public:
  KioskFeature(const PartnershipFeature& partnership, const KnowledgeFeature& knowledge, bool enabled)
      : partnership_(partnership), knowledge_(knowledge), enabled_(enabled) {}

  void init(InitContext& ctx) override;
  void input_seen(const InputEvent& event, double now) override;
  void update(FrameContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void on_command(const Command& command, FrameContext& ctx) override;
  void write_status(nlohmann::json& state) const override;

  bool enabled() const { return enabled_; }
  const KioskConfig& config() const { return config_; }

 private:
  void show_stop(std::size_t index, FrameContext& ctx);
  const QrMatrix* qr_of(const std::string& url);

  const PartnershipFeature& partnership_;
  const KnowledgeFeature& knowledge_;
  bool enabled_ = false;
  KioskConfig config_;
  IdleTimer timer_{config_};
  OperatorExit exit_{config_.pin};
  double last_input_ = -1;  // frame clock; -1: before the first frame
  double idle_for_ = 0;     // s since the last input, at the last frame
  double screen_width_ = 0;

  std::vector<TourStop> tour_;
  int tour_revision_ = -1;  // the content revision the tour was built from
  std::optional<std::size_t> stop_;
  double next_stop_at_ = 0;

 public:
  double next_frame_at() const override {
    if (!enabled_) return kNoFrameNeeded;
    const double t = timer_.next_event_at();
    return timer_.attracting() && !tour_.empty() ? std::min(t, next_stop_at_) : t;
  }
  std::size_t stops_shown_ = 0, resets_ = 0;

  std::vector<Link> links_;  // links asked for, shown as QR codes (Link pages)
  std::map<std::string, std::optional<QrMatrix>> qr_cache_;
  ui::PinPad pin_;
  bool exit_asked_ = false;
  bool demo_asked_ = false;  // kiosk.json's demo_data passed on (once, at the first frame)
};

}  // namespace ccap

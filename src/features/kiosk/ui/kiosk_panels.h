#pragma once
// The kiosk's panels: the tour's caption card and the "open on your phone" card (both pages of the
// detail panel), a link's QR code, and the operator's PIN pad.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/kiosk/model/qr_matrix.h"
#include "features/kiosk/model/tour.h"
#include "features/panel_context.h"

namespace ccap::ui {

// A QR code `side` px square, quiet zone included, dark on white, at the cursor (an ImGui item).
void qr_code(const QrMatrix& qr, float side);

// The caption of tour stop `index` of `count`, with its source as a QR code (null: none).
void tour_caption(const TourStop& stop, std::size_t index, std::size_t count, const QrMatrix* qr, PanelContext& ctx);

// A link the kiosk will not open: its QR code and its address, to take away on a phone.
void link_card(const std::string& title, const std::string& url, const QrMatrix* qr, PanelContext& ctx);

struct PinPad {
  bool open = false;
  std::string entered;
  std::string message;                             // "Wrong PIN", "Locked for a minute"
  std::vector<std::pair<std::string, Rect>> keys;  // where each key was drawn (for the test API)
};
// The operator's PIN pad, centred; returns the PIN when "OK" is pressed.
std::optional<std::string> pin_pad(PinPad& pad, Layout& layout);

}  // namespace ccap::ui

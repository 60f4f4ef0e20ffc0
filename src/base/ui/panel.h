#pragma once
// A panel in its layout slot: placed there every frame (never dragged), opaque, with the app's own
// header instead of ImGui's title bar: a full-width tap target (at least 44 px x scale) whose title
// ends in an ellipsis when it does not fit, and, as the panel needs, a fold arrow (a tap anywhere on
// the header folds or unfolds), "Back" and a close button. The body scrolls by itself under the
// header, by wheel, scrollbar or swipe (see pointer_router.h).
//
//   const ui::PanelState p = ui::begin_panel(layout, Slot::AirPanel, "Air quality", {.foldable = true});
//   if (p.body) { ... the panel's widgets ... }
//   ui::end_panel(layout, Slot::AirPanel, p);  // always, like ImGui::End
#include <string>

#include "base/ui/dock_stack.h"
#include "base/ui/layout.h"

namespace ccap::ui {

struct PanelOptions {
  bool foldable = false;  // the header folds the panel (kept in the layout)
  bool closable = false;  // a close button
  bool back = false;      // a "Back" button (the dock, when a page waits below)
  bool share = false;     // a "Share" button: the share menu (layout.request_share_menu)
  bool sheet = false;     // a phone's bottom sheet: a tap on the header toggles half and full height,
                          // a drag moves it (peek, half, full)
};

struct PanelState {
  bool shown = false;      // the slot is on the screen (no window at all when it is not)
  bool body = false;       // build the body (shown and not folded)
  bool close = false;      // the close button was pressed this frame
  bool went_back = false;  // "Back" was pressed this frame
};

// `title` may carry an id after "###" ("Bangkok###City"): the header shows the part before it,
// the window (and the test API's uiWindows) is named by the part after it.
PanelState begin_panel(Layout& layout, Slot slot, const char* title, const PanelOptions& options);
void end_panel(Layout& layout, Slot slot, const PanelState& state);

// The dock's page (a city, a station, the Knowledge Platform): closable, with "Back" when a page
// waits below it, a bottom sheet on a phone. Close and Back act on `dock` (from the next frame).
// Draw it only when `layout.dock_open()` and your page is `dock.top()`.
PanelState begin_dock_panel(Layout& layout, DockStack& dock, const char* title);

// Text that ends in "…" when wider than `width` (logical px); the whole shows on hover.
void text_ellipsis(const char* text, float width);
// A list item as wide as the space left: its text ends in "…" when it does not fit, and the whole
// shows on hover (or while a finger holds it). Returns true when chosen.
bool selectable_ellipsis(const std::string& text);
// A checkbox whose label ends in "…" when it does not fit (the whole shows on hover or while a
// finger holds it); the label toggles it too, a bigger target than the box. Returns true when
// `on` changed.
bool checkbox_ellipsis(const std::string& label, bool* on);
// A button that opens `url` (the caller sends OpenUrl when it returns true); the address shows on
// hover. Where links are not opened (a kiosk) it says that it shows a QR code instead.
bool link_button(Layout& layout, const char* label, const std::string& url);

}  // namespace ccap::ui

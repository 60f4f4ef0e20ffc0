#pragma once
// Where everything on top of the map goes: a layout computed from the screen, not floating
// windows. Every frame, from the viewport, the UI scale and whether the detail panel (the dock)
// is open, the layout gives each slot its rectangle; panels are put there every frame (they cannot
// be dragged), so nothing is stranded after a resize and nothing overlaps, at any size from a
// 320x568 phone to a 3840x2160 kiosk.
//
//   wide (>= 700 logical px):  the dock is a column on the right, full height; the map overlays
//                              share what it leaves free.
//   narrow (phones):           the dock is a bottom sheet (half or full height).
//
// In the map area: the welcome card top-left and the badge beside it (or under it); the zoom and
// Home buttons bottom-right; the air-quality and layers panels along the bottom (side by side
// when there is room, else stacked on the left, never under the buttons); the scale bar and the
// attribution in a strip at the very bottom. A panel's height is its content's (measured last
// frame), folded to its header, or what is left, whichever is least; the welcome card yields
// first. While a phone's sheet is open, the map keeps only the badge, the buttons, the scale and
// the attribution.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

struct ImGuiWindow;

namespace ccap::ui {

inline constexpr float kPhoneBreakpoint = 700;  // logical px: a viewport narrower than this is a phone
inline constexpr float kMargin = 12;            // logical px (x scale) between a panel and the screen's edge
inline constexpr float kTouchTarget = 44;       // logical px (x scale): the smallest comfortable tap target

enum class Slot {
  WelcomeCard,  // top-left: what the map is, what to try, notices
  Badge,        // top, beside the card: what the air overlay shows
  MapControls,  // bottom-right: zoom, Home, search
  LayersPanel,  // bottom, right of the air panel or above it
  AirPanel,     // bottom-left
  Dock,         // the detail panel: right column, or bottom sheet on a phone
  ScaleBar,     // bottom-left strip
  Attribution,  // bottom-right strip
};
inline constexpr std::size_t kSlotCount = 8;

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;
  float right() const { return x + width; }
  float bottom() const { return y + height; }
  bool contains(float px, float py) const { return px >= x && py >= y && px < right() && py < bottom(); }
  bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
};

class Layout {
 public:
  // Starts a frame (after ImGui::NewFrame: the header height comes from the font) for a viewport
  // of `width` x `height` logical px; `scale` multiplies margins, widths and tap targets.
  void begin_frame(float width, float height, float scale, bool dock_open);
  float width() const { return width_; }
  float height() const { return height_; }
  float scale() const { return scale_; }
  bool phone() const { return width_ < kPhoneBreakpoint; }
  float px(float design_px) const { return design_px * scale_; }  // a design size at this scale
  float header_height() const { return header_; }

  // The slot's place this frame. An empty rectangle (shown() false): the slot is not shown (a
  // phone's air and layers panels and welcome card while the bottom sheet is open).
  const Rect& place(Slot slot) const { return places_[index(slot)]; }
  bool shown(Slot slot) const { return places_[index(slot)].height > 0; }
  // How many of the map's buttons fit (zoom in, zoom out, Home, search; the first two, or none on
  // a sliver of map above a phone's full-height sheet).
  int control_buttons() const { return control_buttons_; }
  // What the dock leaves of the screen: where the map is seen (and where a selection should fit).
  const Rect& map_area() const { return map_area_; }
  // The map area above the scale and attribution strip: where a chosen place should be shown.
  Rect clear_map_area() const;
  // The dock was open when the frame began: its page may be drawn (a page opened during the
  // frame is drawn from the next, when the other slots have made room).
  bool dock_open() const { return dock_open_; }

  // Folded to its header (collapsible panels), kept between frames. A phone starts with the
  // welcome card, the layers and the air panel folded; a wide screen with the air panel, the
  // layers panel below 800 design px of height and the welcome card below 600 (a kiosk: its UI
  // is scaled for the distance). The layers panel folds when the dock opens.
  bool folded(Slot slot) const { return folded_[index(slot)]; }
  void set_folded(Slot slot, bool folded) { folded_[index(slot)] = folded; }
  // The phone's bottom sheet: a peek (its header and a line), half the screen, or nearly all of
  // it. A drag on its header moves it with the finger; on release it settles at the nearest.
  enum class Sheet { Peek, Half, Full };
  Sheet sheet() const { return sheet_; }
  void set_sheet(Sheet s) {
    sheet_ = s;
    sheet_drag_ = 0;
  }
  void drag_sheet(float dy) { sheet_drag_ += dy; }  // logical px, down positive
  void release_sheet();                             // settles at the nearest height
  // Folding and the sheet as on a first visit, from the next frame.
  void restore_defaults() {
    initialised_ = false;
    set_sheet(Sheet::Half);
  }
  float sheet_height(Sheet s) const;
  // A page that needs width (Compare's columns) asks for it each frame it is drawn: from the next
  // frame the dock column is kDockWideShare of a wide screen (at most kDockWideMax design px),
  // until a frame goes by without the request. No effect on a phone (its sheet is full width).
  void request_wide_dock() { wide_dock_next_ = true; }
  bool wide_dock() const { return wide_dock_; }
  // A panel's natural size (header and content), measured as it is built: next frame's place.
  void report_content(Slot slot, float width, float height);

  // How many lines the credit needs (map/credits.h: on a phone, a licence's credit may take a
  // second line): from the next frame the attribution's row is that many lines high, and what
  // sits above the strip moves up. Returns whether it changed (a frame must follow).
  bool set_credit_lines(int lines);

  // Call between ImGui::Begin and End: remembers the current window as `slot`'s occupant.
  void record(Slot slot, const char* name);
  // The same for what is drawn without a window (the badge, the scale bar, the attribution).
  void record(Slot slot, const char* name, const Rect& rect);
  // How far the slot's body is scrolled, and can be (logical px), for the test API.
  void record_scroll(Slot slot, float scroll_y, float scroll_max_y);
  // The slot's window as built (this frame's if built already, else last frame's).
  std::optional<Rect> rect(Slot slot) const;
  nlohmann::json windows_json() const;  // [{name, x, y, width, height[, scrollY, scrollMaxY]}] in build order
  // Every surface of the interface over the map: this frame's slots (the badge, the scale bar and
  // the attribution included) and every window drawn last frame (tooltips, lists, menus). Map text
  // keeps off them: a label never shows through a panel. (Not tooltips: they follow the pointer.)
  std::vector<Rect> surfaces() const;

  // Links: whether this screen opens them (a kiosk shows them as QR codes instead), and where each
  // link button was drawn this frame (for the test API: [{url, x, y, width, height}]).
  bool links_open() const { return links_open_; }
  void set_links_open(bool open) { links_open_ = open; }
  void record_link(const std::string& url, const Rect& rect) { links_.push_back({url, rect}); }
  // A panel's "Share" button was pressed, at `anchor`: the share feature opens its menu there.
  // Shown only where links open (not on a kiosk: nothing leaves an unattended screen).
  bool can_share() const { return links_open_; }
  void request_share_menu(const Rect& anchor) { share_anchor_ = anchor; }
  std::optional<Rect> take_share_request() { return std::exchange(share_anchor_, std::nullopt); }
  nlohmann::json links_json() const;

 private:
  static std::size_t index(Slot s) { return static_cast<std::size_t>(s); }
  void compute(bool dock_open);

  struct Window {
    Slot slot;
    std::string name;
    Rect rect;
    float scroll_y = -1, scroll_max_y = -1;  // -1: no scrolling body
  };
  float width_ = 0, height_ = 0, scale_ = 1, header_ = kTouchTarget;
  int control_buttons_ = 4;
  int credit_lines_ = 1;
  bool initialised_ = false, dock_open_ = false, wide_dock_ = false, wide_dock_next_ = false;
  Sheet sheet_ = Sheet::Half;
  float sheet_drag_ = 0;
  std::array<Rect, kSlotCount> places_{};
  std::array<bool, kSlotCount> folded_{};
  std::array<float, kSlotCount> content_height_{}, content_width_{};
  Rect map_area_;
  std::vector<Window> windows_, last_frame_;
  bool links_open_ = true;
  std::optional<Rect> share_anchor_;
  struct LinkButton {
    std::string url;
    Rect rect;
  };
  std::vector<LinkButton> links_;
};

// Was ImGui window `w` submitted in the last frame? Asked between frames, where input is routed:
// `Active` is the last frame's (NewFrame moves it to `WasActive`, which then describes the frame
// before: a panel folded in the last frame would still count, and take the next press).
bool drawn_last_frame(const ImGuiWindow& w);

// Is a panel (or an open popup) drawn at (x, y) logical px? As of the last frame, which is what
// the user sees: input is routed by this, per pointer, not by ImGui's hover of a frame ago.
bool panel_at(float x, float y);
// The mouse is over a panel (as of ImGui's last frame): no hover on the map under it.
bool wants_pointer();
// ImGui wants the keyboard for typing (a text field is active).
bool wants_text_input();
// The keyboard goes back to the map: no panel keeps the focus.
void release_focus();

}  // namespace ccap::ui

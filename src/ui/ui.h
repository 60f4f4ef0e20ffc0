#pragma once
// The UI layer: Dear ImGui panels over the map. Owns the ImGui renderer backend (GLES3); the
// platform layer owns the ImGui context and the platform backend (SDL2), as in ImGui's examples.
#include <string>

#include "core/app_state.h"
#include "ui/fonts.h"

namespace ccap::ui {

// What the user asked for through the panels this frame; the app carries it out.
struct UiActions {
  double zoom_delta = 0;
  bool go_home = false;
};

class Ui {
 public:
  explicit Ui(std::string data_dir);
  bool init();  // GL context must be current
  void shutdown();

  // Starts an ImGui frame (fonts follow the pixel ratio) and builds every panel. Records the
  // panels' rectangles and notices into `state`.
  UiActions build(AppState& state);
  // Draws what build() laid out, over whatever the map drew.
  void render();

  bool wants_pointer() const;
  bool wants_keyboard() const;

 private:
  void welcome_panel(AppState& state);
  void map_controls(AppState& state, UiActions& actions);
  void scale_bar_and_attribution(const AppState& state);
  void record_window(AppState& state, const char* name);

  std::string data_dir_;
  Fonts fonts_;
  bool initialised_ = false;
};

}  // namespace ccap::ui

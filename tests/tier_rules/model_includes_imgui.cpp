// Built only by the test TierRule.model_includes_imgui_fails_to_build, which passes when this does
// not compile: a model tier has no ImGui on its include path.
#include <imgui.h>

int tier_probe() { return ImGui::GetFrameCount(); }

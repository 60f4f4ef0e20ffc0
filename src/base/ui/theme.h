#pragma once
// A light, calm ImGui style that matches the map's palette, legible for everyone: every text colour
// meets WCAG's 4.5:1 against the panel it is on, every control's boundary (frames, check boxes,
// radio buttons, slider tracks and grabs, scrollbars) 3:1 (checked by tests/base/ui/theme_test).
namespace ccap::ui {

// Sets the style; sizes (padding, spacing, rounding, scrollbar) are multiplied by `scale`. For
// `touch` (a phone, or a screen last used by a finger) every button, check box, field and tab is
// at least kTouchTarget (44 px x scale) tall; for a mouse they stay compact.
void apply_light_theme(float scale = 1.0f, bool touch = false);

// WCAG 2.x contrast ratio of two opaque colours given as 0..1 sRGB: 1 (none) to 21.
float contrast_ratio(float r1, float g1, float b1, float r2, float g2, float b2);

}  // namespace ccap::ui

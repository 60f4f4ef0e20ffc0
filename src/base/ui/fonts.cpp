#include "base/ui/fonts.h"

#include <imgui.h>

#include <cmath>
#include <utility>

#include "base/file_bytes.h"
#include "base/font_check.h"

namespace ccap::ui {

namespace {

constexpr float kHeadingSize = 21.0f;
constexpr const char* kFontFile = "NotoSans-Regular.ttf";

// Latin, Latin Extended A/B, Vietnamese (Latin Extended Additional), general punctuation, the
// micro sign and superscripts used by units (µg/m³). CJK and Thai come with the content that
// needs them, subset to the glyphs it uses.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin .. Latin Extended-B
    0x0300, 0x036F,  // combining diacritical marks
    0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
    0x2000, 0x206F,  // General Punctuation
    0x2070, 0x209F,  // superscripts and subscripts
    0x20AC, 0x20AC,  // euro sign
    0x2190, 0x21FF,  // arrows
    0x2212, 0x2212,  // minus sign
    0,
};

constexpr std::size_t kMaxFontBytes = 32u << 20;  // Noto Sans Regular is 0.6 MB
constexpr const char* kFallback = "; using the built-in font (no diacritics)";

}  // namespace

bool Fonts::update(float pixel_ratio, float scale) {
  if (!(pixel_ratio > 0)) pixel_ratio = 1;
  if (!(scale > 0)) scale = 1;
  if (std::fabs(pixel_ratio - built_ratio_) < 0.01f && std::fabs(scale - built_scale_) < 0.01f) return false;
  built_ratio_ = pixel_ratio;
  built_scale_ = scale;
  const float raster = pixel_ratio * scale;  // device px per design px

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::string path = font_dir_ + "/" + kFontFile;
  if (!font_read_) {  // read and checked once (font_check.h): the rasteriser trusts every offset in it
    font_read_ = true;
    FileBytes read = read_file_bytes(path, kMaxFontBytes);
    std::string damage = read.bytes ? check_truetype(*read.bytes) : "";
    if (!read.bytes)
      problem_ = "The UI font could not be read (" + read.error + ")" + kFallback;
    else if (!damage.empty())
      problem_ = "The UI font " + path + " is damaged (" + damage + ")" + kFallback;
    else
      font_bytes_ = std::move(*read.bytes);
  }
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.FontDataOwnedByAtlas = false;  // font_bytes_ is ours, kept for every rebuild
  set_ = {};
  if (!font_bytes_.empty()) {
    void* data = font_bytes_.data();
    const int size = static_cast<int>(font_bytes_.size());
    set_.body = io.Fonts->AddFontFromMemoryTTF(data, size, kBodyFontPx * raster, &config, kGlyphRanges);
    set_.heading = io.Fonts->AddFontFromMemoryTTF(data, size, kHeadingSize * raster, &config, kGlyphRanges);
  }
  // The atlas is rasterised in device pixels; ImGui lays out in logical pixels.
  io.FontGlobalScale = 1.0f / pixel_ratio;
  if (!set_.body || !set_.heading || !io.Fonts->Build()) {
    if (problem_.empty()) problem_ = "The UI font " + path + " could not be rasterised" + kFallback;
    font_bytes_.clear();
    io.Fonts->Clear();
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * raster;
    set_.body = set_.heading = io.Fonts->AddFontDefault(&fallback);
    io.Fonts->Build();
  }
  if (const ImFontGlyph* h = set_.body->FindGlyphNoFallback('H'); h && set_.body->FontSize > 0)
    cap_ratio_ = (h->Y1 - h->Y0) / set_.body->FontSize;
  return true;
}

}  // namespace ccap::ui

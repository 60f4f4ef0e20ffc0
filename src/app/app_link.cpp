// What the app keeps on the page for others: the link that reproduces the screen (the URL's hash:
// written as the screen changes, opened at start, Back and Forward) and the accessible companion's
// document (web/a11y.js). Each feature writes and reads its own part (feature.h).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/atlas_app.h"

namespace ccap {

std::string AtlasApp::accessible_json() const {
  nlohmann::json doc = nlohmann::json::object();
  for (const Feature* f : features_) f->write_accessible(doc);
  if (!doc.contains("panel")) doc["panel"] = nullptr;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AtlasApp::publish_accessible() {
  if (!config_.accessible_changed) return;
  accessible_held_ = now_ - accessible_written_at_ < kMinAccessibleInterval;
  if (accessible_held_) return;
  accessible_written_at_ = now_;
  std::string doc = accessible_json();
  if (doc == accessible_written_) return;
  config_.accessible_changed(doc);
  accessible_written_ = std::move(doc);
}

// The view, the dock's order when more than one page is open (open=city,knowledge: bottom to
// top), and each feature's part.
std::string AtlasApp::link() const {
  LinkState link;
  const LngLat c = camera_.center_lnglat();
  link.view = LinkView{camera_.zoom(), c.lat, c.lng};
  std::vector<std::string> open;
  for (const Page& page : dock_.pages())
    if (page.kind == PageKind::City || page.kind == PageKind::Station || page.kind == PageKind::Knowledge)
      open.push_back(page_kind_key(page.kind));
  if (open.size() > 1) link.set_list("open", open);
  for (const Feature* f : features_) f->write_link(link);
  return link.format();
}

void AtlasApp::apply_link(const std::string& hash, bool reduced_motion) {
  LinkParse parsed = parse_link(hash);
  LinkReader reader(parsed.state);
  reader.reduced_motion = reduced_motion;
  if (parsed.state.view) {
    const LinkView& v = *parsed.state.view;
    navigator_.jump_to({project({v.lng, v.lat}), std::clamp(v.zoom, 0.0, kMaxZoom)});
    view_ready_ = true;  // not Home
  }
  dock_.close();
  for (Feature* f : features_) f->read_link(reader);
  for (const std::string& kind : reader.list("open")) {  // the pages' order, bottom to top
    const auto k = page_kind_named(kind);
    const auto page = k ? dock_.topmost(*k) : std::nullopt;
    if (page)
      dock_.raise(*page);
    else
      reader.problem("open: " + link_quote(kind) + (k ? " is not open" : " is not city, station or knowledge"));
  }
  std::vector<std::string> problems;  // each names the link, as a file's name its file
  for (const std::string& p : parsed.problems) problems.push_back("The link: " + p);
  for (const std::string& p : reader.problems()) problems.push_back("The link: " + p);
  for (const std::string& key : reader.unread())
    problems.push_back("The link: " + link_quote(key) + " is not part of a link");
  notices_.remove_about("The link");  // an earlier link's problems are not this one's
  if (!problems.empty()) notices_.add_problems(Notice::Level::Warning, "The link", std::move(problems));
  // Its pages' subjects stay where the link put them; on a screen where a panel would cover one
  // (a phone's sheet), it is moved into view (keep_page_subject_in_view).
  replace_next_link_ = true;  // its normal form replaces it: no new history entry
  link_written_ = hash;
  flown_since_link_ = false;
}

void AtlasApp::publish_link() {
  if (!config_.link_changed || config_.kiosk || navigator_.is_moving()) return;
  link_held_ = now_ - link_written_at_ < kMinLinkInterval;
  if (link_held_) return;
  std::string hash = link();
  if (hash == link_written_) return;
  const auto without_view = [](const std::string& h) {
    const LinkParse p = parse_link(h);
    return p.state.format_without_view();
  };
  const bool push = !replace_next_link_ && (flown_since_link_ || without_view(hash) != without_view(link_written_));
  config_.link_changed(hash, push);
  link_written_ = std::move(hash);
  link_written_at_ = now_;
  replace_next_link_ = flown_since_link_ = false;
}

}  // namespace ccap

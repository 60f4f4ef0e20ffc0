// What the partnership feature writes for the world outside the frame, and reads back: the link
// (which layers, filters and city), the accessible document (web/a11y.js), the state JSON (the
// test API's) and a saved picture's legend. The frame itself is partnership_feature.cpp's.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/text_format.h"
#include "domain/country_names.h"
#include "features/partnership/partnership_feature.h"

namespace ccap {

void PartnershipFeature::picture_legend(std::vector<LegendLine>& lines) const {
  if (!partnership_ || (!layers_.cities && !layers_.arcs)) return;
  lines.push_back({LegendLine::Kind::Heading, "Cities Clean Air Partnership"});
  if (selected_ && partnership_->has(*selected_)) {  // what the picture is about
    const City& c = partnership_->city(*selected_);
    std::string text = "Selected: " + c.name + ", " + country_name(c.country);
    for (const auto& [pair, partner] : partnership_->partners_of(*selected_))
      text += "; C3 twin: " + partnership_->city(partner).name;
    lines.push_back({LegendLine::Kind::Text, text});
  }
  if (layers_.cities) {
    std::vector<std::string> names;
    for (const CertificationLevel& l : partnership_->levels) names.push_back(l.name);
    for (const LegendEntry& e : marker_legend(names)) lines.push_back({LegendLine::Kind::Symbol, e.label, e.symbol});
  }
  if (layers_.arcs)
    lines.push_back({LegendLine::Kind::Symbol,
                     "City-to-City Cooperation twins",
                     {.fill = render::kTwinningArcColor, .line = true}});
}

// Every partner city with its country, certification and twins (the companion's list), the open
// city's page, and the keyboard's city.
void PartnershipFeature::write_accessible(nlohmann::json& doc) const {
  using nlohmann::json;
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  const auto certification = [&](CityId c) -> std::string {
    const CertificationStatus* s = p.certification_of(c);
    return s ? p.level(s->level).name + " (" + s->status + ", " + std::to_string(s->year) + ")" : "";
  };
  if (accessible_cities_revision_ != content_revision_) {
    json cities = json::array();
    for (std::size_t i = 0; i < p.cities.size(); ++i) {
      const CityId id = p.city_id(i);
      const City& c = p.city(id);
      json twins = json::array();
      for (const auto& [pair, partner] : p.partners_of(id))
        twins.push_back({{"id", p.city(partner).id}, {"name", p.city(partner).name}, {"topic", pair->topic}});
      cities.push_back({{"id", c.id},
                        {"name", c.name},
                        {"country", country_name(c.country)},
                        {"certification", certification(id)},
                        {"twins", std::move(twins)}});
    }
    accessible_cities_ = std::move(cities);
    accessible_cities_revision_ = content_revision_;
  }
  doc["cities"] = accessible_cities_;
  doc["layers"] = {
      {"cities", layers_.cities}, {"arcs", layers_.arcs}, {"labels", layers_.labels}, {"flow", layers_.flow}};
  if (key_focus_ && p.has(*key_focus_))
    doc["focus"] = p.city(*key_focus_).name + ", " + country_name(p.city(*key_focus_).country);
  if (!selected_ || !dock_ || dock_->top() != page_of(PageKind::City, *selected_)) return;
  const City& c = p.city(*selected_);
  json sections = json::array();
  json facts = json::array();
  facts.push_back(country_name(c.country) + (c.population ? ", population " + with_thousands(c.population) : ""));
  if (c.participant_2015) facts.push_back("Participating city of the Cities Clean Air Partnership since 2015");
  for (const auto& [pair, partner] : p.partners_of(*selected_))
    facts.push_back("City-to-City Cooperation twin: " + p.city(partner).name +
                    (pair->topic.empty() ? "" : " (" + pair->topic + ")"));
  const std::string cert = certification(*selected_);
  facts.push_back(cert.empty() ? "No City Certification recorded in the sources" : "City Certification: " + cert);
  for (const Pm25Annual& a : c.pm25_annual) {  // the city panel's lines (pm25_lines), without the citations
    const Pm25Lines lines = pm25_lines(a);
    facts.push_back("Annual PM2.5 " + lines.summary);
    for (const std::string* line : {&lines.note, &lines.caveat, &lines.who})
      if (!line->empty()) facts.push_back(*line);
  }
  if (!c.pm25_annual.empty()) facts.push_back(kPm25NotComparable);
  json links = json::array();
  for (const std::string& sid : c.sources)
    for (const Source& s : p.sources)
      if (s.id == sid) links.push_back({{"title", s.title}, {"url", s.url}});
  sections.push_back({{"heading", "In the partnership"}, {"lines", std::move(facts)}, {"links", std::move(links)}});
  doc["panel"] = {{"kind", "city"}, {"id", c.id}, {"title", c.name}, {"sections", std::move(sections)}};
}

// city=bangkok  show=cities,arcs,labels,flow (the layers on; "none")  cert=0,2 (ranks shown; 0: not
// certified)  country=JP,TH  programme=c3|certification. Only what differs from the start.
void PartnershipFeature::write_link(LinkState& link) const {
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  if (const auto city =
          dock_ ? selection_in<CityId>(*dock_, PageKind::City, p.cities.size(), p.generation) : std::nullopt)
    link.set("city", p.city(*city).id);
  const LayerSettings start;
  std::vector<std::string> on;
  for (const auto& [name, value] : {std::pair{"cities", layers_.cities}, std::pair{"arcs", layers_.arcs},
                                    std::pair{"labels", layers_.labels}, std::pair{"flow", layers_.flow}})
    if (value) on.push_back(name);
  if (on.empty())
    link.set("show", "none");
  else if (on.size() < 4)
    link.set_list("show", on);
  if (layers_.ranks != start.ranks) {
    std::vector<std::string> ranks;
    for (int r : layers_.ranks) ranks.push_back(std::to_string(r));
    if (ranks.empty())
      link.set("cert", "none");
    else
      link.set_list("cert", ranks);
  }
  link.set_list("country", {layers_.countries.begin(), layers_.countries.end()});
  if (layers_.programme != start.programme)
    link.set("programme", layers_.programme == ProgrammeFilter::C3 ? "c3" : "certification");
}

void PartnershipFeature::read_link(LinkReader& link) {
  if (!partnership_) return;
  LayerSettings layers;
  if (const std::string* show = link.get("show")) {
    layers.cities = layers.arcs = layers.labels = layers.flow = false;
    for (const std::string& name : split_link_list(*show)) {
      if (name == "cities")
        layers.cities = true;
      else if (name == "arcs")
        layers.arcs = true;
      else if (name == "labels")
        layers.labels = true;
      else if (name == "flow")
        layers.flow = true;
      else if (name != "none")
        link.problem("show: no layer " + link_quote(name));
    }
  }
  if (const std::string* cert = link.get("cert")) {
    layers.ranks.clear();
    for (const std::string& rank : split_link_list(*cert)) {
      if (rank.size() == 1 && rank[0] >= '0' && rank[0] <= '3')
        layers.ranks.insert(rank[0] - '0');
      else if (rank != "none")
        link.problem("cert: " + link_quote(rank) + " is not a level from 0 to 3");
    }
  }
  for (const std::string& country : link.list("country")) {
    if (country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) &&
        std::isupper(static_cast<unsigned char>(country[1])))
      layers.countries.insert(country);
    else
      link.problem("country: " + link_quote(country) + " is not a two-letter country code");
  }
  if (const std::string* programme = link.get("programme")) {
    if (*programme == "c3")
      layers.programme = ProgrammeFilter::C3;
    else if (*programme == "certification")
      layers.programme = ProgrammeFilter::Certification;
    else
      link.problem("programme: " + link_quote(*programme) + " is neither c3 nor certification");
  }
  set_layers(layers);
  if (const std::string* id = link.get("city"); id && !select_city(*id))
    link.problem("city: no partner city " + link_quote(*id));
}

std::optional<LngLat> PartnershipFeature::place_of(const Page& page) const {
  if (page.kind != PageKind::City || !partnership_ || !partnership_->has(partnership_->city_id(page.id)))
    return std::nullopt;
  return partnership_->city(partnership_->city_id(page.id)).where;
}

void PartnershipFeature::write_status(nlohmann::json& state) const {
  using nlohmann::json;
  json& sel = state["selection"];
  sel = {{"city", nullptr}, {"name", ""}, {"partners", json::array()}, {"hover", nullptr}};
  json& layers = state["layers"];
  layers = {{"partnershipLoaded", partnership_.has_value()},
            {"cities", partnership_ ? partnership_->cities.size() : 0},
            {"pairs", partnership_ ? partnership_->pairs.size() : 0},
            {"markers", markers_.instances.size()},
            {"arcSegments", arc_segments_},
            {"citiesOn", layers_.cities},
            {"arcsOn", layers_.arcs},
            {"labelsOn", layers_.labels},
            {"flowOn", layers_.flow},
            {"flowAnimating", flow_drawn_}};
  state["labelsPlaced"] = labels_placed_.size();
  json& labels = state["labels"];  // [{city, x, y, width, height}]: where each name was drawn
  labels = json::array();
  if (partnership_)
    for (const ui::PlacedCityLabel& l : labels_placed_)
      if (partnership_->has(l.city))
        labels.push_back({{"city", partnership_->city(l.city).id},
                          {"x", l.box.x},
                          {"y", l.box.y},
                          {"width", l.box.width},
                          {"height", l.box.height}});
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  json& marks = state["cityMarks"];  // [{x, y, r, cities: [id]}]: markers and groups as drawn, logical px
  marks = json::array();
  for (const CityMark& m : marks_.marks) {
    json ids = json::array();
    for (CityId c : m.cities) ids.push_back(p.city(c).id);
    marks.push_back({{"x", m.disc.centre.x}, {"y", m.disc.centre.y}, {"r", m.disc.radius}, {"cities", std::move(ids)}});
  }
  if (selected_) {
    sel["city"] = p.city(*selected_).id;
    sel["name"] = p.city(*selected_).name;
    for (const auto& [pair, partner] : p.partners_of(*selected_)) sel["partners"].push_back(p.city(partner).id);
  }
  if (hover_) sel["hover"] = p.city(*hover_).id;
  if (chooser_) {
    json& c = sel["chooser"];
    c = {{"x", chooser_->drawn.x},           {"y", chooser_->drawn.y},  {"width", chooser_->drawn.width},
         {"height", chooser_->drawn.height}, {"cities", json::array()}, {"buttons", json::array()}};
    for (CityId city : chooser_->cities)
      if (p.has(city)) c["cities"].push_back(p.city(city).id);
    for (const ui::Rect& b : chooser_->buttons)
      c["buttons"].push_back({{"x", b.x}, {"y", b.y}, {"width", b.width}, {"height", b.height}});
  }
}

}  // namespace ccap

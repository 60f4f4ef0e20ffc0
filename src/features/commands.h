#pragma once
// What a feature asks of the rest of the app, as plain values. Panels and picking emit commands;
// after the frame is drawn the app carries out the map's (fly, zoom, home, open a link) and hands
// every command to every feature, which acts on those it knows. A feature never calls another.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/ids.h"
#include "map/geo.h"

namespace ccap {

struct FlyToPlace {  // the camera flies to `where` at `zoom`
  LngLat where;
  double zoom = 0;
};
struct ZoomBy {  // about the viewport's centre
  double delta = 0;
};
struct GoHome {};
struct OpenUrl {  // a source link, opened by the platform under the one link rule (base/text_format.h)
  std::string url;
  std::string title = {};  // what it is ("Taipei Times: ..."), shown beside its QR code on a kiosk
};
struct SelectCity {  // nullopt: close the city panel
  std::optional<CityId> city;
};
struct FlyToCity {  // select it and fly there
  CityId city;
  bool behind = false;  // its page goes under the open one (a Knowledge entry stays in view; Back shows the city)
};
struct SelectStation {
  std::optional<StationId> station;
};
struct FlyToStation {
  StationId station;
};
struct HighlightCities {  // cities a Knowledge entry or a comparison is about (empty: none)
  std::vector<CityId> cities;
};
struct ShowCandidates {  // the peer finder's candidate twinnings: (your city, peer) (empty: none)
  std::vector<std::pair<CityId, CityId>> pairs;
};
struct FindPeers {  // open the peer finder for a partner city
  CityId city;
};

struct FitPlaces {  // the camera flies to show all of these beside the open panel
  std::vector<LngLat> places;
};
struct ResetAll {  // an unattended kiosk starts again: panels closed, search, filters and layers as at start
};
struct TourStarts {  // a kiosk's attract tour begins: cities, arcs and their flow on (filters untouched)
};
struct ExitKiosk {};  // the operator leaves kiosk mode (the platform reloads the page without it)

struct ShareLink {};   // the link that reproduces the screen: the system's share sheet, or copied
struct SavePicture {   // a PNG of the map with its title, legend and attribution, next frame
  bool print = false;  // printed beside the open panel's text instead of saved
};
struct SaveFile {    // a file for the user (a download in the browser; natively, a file in the folder)
  std::string name;  // what and when: base/formats/export_names.h
  std::string mime;  // "text/csv", "image/png"
  std::string bytes;
};

struct OpenDataFiles {};   // the page's file picker for someone's own air-quality files (issue 29)
struct ReadFilesAgain {};  // the files of the last import read again (columns were chosen for one)
struct ChooseColumns {     // the columns of a CSV of your own data that did not say (the page's, by name)
  std::string file, time, station, latitude, longitude, value;
  std::string pollutant = "pm25";  // of the value column (domain/pollutant.h keys)
};
struct OwnDataAction {  // what the air panel's "Your data" buttons do, asked by the page (app/page_api.h)
  enum class Kind : std::uint8_t { Cancel, Remove, Join, Replace, Report, SaveSeries, SaveCsv };
  Kind kind = Kind::Report;
};

struct FetchData {   // a data file wanted now (a dataset's series): it arrives through Feature::data_arrived
  std::string name;  // in the data folder ("air/moenv-taiwan.ccapaq")
  // Its size, for live data the deployment's manifest does not list (the air index names each
  // dataset's file and size): the page checks it; 0 for a file of the deployment.
  std::uint64_t bytes = 0;
};

struct PollData {    // a live data file asked for again (the air index, every few minutes): it
  std::string name;  // arrives through Feature::data_arrived when it may have changed (the page
};                   // asks with its ETag and stays quiet on a 304; natively it is read again)

struct CancelData {  // a data file asked for with FetchData and no longer wanted: its download stops
  std::string name;  // (it does not arrive; a later FetchData asks again)
};

struct ShowDataset {  // an air-quality dataset on the map, by id (the map goes to it)
  std::string id;
};
struct ShowDemoData {  // the air overlay's synthetic demo set instead of measured data (or back)
  bool on = true;
};

struct SearchKnowledge {  // open the Knowledge Platform's search (with `text`, if any)
  std::string text;
};

using Command = std::variant<FlyToPlace, ZoomBy, GoHome, OpenUrl, SelectCity, FlyToCity, SelectStation, FlyToStation,
                             HighlightCities, ShowCandidates, FindPeers, SearchKnowledge, FitPlaces, ResetAll,
                             TourStarts, ExitKiosk, ShareLink, SavePicture, SaveFile, FetchData, PollData, CancelData,
                             ShowDemoData, ShowDataset, OpenDataFiles, ReadFilesAgain, OwnDataAction, ChooseColumns>;
using Commands = std::vector<Command>;

}  // namespace ccap

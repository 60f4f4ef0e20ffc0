// Which dataset is shown and when it is fetched: a city it serves, the map at its stations, a
// visitor's choice; one at a time; the demo set only in demo mode, and never a measured one then.
#include "features/air/model/dataset_picker.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

AirDataset dataset(const char* id, const char* city, double lng, double lat) {
  AirDataset d;
  d.id = id;
  d.file = std::string("air/") + id + ".ccapaq";
  d.cities = {{city, 1}};
  d.west = d.east = lng;
  d.south = d.north = lat;
  return d;
}

DatasetPicker picker() {
  AirIndex index;
  index.datasets = {dataset("moenv-taiwan", "taipei", 121.5, 25.0), dataset("nea-singapore", "singapore", 103.8, 1.35)};
  index.demo = dataset("demo", "", 110, 15);
  index.demo->synthetic = true;
  DatasetPicker p;
  p.set_index(std::move(index));
  return p;
}

TEST(DatasetPicker, ACityItServesFetchesItOnceAndItIsShownWhenItArrives) {
  DatasetPicker p = picker();
  EXPECT_EQ(p.shown(), nullptr);
  EXPECT_EQ(p.want_city("bangkok"), nullptr) << "no dataset serves Bangkok";
  const AirDataset* d = p.want_city("taipei");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->id, "moenv-taiwan");
  EXPECT_EQ(p.want_city("taipei"), nullptr) << "coming already: not fetched twice";
  EXPECT_EQ(p.shown(), nullptr);
  p.arrived("moenv-taiwan", true);
  EXPECT_EQ(p.shown()->id, "moenv-taiwan");
  EXPECT_EQ(p.want_city("taipei"), nullptr) << "shown already";
  EXPECT_EQ(p.want("nea-singapore")->id, "nea-singapore") << "another replaces it once it comes";
  p.arrived("nea-singapore", false);
  EXPECT_EQ(p.shown()->id, "moenv-taiwan") << "a dataset that failed shows nothing new";
}

TEST(DatasetPicker, TheMapAtADatasetsStationsFetchesItFromCityZoom) {
  DatasetPicker p = picker();
  EXPECT_EQ(p.want_view(121.3, 24.8, 121.7, 25.2, 5), nullptr) << "the country, not the city";
  const AirDataset* d = p.want_view(121.3, 24.8, 121.7, 25.2, 9);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->id, "moenv-taiwan");
  p.arrived("moenv-taiwan", true);
  EXPECT_EQ(p.want_view(121.3, 24.8, 121.7, 25.2, 9), nullptr);
  EXPECT_EQ(p.want_view(100.3, 13.5, 100.7, 13.9, 9), nullptr) << "Bangkok: no dataset";
  EXPECT_EQ(p.want_view(463.6, 1.2, 464.0, 1.5, 9)->id, "nea-singapore") << "on the next copy of the world too";
  p.arrived("nea-singapore", true);
  EXPECT_EQ(p.want_at({121.5, 25.0})->id, "moenv-taiwan") << "a tour's stop at Taipei, at any zoom";
  EXPECT_EQ(p.want_at({121.5, 25.0}), nullptr) << "coming already";
}

TEST(DatasetPicker, DemoModeShowsTheDemoSetAndNeverAMeasuredOne) {
  DatasetPicker p = picker();
  EXPECT_EQ(p.want("demo"), nullptr) << "not asked for";
  p.set_demo(true);
  EXPECT_EQ(p.want_city("taipei"), nullptr);
  EXPECT_EQ(p.want_view(121.3, 24.8, 121.7, 25.2, 9), nullptr);
  EXPECT_EQ(p.want("moenv-taiwan"), nullptr);
  ASSERT_NE(p.want("demo"), nullptr);
  p.arrived("demo", true);
  EXPECT_TRUE(p.shown()->synthetic);
  EXPECT_EQ(p.serving("taipei")->id, "moenv-taiwan") << "what serves a city is still known (the panel says so)";
}

}  // namespace
}  // namespace ccap

namespace ccap {
namespace {

TEST(DatasetPicker, TheSetOnScreenIsFetchedAgainWhenARefreshedIndexNamesANewFileAndStaysUntilItComes) {
  DatasetPicker p = picker();
  EXPECT_EQ(p.again(), nullptr) << "nothing on screen";
  p.want("moenv-taiwan");
  p.arrived("moenv-taiwan", true);
  AirIndex newer = p.index();
  newer.datasets[0].file = "air/moenv-taiwan-00aa.ccapaq";
  p.set_index(newer);
  const AirDataset* d = p.again();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->file, "air/moenv-taiwan-00aa.ccapaq");
  EXPECT_EQ(p.shown()->id, "moenv-taiwan") << "the old data stays on screen until the new file comes";
  EXPECT_EQ(p.again(), nullptr) << "coming already";
  p.arrived("moenv-taiwan", false);
  EXPECT_EQ(p.shown()->id, "moenv-taiwan") << "a refresh that failed leaves what was shown";
}

}  // namespace
}  // namespace ccap

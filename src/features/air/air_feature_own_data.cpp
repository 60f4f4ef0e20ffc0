// The air feature's side of your own data (issue 29): the page's files read by the importers as
// they come, then shown instead of the built-in set or joined to it, the report in the dock, and
// Remove, export, the columns chosen for a CSV that did not say. (air_feature.h says what is kept.)
#include <algorithm>
#include <ctime>

#include "base/formats/export_names.h"
#include "features/air/air_feature.h"
#include "features/air/import/air_data_merge.h"
#include "features/air/import/tidy_csv.h"

namespace ccap {

namespace {
const Page kImportPage{PageKind::Import, 0};
}  // namespace

bool AirFeature::import_begin(std::size_t files) {
  if (kiosk_ || own_.session) return false;
  own_.session = std::make_unique<airquality::DataImport>();
  own_.session->know_places(picker_.index().datasets);  // where AirNow's and data.gov.sg's places are
  own_.files = files;
  own_.cancelled = false;
  if (dock_) dock_->show(kImportPage);  // its progress, then its report
  return true;
}

void AirFeature::import_file(const std::string& name, std::uint64_t size) {
  if (!own_.session || own_.cancelled) return;
  const auto chosen = own_.columns.find(name);
  own_.session->begin_file(name, size, chosen == own_.columns.end() ? nullptr : &chosen->second);
}

int AirFeature::import_chunk(std::span<const std::uint8_t> bytes) {
  if (!own_.session || own_.cancelled) return -1;
  return own_.session->feed(bytes) ? 1 : 0;
}

void AirFeature::import_file_end(const std::string& error) {
  if (own_.session && !own_.cancelled) own_.session->end_file(error);
}

void AirFeature::import_end(std::span<const airquality::PartnerPlace> cities, Notices& notices, Commands& commands) {
  if (!own_.session) return;
  const std::unique_ptr<airquality::DataImport> session = std::move(own_.session);
  if (own_.cancelled) {  // nothing read is kept: what was on the map stays
    notices.add(Notice::Level::Info, "The import was cancelled: the map shows what it showed before.");
    if (dock_ && dock_->top() == kImportPage && !own_.outcome) dock_->close();
    return;
  }
  own_.outcome = session->finish(cities);
  airquality::ImportOutcome& out = *own_.outcome;
  if (!out.data) {
    notices.add(Notice::Level::Warning, "Your data could not be shown: " + out.error + ".");
    return;
  }
  if (!own_.shown) {  // the built-in set on the map now is kept, to join or to return to
    const bool measured = air_.loaded() && !air_.data().any_synthetic() && picker_.shown();
    own_.builtin = measured ? std::optional(air_.data()) : std::nullopt;
    own_.builtin_dataset = measured ? std::optional(*picker_.shown()) : std::nullopt;
  }
  own_.data = std::move(*out.data);
  out.data.reset();
  if (own_.data->series.empty() && utc_now_ > 0)  // station places only: their hour is now, not 1970
    own_.data->first_hour = static_cast<std::int64_t>(utc_now_ / 3600) * 3600;
  own_.join = false;
  show_own();
  if (dock_) dock_->show(kImportPage);
  const AirDataset& d = own_.dataset;  // the map goes to them, beside the report
  commands.push_back(FitPlaces{{{d.west, d.south}, {d.east, d.north}}});
}

void AirFeature::show_own() {
  if (!own_.data) return;
  airquality::AirDataMerge joined;
  const AirDataset* with = nullptr;
  if (own_.join && own_.builtin && own_.builtin_dataset) {
    const std::vector<airquality::NamedAirData> sets{{&*own_.data, "your data"},
                                                     {&*own_.builtin, own_.builtin_dataset->title}};
    joined = airquality::merge_air_data(sets);
    if (joined.build.error.empty()) with = &*own_.builtin_dataset;
  }
  const AirQualityData& data = with ? joined.build.data : *own_.data;
  own_.dataset = airquality::describe_own_data(
      own_.outcome ? own_.outcome->files : std::vector<airquality::ImportedFile>{}, data, with);
  own_.join = with != nullptr;
  own_.shown = true;
  air_.load(with ? std::move(joined.build.data) : *own_.data);
  selected_ = hover_ = std::nullopt;
  if (dock_) dock_->remove(PageKind::Station);  // the old data's ids
  surface_key_ = {};
}

void AirFeature::remove_own() {
  if (!own_.shown) return;
  own_.shown = own_.join = false;
  own_.data.reset();
  air_.load(own_.builtin ? std::move(*own_.builtin) : AirQualityData{});
  own_.builtin.reset();
  own_.builtin_dataset.reset();
  selected_ = hover_ = std::nullopt;
  if (dock_) dock_->remove(PageKind::Station), dock_->remove(PageKind::Import);
  surface_key_ = {};
  // The built-in set may have been refreshed meanwhile: its newer file now.
  if (const AirDataset* d = picker_.shown(); d && d->file != shown_file_ && !loading_) {
    if (const AirDataset* again = picker_.again()) request(again), refreshing_ = true;
  }
}

std::optional<std::pair<std::string, airquality::CsvFormat>> AirFeature::chosen_columns(const ChooseColumns& c) const {
  if (!own_.outcome) return std::nullopt;
  const auto pollutant = parse_pollutant(c.pollutant);
  for (const airquality::ImportedFile& f : own_.outcome->files) {
    if (f.name != c.file || f.header.empty() || !pollutant) continue;
    auto format = airquality::chosen_format(f, {c.time, c.station, c.latitude, c.longitude, c.value, *pollutant});
    if (!format) return std::nullopt;
    return std::pair(f.name, std::move(*format));
  }
  return std::nullopt;
}

ui::OwnDataView AirFeature::own_view() const {
  ui::OwnDataView v;
  v.allowed = !kiosk_;
  if (own_.session) {
    const auto& files = own_.session->files();
    v.importing = true;
    v.files = std::max(own_.files, files.size());
    v.file_index = files.empty() ? 0 : files.size() - 1;
    v.file = files.empty() ? std::string() : files.back().name;
    v.bytes = own_.session->bytes();
    for (const auto& f : files) v.total += f.size;
    v.accepted = own_.session->accepted();
    v.rejected = own_.session->rejected();
  }
  v.outcome = own_.outcome ? &*own_.outcome : nullptr;
  v.shown = own_.shown ? &own_.dataset : nullptr;
  v.join = own_.join;
  v.joinable = own_.builtin_dataset ? &*own_.builtin_dataset : nullptr;
  return v;
}

void AirFeature::own_wish(const ui::OwnDataWish& wish, FrameContext& ctx) {
  if (kiosk_) return;
  if (wish.open) ctx.commands.push_back(OpenDataFiles{});
  if (wish.cancel && own_.session) own_.cancelled = true;
  if (wish.report && dock_) dock_->show(kImportPage);
  if (wish.join && *wish.join != own_.join && own_.shown) {
    own_.join = *wish.join;
    show_own();
  }
  if (wish.remove) remove_own();
  if (wish.columns) {
    own_.columns[wish.columns->first] = wish.columns->second;
    ctx.commands.push_back(ReadFilesAgain{});
  }
  if ((wish.export_series || wish.export_csv) && own_.data) {
    const std::time_t now = std::time(nullptr);
    if (wish.export_series) {
      const std::vector<std::uint8_t> bytes = encode_air_quality(*own_.data);
      ctx.commands.push_back(SaveFile{export_file_name("your-air-data", now, "ccapaq"), "application/octet-stream",
                                      std::string(bytes.begin(), bytes.end())});
    }
    if (wish.export_csv)
      ctx.commands.push_back(
          SaveFile{export_file_name("your-air-data", now, "csv"), "text/csv", airquality::tidy_csv(*own_.data)});
  }
}

}  // namespace ccap

#pragma once
// Reads polygon layers from any vector format GDAL knows (TopoJSON, GeoJSON, GeoPackage,
// Shapefile...) into plain rings of longitude/latitude. Every problem is reported with the file,
// the feature and the reason; nothing is silently dropped.
#include <string>
#include <vector>

#include "pipeline/antimeridian.h"

namespace ccap::pipeline {

// "path" or "path#layer" (the layer defaults to the file's first).
struct SourceRef {
  std::string path;
  std::string layer;
  static SourceRef parse(const std::string& text);
  std::string describe() const;
};

using Polygon = std::vector<Ring>;  // outer ring first, then holes; each ring closed

struct PolygonFeature {
  std::string label;  // "feature 12 (Fiji)": for messages
  std::vector<Polygon> polygons;
};

struct PolygonLayer {
  std::vector<PolygonFeature> features;
  std::vector<std::string> errors;  // empty when everything read cleanly
  GeoBounds extent{180, 90, -180, -90};
};

// Coordinates are taken as longitude/latitude (CRS84) when the layer has no SRS (TopoJSON has
// none); a layer in another SRS is transformed to CRS84.
// A feature without geometry is an error, unless `empty` says it may be left out (world-atlas's
// countries-10m has Vatican and a few others as empty features: they have no edges to draw).
enum class EmptyFeatures { Error, Skip };
PolygonLayer read_polygon_layer(const SourceRef& source, EmptyFeatures empty = EmptyFeatures::Error);

// Why GDAL could not open a GeoJSON file, in a person's terms: our JSON reader names the line and
// column where the text stops being JSON (a truncated download, a stray comma). Empty when the
// file is not JSON by its name, cannot be read, or is valid JSON (then GDAL's own reason stands).
std::string json_syntax_problem(const std::string& path);

}  // namespace ccap::pipeline

#include "map/basemap_format.h"
#include "base/binary_io.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace ccap {
namespace {

Basemap sample() {
  Basemap m;
  m.bounds = {-180, -85, 180, 85};
  BasemapLevel coarse;
  coarse.min_zoom = 0;
  coarse.land_vertices = {{0.1f, 0.2f}, {0.3f, 0.2f}, {0.2f, 0.4f}, {1.05f, 0.5f}};
  coarse.land_indices = {0, 1, 2, 1, 3, 2};
  coarse.coastlines = {{{0.1f, 0.2f}, {0.3f, 0.2f}}};
  coarse.borders = {{{0.3f, 0.2f}, {0.2f, 0.4f}}, {{0.2f, 0.4f}, {0.1f, 0.2f}}};
  BasemapLevel fine = coarse;
  fine.min_zoom = 3;
  fine.land_vertices.push_back({0.5f, 0.5f});
  m.levels = {coarse, fine};
  return m;
}

// An island whose ring is cut at 180° (as Natural Earth cuts Fiji): the land is made continuous
// (x beyond 1), the coast is written where the source has it (x near 0 for the part east of 180°),
// a border crosses the cut, and a lake (a hole) sits inside. Then an empty level, and a level with
// lines only.
Basemap antimeridian_sample() {
  Basemap m;
  m.bounds = {177, -19, -178, -15};
  BasemapLevel l;
  l.min_zoom = 0;
  const float x177 = (177 + 180) / 360.0f, x182 = (182 + 180) / 360.0f, y0 = 0.55f, y1 = 0.56f;
  // outer ring 0..5 (two vertices beyond x = 1), hole 6..8
  l.land_vertices = {{x177, y0}, {0.999f, y0},    {1.004f, y0},     {x182, y0},      {x182, y1},
                     {x177, y1}, {0.99f, 0.552f}, {0.995f, 0.552f}, {0.992f, 0.557f}};
  l.land_indices = {0, 1, 6, 1, 7, 6, 1, 2, 7, 2, 3, 4, 2, 4, 7, 7, 4, 8, 8, 4, 5, 8, 5, 6, 6, 5, 0};
  // the coast east of 180° as the source has it: x - 1
  l.coastlines = {{{x177, y1}, {x177, y0}},
                  {{x177, y0}, {0.999f, y0}},
                  {{0.999f, y0}, {1.004f, y0}},  // the edge across 180°, continuous
                  {{0.004f, y0}, {x182 - 1, y0}},
                  {{x182 - 1, y0}, {x182 - 1, y1}},
                  {{0.99f, 0.552f}, {0.995f, 0.552f}},
                  {{0.995f, 0.552f}, {0.992f, 0.557f}},
                  {{0.992f, 0.557f}, {0.99f, 0.552f}}};
  l.borders = {{{0.9995f, y0}, {0.9995f, 0.5530f}}, {{0.9995f, 0.5530f}, {1.0005f, y1}}};
  BasemapLevel empty;
  empty.min_zoom = 2;
  BasemapLevel lines_only;
  lines_only.min_zoom = 5;
  lines_only.borders = {{{-0.25f, 0.5f}, {1.75f, 0.5f}}, {{1.75f, 0.5f}, {1.75f, 0.25f}}};
  m.levels = {l, empty, lines_only};
  return m;
}

std::vector<std::uint8_t> encode(const Basemap& m) {
  auto r = encode_basemap(m);
  EXPECT_EQ(r.error, "");
  return std::move(r.bytes);
}

std::string decode_error(const std::vector<std::uint8_t>& bytes) {
  const auto r = decode_basemap(bytes);
  EXPECT_FALSE(r.map) << "should have been rejected";
  return r.error;
}

// Rewrites the checksum after a deliberate edit to the payload, so the checks behind it run.
void reseal(std::vector<std::uint8_t>& bytes) {
  const std::uint64_t sum = fnv1a64(std::span(bytes).subspan(kBasemapHeaderSize));
  std::memcpy(bytes.data() + kBasemapChecksumOffset, &sum, sizeof sum);
}

void expect_near_grid(Vec2f decoded, Vec2f original, std::int32_t grid) {
  const double slack = kBasemapMaxShift * 1.2e-7;  // float rounding at |x| up to 8
  EXPECT_LE(std::abs(decoded.x - original.x), 0.5 / grid + slack);
  EXPECT_LE(std::abs(decoded.y - original.y), 0.5 / grid + slack);
}

// decode(encode(m)) is m on the grid: every coordinate within half a unit, the same lines in the
// same order, the same triangles; and encoding that again gives the same bytes.
void expect_round_trip(const Basemap& m) {
  const auto bytes = encode(m);
  const auto r = decode_basemap(bytes);
  ASSERT_TRUE(r.map) << r.error;
  const Basemap snapped = snapped_to_grid(m);
  ASSERT_EQ(r.map->levels.size(), m.levels.size());
  EXPECT_EQ(r.map->bounds.west, m.bounds.west);
  EXPECT_EQ(r.map->bounds.north, m.bounds.north);
  EXPECT_EQ(r.map->grid, m.grid);
  for (std::size_t i = 0; i < m.levels.size(); ++i) {
    const BasemapLevel &got = r.map->levels[i], &want = snapped.levels[i], &original = m.levels[i];
    EXPECT_EQ(got.min_zoom, want.min_zoom);
    EXPECT_EQ(got.land_vertices, want.land_vertices) << "level " << i;
    EXPECT_EQ(got.coastlines, want.coastlines) << "level " << i;
    EXPECT_EQ(got.borders, want.borders) << "level " << i;
    EXPECT_EQ(got.rivers, want.rivers) << "level " << i;
    EXPECT_TRUE(same_triangles(got.land_indices, want.land_indices)) << "level " << i;
    for (std::size_t k = 0; k < got.land_vertices.size(); ++k)
      expect_near_grid(got.land_vertices[k], original.land_vertices[k], m.grid);
    for (std::size_t k = 0; k < got.coastlines.size(); ++k) {
      expect_near_grid(got.coastlines[k].a, original.coastlines[k].a, m.grid);
      expect_near_grid(got.coastlines[k].b, original.coastlines[k].b, m.grid);
    }
    for (std::size_t k = 0; k < got.rivers.size(); ++k) {
      expect_near_grid(got.rivers[k].a, original.rivers[k].a, m.grid);
      expect_near_grid(got.rivers[k].b, original.rivers[k].b, m.grid);
    }
  }
  EXPECT_EQ(encode(*r.map), bytes) << "encode(decode(x)) is not a fixed point";
}

// ---------------------------------------------------------------------------------------------
// Files made by hand, section by section, for the decoder's refusals.

std::uint32_t zz(std::int64_t v) { return static_cast<std::uint32_t>(v < 0 ? -v * 2 - 1 : v * 2); }
// A line point: a pool index `delta` from the previous point's, or a new point (dx, then zz(dy)).
std::uint32_t ref(std::int64_t delta) { return zz(delta) * 2 + 1; }
std::uint32_t fresh(std::int64_t dx) { return zz(dx) * 2; }

std::vector<std::uint8_t> varints(std::initializer_list<std::uint32_t> values) {
  std::vector<std::uint8_t> out;
  for (std::uint32_t v : values) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<std::uint8_t>(v | 0x80));
    out.push_back(static_cast<std::uint8_t>(v));
  }
  return out;
}

struct RawLevel {
  float min_zoom = 0;
  std::uint32_t vertices = 0, triangles = 0, coast_lines = 0, coast_points = 0, border_lines = 0, border_points = 0,
                river_lines = 0, river_points = 0;
  std::vector<std::uint8_t> vertex_bytes, ops, args, coast, borders, rivers;
};

std::vector<std::uint8_t> file_of(const std::vector<RawLevel>& levels, std::uint32_t version = 3,
                                  std::uint32_t grid = kBasemapUnitsPerWorld) {
  ByteWriter payload;
  for (const RawLevel& l : levels) {
    payload.put(l.min_zoom);
    for (std::size_t v : {std::size_t{l.vertices}, l.vertex_bytes.size(), std::size_t{l.triangles}, l.ops.size(),
                          l.args.size(), std::size_t{l.coast_lines}, std::size_t{l.coast_points}, l.coast.size(),
                          std::size_t{l.border_lines}, std::size_t{l.border_points}, l.borders.size(),
                          std::size_t{l.river_lines}, std::size_t{l.river_points}, l.rivers.size()})
      payload.put(static_cast<std::uint32_t>(v));
  }
  for (const RawLevel& l : levels)
    for (const auto* s : {&l.vertex_bytes, &l.ops, &l.args, &l.coast, &l.borders, &l.rivers}) payload.put_all(*s);
  ByteWriter file;
  for (char c : std::string_view("CCAPMAP\0", 8)) file.put(c);
  file.put(version);
  file.put(static_cast<std::uint32_t>(levels.size()));
  file.put(grid);
  file.put(std::uint32_t{0});
  for (double b : {100.0, 0.0, 140.0, 30.0}) file.put(b);
  file.put(static_cast<std::uint64_t>(payload.out.size()));
  file.put(fnv1a64(payload.out));
  file.out.insert(file.out.end(), payload.out.begin(), payload.out.end());
  return file.out;
}

// A valid level: a triangle (vertices 0, 1, 2 at (10, 10), (20, 10), (10, 20) units), a coastline
// along two of its edges, a border of one new point and one from the pool.
RawLevel good_level() {
  RawLevel l;
  l.vertices = 3;
  l.vertex_bytes = varints({zz(10), zz(10), zz(10), zz(0), zz(-10), zz(10)});
  l.triangles = 1;
  l.args = varints({zz(0), zz(1), zz(2)});  // a new triangle: 0, 1, 2 (the count is reached: no ops)
  l.coast_lines = 1;
  l.coast_points = 3;
  l.coast = varints({3, zz(0), ref(1), ref(1), ref(1)});  // pool points 0, 1, 2
  l.border_lines = 1;
  l.border_points = 2;
  l.borders = varints({2, zz(0), fresh(5), zz(-5), ref(-3)});  // a new point (15, 15), then pool point 0
  return l;
}

std::size_t table_end(std::size_t levels) { return kBasemapHeaderSize + levels * kBasemapLevelEntrySize; }

}  // namespace

TEST(BasemapFormat, RoundTripsWithinTheGrid) {
  expect_round_trip(sample());
  expect_round_trip(antimeridian_sample());
}

TEST(BasemapFormat, ACityTileKeepsItsFineGridAndItsRivers) {
  // A piece of Taipei's coast on the city tiles' grid (2^21 units a world width, 19 m at the
  // equator), with a river: each point back within half of that grid's unit, not the world map's.
  Basemap tile;
  tile.grid = kBasemapMaxGrid;
  tile.bounds = {120.9375, 24.527, 122.34375, 25.799};
  BasemapLevel l;
  l.min_zoom = 8;
  const auto at = [](double lng, double lat) {
    return Vec2f{float(project({lng, lat}).x), float(project({lng, lat}).y)};
  };
  l.land_vertices = {at(121.40, 25.10), at(121.45, 25.17), at(121.52, 25.12)};
  l.land_indices = {0, 1, 2};
  l.coastlines = {{l.land_vertices[0], l.land_vertices[1]}};
  l.rivers = {{at(121.50, 25.05), at(121.4655, 25.1501)}, {at(121.4655, 25.1501), at(121.459, 25.172)}};
  tile.levels = {l};
  expect_round_trip(tile);
  const Basemap back = *decode_basemap(encode(tile)).map;
  EXPECT_EQ(back.levels[0].rivers.size(), 2u);
  const double metres_per_world = 40'075'016.7;
  for (std::size_t k = 0; k < l.rivers.size(); ++k)
    EXPECT_LE(std::abs(back.levels[0].rivers[k].a.x - l.rivers[k].a.x) * metres_per_world, 9.6 + 0.5)
        << "within half a unit of the fine grid (9.6 m; float rounding at x < 1 adds at most 0.3 m)";
  // On the world map's grid the same point would move by up to 200 m.
  const float x = l.rivers[0].b.x;
  EXPECT_GT(std::abs(basemap_world(*basemap_grid_units(x)) - x) * metres_per_world,
            std::abs(basemap_world(*basemap_grid_units(x, kBasemapMaxGrid), kBasemapMaxGrid) - x) * metres_per_world);
}

TEST(BasemapFormat, RefusesAGridOutOfRangeAndAReservedFieldNotZero) {
  EXPECT_EQ(decode_error(file_of({good_level()}, 3, 999)), "grid 999 units per world is out of range 1000..2097152");
  EXPECT_EQ(decode_error(file_of({good_level()}, 3, kBasemapMaxGrid + 1)),
            "grid 2097153 units per world is out of range 1000..2097152");
  auto bytes = file_of({good_level()});
  bytes[20] = 1;  // the reserved u32 after the grid
  EXPECT_EQ(decode_error(bytes), "the reserved header field is 1, not 0");
  Basemap m = sample();
  m.grid = 10;
  EXPECT_EQ(encode_basemap(m).error, "grid 10 is out of range 1000..2097152");
}

TEST(BasemapFormat, AHandMadeFileDecodesAsDocumented) {
  const auto r = decode_basemap(file_of({good_level()}));
  ASSERT_TRUE(r.map) << r.error;
  const BasemapLevel& l = r.map->levels[0];
  const Vec2f a{basemap_world(10), basemap_world(10)}, b{basemap_world(20), basemap_world(10)},
      c{basemap_world(10), basemap_world(20)}, d{basemap_world(15), basemap_world(15)};
  EXPECT_EQ(l.land_vertices, (std::vector<Vec2f>{a, b, c}));
  EXPECT_EQ(l.land_indices, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(l.coastlines, (std::vector<Segment>{{a, b}, {b, c}}));
  EXPECT_EQ(l.borders, (std::vector<Segment>{{d, a}}));
  EXPECT_EQ(r.map->bounds.east, 140);

  // Numbers of more than one byte: their first bytes first, then the rest, in order.
  RawLevel wide;
  wide.vertices = 2;
  wide.vertex_bytes = {0x90, 20, 0xfb, 0xc4, 0x03, 0x02, 0x04};  // zz 400, 20, 379, 580
  const auto w = decode_basemap(file_of({wide}));
  ASSERT_TRUE(w.map) << w.error;
  EXPECT_EQ(w.map->levels[0].land_vertices,
            (std::vector<Vec2f>{{basemap_world(200), basemap_world(10)}, {basemap_world(10), basemap_world(300)}}));
}

TEST(BasemapFormat, TheGridIsTheDocumentedOne) {
  EXPECT_EQ(basemap_grid_units(0.5f), 50000);
  EXPECT_EQ(basemap_grid_units(-0.000004f), 0);
  EXPECT_EQ(basemap_grid_units(0.000006f), 1);
  EXPECT_FALSE(basemap_grid_units(8.1f));
  EXPECT_FALSE(basemap_grid_units(NAN));
  EXPECT_FALSE(basemap_grid_units(std::numeric_limits<float>::infinity()));
  // Every unit comes back as itself (so encode(decode(x)) is exact).
  for (std::int32_t u = -(kBasemapMaxShift * kBasemapUnitsPerWorld); u <= (kBasemapMaxShift * kBasemapUnitsPerWorld);
       u += 997)
    ASSERT_EQ(basemap_grid_units(basemap_world(u)), u);
  ASSERT_EQ(basemap_grid_units(basemap_world((kBasemapMaxShift * kBasemapUnitsPerWorld))),
            (kBasemapMaxShift * kBasemapUnitsPerWorld));
  // Half a unit of the world's width is 0.0018 degrees of longitude, 200 m at the equator.
  EXPECT_NEAR(0.5 / kBasemapUnitsPerWorld * 360, 0.0018, 1e-12);
  EXPECT_NEAR(0.5 / kBasemapUnitsPerWorld * 40'075'016.7, 200.4, 0.1);
}

TEST(BasemapFormat, TrianglesComeBackWhateverTheirOrderAndFirstCorner) {
  Basemap m = sample();
  const auto bytes = encode(m);
  m.levels[0].land_indices = {3, 2, 1, 1, 2, 0};  // the same two triangles, reordered and rotated
  EXPECT_EQ(encode(m), bytes);
  m.levels[0].land_indices = {0, 2, 1, 1, 3, 2};  // one reversed: another triangle
  EXPECT_NE(encode(m), bytes);
  EXPECT_FALSE(same_triangles(m.levels[0].land_indices, sample().levels[0].land_indices));
}

TEST(BasemapFormat, LinesThatFollowTheLandCostAByteAPoint) {
  // A ring of 1000 vertices and the same ring as coastline: one byte a point, plus the header.
  Basemap m;
  BasemapLevel l;
  for (int i = 0; i < 1000; ++i) {
    const double a = i * 2 * M_PI / 1000;
    l.land_vertices.push_back(
        {static_cast<float>(0.5 + 0.1 * std::cos(a)), static_cast<float>(0.5 + 0.1 * std::sin(a))});
  }
  for (std::uint32_t i = 1; i + 1 < 1000; ++i) l.land_indices.insert(l.land_indices.end(), {0, i, i + 1});
  for (std::size_t i = 0; i < 1000; ++i) l.coastlines.push_back({l.land_vertices[i], l.land_vertices[(i + 1) % 1000]});
  m.levels = {l};
  const auto bytes = encode(m);
  std::uint32_t coast_bytes = 0;
  std::memcpy(&coast_bytes, bytes.data() + kBasemapHeaderSize + 32, 4);
  EXPECT_LE(coast_bytes, 1001u + 6u);
  expect_round_trip(m);
}

TEST(BasemapFormat, RejectsEveryTruncation) {
  const auto bytes = encode(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(decode_basemap(cut).map) << "accepted a file cut to " << n << " bytes";
  }
  EXPECT_NE(decode_error({bytes.begin(), bytes.begin() + 10}).find("too short"), std::string::npos);
  EXPECT_NE(decode_error({bytes.begin(), bytes.end() - 1}).find("truncated"), std::string::npos);
}

TEST(BasemapFormat, RejectsEverySingleBitFlipInThePayload) {
  const auto bytes = encode(antimeridian_sample());
  for (std::size_t i = kBasemapHeaderSize; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      auto bad = bytes;
      bad[i] ^= static_cast<std::uint8_t>(1 << bit);
      EXPECT_EQ(decode_error(bad), "checksum mismatch (corrupted file)") << "byte " << i << " bit " << bit;
    }
  }
}

TEST(BasemapFormat, NamesWhatIsWrongInTheHeader) {
  auto bytes = encode(sample());
  auto bad = bytes;
  bad[0] = 'X';
  EXPECT_EQ(decode_error(bad), "not a .ccapmap file (bad magic)");
  bad = bytes;
  bad[8] = 9;  // version
  EXPECT_NE(decode_error(bad).find("version 9 is not supported"), std::string::npos);
  bad = bytes;
  bad[12] = 0;  // level count
  EXPECT_NE(decode_error(bad).find("level count 0"), std::string::npos);
  bytes.push_back(0);
  EXPECT_NE(decode_error(bytes).find("padded"), std::string::npos);
}

TEST(BasemapFormat, AVersion1FileIsRefusedAsMadeByAnOlderPipeline) {
  // A version 1 file (f32 arrays) as the old pipeline wrote it: header, level table, nothing else.
  ByteWriter v1;
  for (char c : std::string_view("CCAPMAP\0", 8)) v1.put(c);
  v1.put(std::uint32_t{1});
  v1.put(std::uint32_t{1});
  for (double b : {-180.0, -85.0, 180.0, 85.0}) v1.put(b);
  const std::vector<std::uint8_t> table(24, 0);
  v1.put(std::uint64_t{table.size()});
  v1.put(fnv1a64(table));
  v1.put_all(table);
  EXPECT_EQ(decode_error(v1.out),
            "format version 1 was made by an older pipeline: rebuild the data (this build reads version 3)");
}

TEST(BasemapFormat, ChecksTheLevelTableBehindAValidChecksum) {
  RawLevel l = good_level();
  l.vertices = 4;  // at least 2 bytes each
  EXPECT_EQ(decode_error(file_of({l})), "level 0: 4 land vertices cannot fit in 6 bytes");
  l = good_level();
  l.triangles = 2;
  EXPECT_EQ(decode_error(file_of({l})), "level 0: 2 triangles cannot fit in 0 op and 3 argument bytes");
  l = good_level();
  l.coast_points = 30;
  EXPECT_EQ(decode_error(file_of({l})), "level 0: 1 coastline polylines of 30 points cannot fit in 5 bytes");
  l = good_level();
  l.border_lines = 2;
  EXPECT_EQ(decode_error(file_of({l})), "level 0: 2 border polylines of 2 points cannot fit in 5 bytes");
  RawLevel second = good_level();
  second.min_zoom = 0;  // not above the first level's
  EXPECT_EQ(decode_error(file_of({good_level(), second})), "level 1: min zoom is not finite or not ascending");
  second.min_zoom = NAN;
  EXPECT_EQ(decode_error(file_of({good_level(), second})), "level 1: min zoom is not finite or not ascending");

  // A count that claims more than the payload holds, and section sizes that do not add up.
  auto bytes = file_of({good_level()});
  const std::uint32_t huge = 0x7fffffff;
  std::memcpy(bytes.data() + kBasemapHeaderSize + 40, &huge, 4);  // border points
  reseal(bytes);
  EXPECT_EQ(decode_error(bytes), "level 0: 1 border polylines of 2147483647 points cannot fit in 5 bytes");
  bytes = file_of({good_level()});
  const std::uint32_t more = 7;
  std::memcpy(bytes.data() + kBasemapHeaderSize + 44, &more, 4);  // border bytes
  reseal(bytes);
  EXPECT_EQ(decode_error(bytes), "the level table's sections add up to 21 bytes, 19 follow it");
  bytes = file_of({good_level()});
  bytes.push_back(0);
  std::uint64_t size = bytes.size() - kBasemapHeaderSize;
  std::memcpy(bytes.data() + kBasemapPayloadSizeOffset, &size, 8);
  reseal(bytes);
  EXPECT_EQ(decode_error(bytes), "the level table's sections add up to 19 bytes, 20 follow it");
  bytes.resize(kBasemapHeaderSize + 20);
  size = 20;
  std::memcpy(bytes.data() + kBasemapPayloadSizeOffset, &size, 8);
  reseal(bytes);
  EXPECT_EQ(decode_error(bytes), "level table is truncated");
}

TEST(BasemapFormat, NamesTheLevelSectionAndByteOfABadVarint) {
  // The vertex section of level 0 starts right after the table: 6 first bytes, then the rest.
  const std::size_t first = table_end(1), rest = first + 6;
  RawLevel l = good_level();
  l.vertex_bytes = {0x80, 20, 20, 0, 19, 20, 0x80, 0x80, 0x80, 0x80, 0x01};  // 6 bytes for one number
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 land vertices, byte " + std::to_string(rest) + ": a number is longer than 32 bits (bad varint)");
  l.vertex_bytes = {0x80, 20, 20, 0, 19, 20, 0x80, 0x80, 0x80, 0x10};  // 5 bytes, but above 2^32
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 land vertices, byte " + std::to_string(rest) + ": a number is longer than 32 bits (bad varint)");
  l.vertex_bytes = {0xff, 20, 20, 0, 19, 20, 0xff, 0xff, 0xff, 0x0f};  // 2^32 - 1: a valid number, too far
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 land vertices, byte " + std::to_string(first + 1) + ": vertex 0 is beyond ±8 world widths");
  l.vertex_bytes = {20, 20, 20, 0, 19, 20 | 0x80};  // the last number never ends
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 land vertices, byte " + std::to_string(rest) + ": the section ends inside a number");
  l.vertex_bytes = {20, 20, 20, 0, 19, 20, 0};  // a byte too many
  EXPECT_EQ(decode_error(file_of({l})), "level 0 land vertices, byte " + std::to_string(rest) + ": 1 bytes left over");
  // In the second level's borders: the offset counts everything before it.
  RawLevel second = good_level();
  second.min_zoom = 3;
  second.borders = {2, 0, 0, 0x80, 0x80};  // a new point: dx 0, then a dy that never ends
  const std::size_t second_borders = table_end(2) + 19 + 6 + 3 + 5;
  EXPECT_EQ(decode_error(file_of({good_level(), second})),
            "level 1 borders, byte " + std::to_string(second_borders + 3) + ": the section ends inside a number");
}

TEST(BasemapFormat, RefusesTrianglesOutOfRangeOrBadlyCoded) {
  const std::size_t ops = table_end(1) + 6;
  RawLevel l = good_level();
  l.args = varints({zz(0), zz(1), zz(3)});
  EXPECT_EQ(decode_error(file_of({l})), "level 0 triangle arguments, byte " + std::to_string(ops + 2) +
                                            ": land index 3 is out of range (3 land vertices)");
  l.args = varints({zz(-1), zz(1), zz(2)});
  EXPECT_EQ(decode_error(file_of({l})), "level 0 triangle arguments, byte " + std::to_string(ops + 2) +
                                            ": land index -1 is out of range (3 land vertices)");
  // Two triangles: the second behind the first's gate (2, 0), with w = 0 - 1.
  l = good_level();
  l.triangles = 2;
  l.ops = {4};
  const std::size_t args = ops + 1;
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 triangle ops, byte " + std::to_string(ops) + ": land index -1 is out of range (3 land vertices)");
  l.ops = {6};
  EXPECT_EQ(decode_error(file_of({l})), "level 0 triangle ops, byte " + std::to_string(ops) + ": unknown op 6");
  l.ops = {5};
  l.args = varints({zz(0), zz(1), zz(2), zz(7)});
  EXPECT_EQ(decode_error(file_of({l})), "level 0 triangle arguments, byte " + std::to_string(args + 3) +
                                            ": land index 9 is out of range (3 land vertices)");
  l.ops = {0};  // nothing behind the gate; with no gates left, a new triangle needs three arguments
  l.args = varints({zz(0), zz(1), zz(2), zz(0), zz(1)});
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 triangle arguments, byte " + std::to_string(args + 5) + ": the section ends inside a number");
  l.ops = {};  // the first triangle's gate needs an op
  l.args = varints({zz(0), zz(1), zz(2), zz(0), zz(1), zz(2)});
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 triangle ops, byte " + std::to_string(ops) + ": the ops end before the triangle count");
  l = good_level();
  l.ops = {0};  // one op too many: the count was reached without it
  EXPECT_EQ(decode_error(file_of({l})), "level 0 triangle ops, byte " + std::to_string(ops) + ": 1 bytes left over");
  l = good_level();
  l.args.push_back(0);
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 triangle arguments, byte " + std::to_string(ops + 3) + ": 1 bytes left over");
}

TEST(BasemapFormat, RefusesLinesOutOfRangeOrBadlyCoded) {
  const std::size_t coast = table_end(1) + 6 + 3;
  RawLevel l = good_level();
  l.coast = varints({3, zz(0), ref(1), ref(1), ref(2)});  // pool point 3 of 3
  EXPECT_EQ(decode_error(file_of({l})), "level 0 coastlines, byte " + std::to_string(coast + 4) +
                                            ": point index 3 is out of range (3 points so far)");
  l.coast = varints({3, zz(0), ref(-1), ref(1), ref(1)});  // pool point -2
  EXPECT_EQ(decode_error(file_of({l})), "level 0 coastlines, byte " + std::to_string(coast + 2) +
                                            ": point index -2 is out of range (3 points so far)");
  l.coast = varints({1, zz(0), ref(1), ref(1), ref(1)});  // a polyline of one point
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 coastlines, byte " + std::to_string(coast) +
                ": polyline 0 has 1 points (at least 2, at most the 3 left of the level's count)");
  l.coast = varints({3, zz(9), ref(1), ref(1), ref(1)});  // 9 worlds east
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 coastlines, byte " + std::to_string(coast + 1) + ": polyline 0: world shift 9 beyond ±8");
  l.coast = varints({3, zz(8), ref(1), ref(1), ref(1)});  // 8 worlds east of x = 10 units: too far
  EXPECT_EQ(decode_error(file_of({l})),
            "level 0 coastlines, byte " + std::to_string(coast + 2) + ": a point is beyond ±8 world widths");
  l.coast = varints({2, zz(0), ref(1), ref(1), 0});  // the table says 3 points
  EXPECT_EQ(decode_error(file_of({l})), "level 0 coastlines, byte " + std::to_string(coast + 3) +
                                            ": the polylines hold 2 points, the level table says 3");
  l = good_level();
  l.borders = varints({2, zz(0), fresh((kBasemapMaxShift * kBasemapUnitsPerWorld)), zz(5), ref(-3)});
  EXPECT_NE(decode_error(file_of({l})).find("level 0 borders, byte"), std::string::npos);
  EXPECT_NE(decode_error(file_of({l})).find(": a point is beyond ±8 world widths"), std::string::npos);
}

TEST(BasemapFormat, EncodingRefusesWhatCannotBeWritten) {
  Basemap m = sample();
  m.levels[0].land_indices[4] = 99;  // past the 4 vertices
  EXPECT_EQ(encode_basemap(m).error, "level 0: land index 99 is out of range (4 land vertices)");
  m = sample();
  m.levels[1].coastlines[0].b.y = NAN;
  EXPECT_EQ(encode_basemap(m).error, "level 1: coastline segment 0 is not finite or beyond ±8 world widths");
  m = sample();
  m.levels[0].land_vertices[2].x = 9;
  EXPECT_EQ(encode_basemap(m).error, "level 0: land vertex 2 is not finite or beyond ±8 world widths");
  m = sample();
  m.levels[1].min_zoom = 0;
  EXPECT_EQ(encode_basemap(m).error, "level 1: min zoom is not finite or not ascending");
  m.levels.clear();
  EXPECT_EQ(encode_basemap(m).error, "level count 0 is out of range 1..16");
  EXPECT_TRUE(encode_basemap(m).bytes.empty());
}

TEST(LevelBlend, PicksLevelsAndCrossFadesBelowTheNext) {
  const auto levels = min_zooms(sample());  // 0 and 3
  auto b = level_blend(levels, 1.0, 0.5);
  EXPECT_EQ(b.level, 0u);
  EXPECT_EQ(b.next, 0u);
  b = level_blend(levels, 2.75, 0.5);
  EXPECT_EQ(b.level, 0u);
  EXPECT_EQ(b.next, 1u);
  EXPECT_FLOAT_EQ(b.t, 0.5f);
  b = level_blend(levels, 3.0, 0.5);
  EXPECT_EQ(b.level, 1u);
  EXPECT_EQ(b.next, 1u);
  b = level_blend(levels, -2.0, 0.5);
  EXPECT_EQ(b.level, 0u);
}

}  // namespace ccap

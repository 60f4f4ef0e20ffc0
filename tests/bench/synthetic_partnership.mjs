// Synthetic partnership content for benchmarks: N cities scattered over the partnership's region
// (South Asia to California, across 180°) and M random twinning pairs, in the same format the
// content pipeline writes. Deterministic (a fixed-seed generator). Clearly fake: ids "synthetic-…".
//   node tests/bench/synthetic_partnership.mjs CITIES PAIRS OUT.json
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export function syntheticPartnership(cityCount, pairCount, seed = 12345) {
  let state = seed >>> 0;
  const random = () => {  // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const cities = [];
  for (let i = 0; i < cityCount; ++i) {
    let lng = 62 + random() * 186;  // 62°E .. 112°W, across the antimeridian
    if (lng > 180) lng -= 360;
    cities.push({
      id: `synthetic-${i}`, name: `Synthetic ${i}`, country: 'ZZ',
      lng, lat: -12 + random() * 64, population: Math.round(10 ** (4 + random() * 3)),
      geonames_id: 0, roles: random() < 0.5 ? ['participant-2015'] : [], sources: ['SYN'],
    });
  }
  const pairs = [];
  for (let k = 0; k < pairCount; ++k) {
    const a = Math.floor(random() * cityCount);
    let b = Math.floor(random() * cityCount);
    if (b === a) b = (a + 1) % cityCount;
    pairs.push({ id: `synthetic-pair-${k}`, cities: [cities[a].id, cities[b].id], topic: null,
                 announced: null, status: 'announced', sources: ['SYN'] });
  }
  return {
    format: 'ccap-partnership', version: 3,
    sources: [{ id: 'SYN', title: 'Synthetic benchmark data (not real)', publisher: 'Clean Air Atlas', url: 'https://clean-air-atlas.invalid/synthetic' }],
    programmes: [], cities, pairs,
    guidance_framework: { areas: [], sources: [] },
    certification: { levels: [{ id: 'bronze', rank: 1, name: 'Bronze', name_published: true, focus: null, first_actions: [], areas: [], sources: ['SYN'] }],
                     statuses: cities.filter((_, i) => i % 7 === 0).map((c) => ({ city: c.id, level: 'bronze', status: 'pilot', year: 2016, sources: ['SYN'] })) },
  };
}

if (process.argv[1] && process.argv[1].endsWith('synthetic_partnership.mjs')) {
  const [cities, pairs, out] = process.argv.slice(2);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(syntheticPartnership(Number(cities), Number(pairs))));
  console.log(`wrote ${out}: ${cities} synthetic cities, ${pairs} pairs`);
}

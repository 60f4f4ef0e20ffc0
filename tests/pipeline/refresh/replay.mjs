// The replay server (replay_server.mjs) for the node tests, and MOENV's answers in its documented
// shape (aqx_p_432: a record per station, its publishtime in Taipei's time).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Serves `scenario` on 127.0.0.1 (its file written in `dir`); resolves to { url, stop }.
export async function startReplay(scenario, dir) {
  const file = path.join(dir, `scenario-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, [path.join(here, 'replay_server.mjs'), file, '--parent', String(process.pid)],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /port (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    child.once('exit', (code) => reject(new Error(`the replay server exited (${code}): ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

// MOENV's aqx_p_432 answering one record: `station` {id, lng, lat} at `utc` (a Date), PM2.5 `pm25`.
export function moenvScenario(station, utc, pm25) {
  const local = new Date(utc.getTime() + 8 * 3600e3).toISOString();
  const publishtime = `${local.slice(0, 4)}/${local.slice(5, 7)}/${local.slice(8, 10)} ${local.slice(11, 19)}`;
  const record = { sitename: 'Zhongshan', county: 'Taipei City', siteid: station.id, longitude: String(station.lng),
                   latitude: String(station.lat), publishtime, 'pm2.5': String(pm25) };
  return { routes: { '/api/v2/aqx_p_432': [{ bodyJson: { records: [record] } }] } };
}

// The hour `hours` after an index's "2026-08-23T07:00Z".
export const hourAfter = (iso, hours) => new Date(Date.parse(iso.replace(/Z$/, ':00Z')) + hours * 3600e3);

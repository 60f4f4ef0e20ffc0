// The refresh service as deployed (scripts/deploy/clean-air-atlas-refresh.service): its ExecStart
// line run as systemd would run it, with its EnvironmentFile's keys, against the replay server on
// 127.0.0.1 and a copy of the build's published air data; then the timer's schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplay, moenvScenario, hourAfter } from './replay.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const geodata = process.env.CCAP_GEODATA || path.join(root, 'build/native/src/pipeline/ccap_geodata');
const web = process.env.CCAP_WEB_OUT || path.join(root, 'build/web');
const unit = (name) => readFileSync(path.join(root, 'scripts/deploy', name), 'utf8');
const setting = (text, key) => text.split('\n').find((l) => l.startsWith(key + '='))?.slice(key.length + 1);

test("the service's command line refreshes the served folder with the keys of its environment file", async (t) => {
  if (!existsSync(geodata) || !existsSync(path.join(web, 'data/air/index.json')))
    return t.skip(`needs ${geodata} and ${web}/data/air (scripts/build.sh)`);
  const service = unit('clean-air-atlas-refresh.service');
  const work = mkdtempSync(path.join(tmpdir(), 'ccap-service-'));
  const replay = { stop() {} };
  try {
    // The machine as docs/deploy.md lays it out, under `work`.
    const at = (p) => path.join(work, p);
    mkdirSync(at('etc/clean-air-atlas'), { recursive: true });
    cpSync(path.join(web, 'data/air'), at('srv/clean-air-atlas/data/air'), { recursive: true });
    cpSync(path.join(root, 'geodata/airquality/datasets.json'), at('etc/clean-air-atlas/datasets.json'));
    const index = JSON.parse(readFileSync(at('srv/clean-air-atlas/data/air/index.json'), 'utf8'));
    const moenv = index.datasets.find((d) => d.id === 'moenv-taiwan');
    const next = hourAfter(moenv.firstHour, moenv.hours);
    Object.assign(replay, await startReplay(moenvScenario({ id: '12', lng: 121.526528, lat: 25.062361 }, next, 30), work));
    writeFileSync(at('etc/clean-air-atlas/data-sources.json'), JSON.stringify({ format: 1, sources: [
      { dataset: 'moenv-taiwan', feed: 'moenv-aqx', url: replay.url + '/api/v2/aqx_p_432', key_env: 'MOENV_API_KEY' }] }));
    writeFileSync(at('etc/clean-air-atlas/keys.env'), 'MOENV_API_KEY=key-from-the-env-file-77\n');

    const env = Object.fromEntries(readFileSync(at(setting(service, 'EnvironmentFile').slice(1)), 'utf8')
      .split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const [command, ...args] = setting(service, 'ExecStart').split(' ')
      .map((a) => (a === '/usr/local/bin/ccap_geodata' ? geodata : a.startsWith('/') ? at(a.slice(1)) : a));
    const run = () => spawnSync(command, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ...env } });

    const first = run();
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^moenv-taiwan \(moenv-aqx\): 1 request, 1 reading fetched, 1 new value, 1 new hour \(newest .*\), \d+ rejects, [0-9.]+ s$/m);
    assert.match(first.stdout, /published .*index\.json: 1 of 1 datasets changed/);
    assert.ok(!(first.stdout + first.stderr).includes('key-from-the-env-file-77'), 'the key is never printed');
    const published = JSON.parse(readFileSync(at('srv/clean-air-atlas/data/air/index.json'), 'utf8'));
    assert.equal(published.datasets.find((d) => d.id === 'moenv-taiwan').hours, moenv.hours + 1);

    const second = run();
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /nothing new: .* left as it was/);
    assert.match(setting(service, 'ReadWritePaths'), /^\/srv\/clean-air-atlas\/data\/air$/);
  } finally {
    replay.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('the timer runs the service every hour, after the agencies publish, and catches up after a stop', () => {
  const timer = unit('clean-air-atlas-refresh.timer');
  assert.equal(setting(timer, 'OnCalendar'), '*-*-* *:20:00');
  assert.equal(setting(timer, 'Persistent'), 'true');
  assert.equal(setting(timer, 'WantedBy'), 'timers.target');
});

// A replay server for the refresh job's tests: serves recorded answers on 127.0.0.1 (never
// anything outside this machine), in the shapes the feeds' documentation gives and in the ways
// they fail. Started by the tests: `node replay_server.mjs SCENARIO.json` prints "port N" once
// listening, and serves until killed.
//
// The scenario: {"routes": {"/path" or "/path?query": [answer, ...]}}. Each request to a route
// gets its next answer; the last one repeats. An answer:
//   status (200), contentType ("application/json"), headers ({name: value}),
//   body (text) or bodyJson (any JSON) or repeat ({text, count}: a huge body, streamed),
//   delayMs (before the headers: a slow feed), truncate (true: Content-Length says more than
//   is sent, then the connection is cut).
// GET /__requests answers with what was asked so far: [{method, url, headers}].
// `--parent PID`: the server stops by itself once that process is gone (a test that died must not
// leave it running, holding its runner's output open).
import http from 'node:http';
import { readFileSync } from 'node:fs';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const served = new Map();  // route -> answers given
const requests = [];

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/__requests') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(requests));
    return;
  }
  requests.push({ method: req.method, url: req.url, headers: req.headers });
  const key = scenario.routes[url.pathname + url.search] ? url.pathname + url.search : url.pathname;
  const listed = scenario.routes[key];
  // (A list of one, as C++ brace-initialisation may give it: the answer itself.)
  const answers = listed === undefined || Array.isArray(listed) ? listed : [listed];
  if (!answers) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('no such route in the scenario: ' + req.url);
    return;
  }
  const n = served.get(key) || 0;
  served.set(key, n + 1);
  const a = answers[Math.min(n, answers.length - 1)];
  const send = () => {
    const headers = { 'Content-Type': a.contentType || 'application/json', ...(a.headers || {}) };
    if (a.repeat) {
      res.writeHead(a.status || 200, headers);
      let left = a.repeat.count;
      const pump = () => {
        while (left > 0) {
          --left;
          if (!res.write(a.repeat.text)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      return pump();
    }
    const body = Buffer.from(a.bodyJson !== undefined ? JSON.stringify(a.bodyJson) : (a.body || ''));
    if (a.truncate) {
      res.writeHead(a.status || 200, { ...headers, 'Content-Length': String(body.length * 2 + 10) });
      res.write(body);
      setTimeout(() => res.socket.destroy(), 20);
      return;
    }
    res.writeHead(a.status || 200, { ...headers, 'Content-Length': String(body.length) });
    res.end(body);
  };
  if (a.delayMs) setTimeout(send, a.delayMs);
  else send();
});
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));

const parent = Number(process.argv[process.argv.indexOf('--parent') + 1] || 0);
if (process.argv.includes('--parent') && parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (e) {
      if (e.code === 'ESRCH') process.exit(0);
    }
  }, 500).unref();
}

// A bounded HTTP load test on this machine: N requests (or until a time
// limit) over C keep-alive connections, then requests/s and latency
// percentiles. Targets must be loopback addresses.
//
//   node scripts/load-test.mjs --url URL [--url URL…] [--urls-file FILE]
//        [--concurrency 16] [--requests 5000] [--max-seconds 60]
//        [--header "Accept: application/linkset+json"] [--method POST --body-file F]
import http from "node:http";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const take = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const all = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));

// --wait URL: poll until it answers 2xx (10 s), then exit.
if (take("--wait")) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(take("--wait"))).ok) process.exit(0);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(`load-test: ${take("--wait")} did not answer`);
  process.exit(1);
}

let urls = all("--url");
const file = take("--urls-file");
if (file) urls = urls.concat(readFileSync(file, "utf8").split("\n").filter(Boolean));
if (urls.length === 0) {
  console.error("load-test: give --url or --urls-file");
  process.exit(2);
}
for (const url of urls) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) {
    console.error(`load-test: ${url}: only loopback targets`);
    process.exit(2);
  }
}
const concurrency = Number(take("--concurrency", 16));
const total = Number(take("--requests", 5000));
const maxSeconds = Number(take("--max-seconds", 60));
const method = take("--method", "GET");
const bodyFile = take("--body-file");
const body = bodyFile ? readFileSync(bodyFile) : null;
const headers = Object.fromEntries(
  all("--header").map((h) => {
    const at = h.indexOf(":");
    return [h.slice(0, at).trim(), h.slice(at + 1).trim()];
  }),
);
if (body) headers["Content-Type"] ??= "application/json";

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
const statuses = new Map();
let errors = 0;
let sent = 0;
const started = performance.now();
const deadline = started + maxSeconds * 1000;

function once(url) {
  return new Promise((done) => {
    const t0 = performance.now();
    const request = http.request(url, { method, agent, headers }, (response) => {
      response.resume();
      response.on("end", () => {
        latencies.push(performance.now() - t0);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        done();
      });
    });
    request.on("error", () => {
      errors += 1;
      done();
    });
    if (body) request.write(body);
    request.end();
  });
}

async function worker() {
  while (sent < total && performance.now() < deadline) {
    const url = urls[sent % urls.length];
    sent += 1;
    await once(url);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
const done = latencies.length;
console.log(`requests: ${done} in ${seconds.toFixed(2)} s over ${concurrency} connections (${urls.length} distinct URLs)`);
console.log(`requests/s: ${(done / seconds).toFixed(0)}`);
console.log(`latency ms: p50 ${pct(50).toFixed(2)}  p90 ${pct(90).toFixed(2)}  p99 ${pct(99).toFixed(2)}  max ${latencies.at(-1)?.toFixed(2)}`);
console.log(`status: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(" ")}  errors: ${errors}`);
agent.destroy();

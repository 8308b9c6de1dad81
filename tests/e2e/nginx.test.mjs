// A published registry served by a real nginx (Debian's package, started
// here on 127.0.0.1 with the configuration `tracecheck nginx` writes):
// content negotiation, CSP on every answer, caching, precompressed gzip and
// CORS, then `tracecheck verify` and the widget in Chromium verifying
// through it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BIN, LEVEL, launch, verdictOf } from "./harness.mjs";

const root = resolve(import.meta.dirname, "../..");
const DIST = process.env.TRACECHECK_DIST ?? join(root, "dist");
const NGINX = process.env.TRACECHECK_NGINX ?? "/usr/sbin/nginx";
const WIDGET_ORIGIN = "https://widget.example";

const env = {};

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

before(async () => {
  env.dir = mkdtempSync(join(tmpdir(), "tracecheck-nginx-"));
  const port = await freePort();
  env.base = `http://127.0.0.1:${port}`;
  const registry = join(env.dir, "registry");
  execFileSync(BIN, ["demo", registry, "--base-url", env.base], { stdio: "ignore" });
  env.samples = JSON.parse(readFileSync(join(registry, "samples.json"), "utf8"));
  const dist = join(env.dir, "dist");
  cpSync(DIST, dist, { recursive: true });
  const args = ["nginx", "--registry", registry, "--dist", dist, "--listen", `127.0.0.1:${port}`];
  args.push("--cors-origin", WIDGET_ORIGIN, "--gzip-dist", "--standalone", join(env.dir, "run"));
  if (process.getuid?.() === 0) args.push("--user", "root");
  const conf = join(env.dir, "nginx.conf");
  writeFileSync(conf, execFileSync(BIN, args));
  env.nginx = spawn(NGINX, ["-p", join(env.dir, "run"), "-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  env.nginx.stderr.on("data", (chunk) => (log += chunk));
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${env.base}/config.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start:\n${log}`);
});

after(async () => {
  await env.browser?.close();
  env.nginx?.kill();
  rmSync(env.dir, { recursive: true, force: true });
});

const sample = (id) => env.samples.find((s) => s.id === id);

test("a Digital Link answers a linkset to linkset clients and the widget to browsers", async () => {
  const code = sample("longan").code;
  for (const [url, headers] of [
    [code, { Accept: "application/linkset+json" }],
    [`${code}?linkType=all`, {}],
  ]) {
    const answer = await fetch(url, { headers });
    assert.equal(answer.status, 200, url);
    assert.match(answer.headers.get("content-type"), /^application\/linkset\+json/);
    assert.match(answer.headers.get("vary"), /Accept/);
    const linkset = await answer.json();
    assert.equal(linkset.linkset[0].anchor, code);
  }
  const page = await fetch(code, { headers: { Accept: "text/html,application/xhtml+xml" } });
  assert.match(page.headers.get("content-type"), /^text\/html/);
  assert.match(page.headers.get("content-security-policy"), /frame-ancestors 'none'/);
  assert.equal(page.headers.get("x-frame-options"), "DENY");
  // The serialised medicine box: its own linkset; an unknown code: a problem document.
  const medicine = await fetch(`${sample("medicine").code}?linkType=all`);
  assert.equal(medicine.status, 200);
  const missing = await fetch(`${sample("not-found").code}?linkType=all`);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get("content-type"), /problem\+json/);
});

test("every answer has a CSP; credentials cache long, lists short; gzip is precompressed; CORS for the widget origin", async () => {
  const linkset = await (await fetch(`${sample("longan").code}?linkType=all`)).json();
  const passport = linkset.linkset[0]["https://test.uncefact.org/vocabulary/linkTypes/dpp"][0].href;
  const trust = await fetch(`${env.base}/trust-list.json`, { headers: { Origin: WIDGET_ORIGIN } });
  const credential = await fetch(passport, { headers: { Origin: "https://elsewhere.example" } });
  const statusUrl = (await credential.clone().json()).credentialStatus[0].statusListCredential;
  const status = await fetch(statusUrl);
  assert.match(credential.headers.get("cache-control"), /max-age=31536000, immutable/);
  assert.match(credential.headers.get("content-type"), /application\/vc\+ld\+json/);
  // The configuration and the badge loader: minutes too (a second visit needs no round trip).
  const config = await fetch(`${env.base}/config.json`);
  const badge = await fetch(`${env.base}/trace-check.js`);
  assert.equal(badge.status, 200);
  // The badge's page too: it has no service worker to answer a second visit.
  const embed = await fetch(`${env.base}/embed?code=${encodeURIComponent(sample("longan").code)}`);
  assert.equal(embed.status, 200);
  assert.match(embed.headers.get("content-security-policy"), /frame-ancestors \*/);
  assert.equal((await fetch(`${env.base}/`)).headers.get("cache-control"), "no-cache");
  for (const short of [trust, status, config, badge, embed]) {
    assert.match(short.headers.get("cache-control"), /max-age=300/, short.url);
  }
  assert.equal((await fetch(`${env.base}/sw.js`)).headers.get("cache-control"), "no-cache");
  assert.equal(trust.headers.get("access-control-allow-origin"), WIDGET_ORIGIN);
  assert.equal(credential.headers.get("access-control-allow-origin"), null, "other origins get no CORS grant");
  for (const path of ["/", "/kiosk", "/config.json", "/media/longan.svg", "/nothing-here.js", "/linksets/x.json", "/.tracecheck-run"]) {
    const answer = await fetch(`${env.base}${path}`);
    assert.ok(answer.headers.get("content-security-policy"), `${path} (${answer.status}) has a CSP`);
  }
  // Node's fetch asks for gzip and undoes it; a raw request shows what was sent.
  const encoding = await new Promise((ok, fail) => {
    get(passport, { headers: { "Accept-Encoding": "gzip" } }, (answer) => {
      answer.resume();
      ok(answer.headers["content-encoding"]);
    }).on("error", fail);
  });
  assert.equal(encoding, "gzip");
});

/** The one way this file runs `tracecheck verify` (its flags live here). */
function verify(code) {
  try {
    // nginx here listens on 127.0.0.1: a development setup, named explicitly.
    return JSON.parse(execFileSync(BIN, ["verify", code, "--registry", env.base, "--allow-local-http"]).toString());
  } catch (error) {
    if (error.stdout?.length) return JSON.parse(error.stdout.toString());
    throw error;
  }
}

test("tracecheck verify through nginx: genuine, tampered and recalled samples", () => {
  assert.equal(verify(sample("longan").code).level, "verified");
  assert.equal(verify(sample("vc-jose").code).level, "verified");
  assert.equal(verify(sample("tampered").code).level, "counterfeit");
  const recalled = verify(sample("recalled").code);
  assert.equal(recalled.level, "recalled");
  assert.ok(recalled.notices.some((n) => n.includes("Thu hồi lô hàng")), JSON.stringify(recalled.notices));
});

test("the widget served by nginx verifies a code opened from its own address", async () => {
  env.browser = await launch("chromium");
  const page = await env.browser.page();
  for (const id of ["longan", "tampered"]) {
    await page.goto(sample(id).code);
    const { level, text } = await verdictOf(page);
    assert.equal(level, LEVEL[sample(id).expected], `${id}:\n${text}`);
  }
  assert.deepEqual(env.browser.errors, []);
});

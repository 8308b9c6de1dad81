// Load the built app (dist/) in headless Chromium and fail on any console
// error, page error, failed request or Content-Security-Policy violation, on
// an inline <script> the CSP does not name by hash, or when the wasm app does not start (boot.js fires
// `TrunkApplicationStarted`). Console warnings are printed, not fatal.
//
//   node scripts/check-dist.mjs                 # serve ./dist on a free port
//   node scripts/check-dist.mjs path/to/dist
//   node scripts/check-dist.mjs --url http://127.0.0.1:8080/   # a running server
//
// The CSP is the <meta> in index.html, so the static server here sends no
// CSP header of its own. Uses /usr/bin/chromium (TRACECHECK_CHROMIUM), never a
// downloaded browser.
import { createServer } from "node:http";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

function serveDir(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const args = process.argv.slice(2);
let url;
let server;
if (args[0] === "--url") {
  url = args[1];
} else {
  const root = resolve(args[0] ?? "dist");
  await stat(join(root, "index.html"));
  server = await serveDir(root);
  url = `http://127.0.0.1:${server.address().port}/`;
}

const problems = [];
const profile = await mkdtemp(join(tmpdir(), "tracecheck-check-dist-"));
const browserArgs = (
  process.env.TRACECHECK_CHROMIUM_ARGS ??
  "--no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
)
  .split(/\s+/)
  .filter((a) => a && !a.startsWith("--headless"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.TRACECHECK_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: browserArgs,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    const where = m.location()?.url ? ` (${m.location().url})` : "";
    // A bare dist/ has no deployment config (tracecheck serve provides it);
    // the widget handles its absence, but the browser still logs the 404.
    const missingConfig = server !== undefined && /\/config\.json$/.test(m.location()?.url ?? "");
    if (m.type() === "error" && !missingConfig) problems.push(`console error: ${m.text()}${where}`);
    if (m.type() === "warning") console.warn(`check-dist: console warning: ${m.text()}${where}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) =>
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`),
  );
  await page.addInitScript(() => {
    window.__tracecheckStarted = false;
    window.__cspViolations = [];
    addEventListener("TrunkApplicationStarted", () => {
      window.__tracecheckStarted = true;
    });
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });

  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) problems.push(`GET ${url}: HTTP ${response?.status()}`);
  try {
    await page.waitForFunction(() => window.__tracecheckStarted, null, { timeout: 30_000 });
  } catch {
    problems.push("the app did not start (no TrunkApplicationStarted event within 30 s)");
  }
  // Let the first render and any late errors happen.
  await page.waitForTimeout(500);
  const violations = await page.evaluate(() => window.__cspViolations);
  for (const v of violations) problems.push(`CSP violation: ${v}`);
  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? "",
  );
  if (!csp) problems.push("no Content-Security-Policy <meta> in the page");
  if (/script-src[^;]*'unsafe-inline'/.test(csp)) problems.push("CSP allows inline script");
  // The boot loader is inline (scripts/inline-head.mjs), allowed by its hash
  // alone; any other inline script that would run is a defect.
  const unhashed = await page.evaluate(async (policy) => {
    const scriptSrc = /(?:^|;)\s*script-src([^;]*)/.exec(policy)?.[1] ?? "";
    const runs = (s) => !s.src && s.textContent.trim() && /^(|module|text\/javascript)$/.test(s.type);
    let count = 0;
    for (const s of [...document.scripts].filter(runs)) {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s.textContent));
      const source = `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
      if (!scriptSrc.split(/\s+/).includes(source)) count += 1;
    }
    return count;
  }, csp);
  if (unhashed) problems.push(`${unhashed} inline <script> element(s) not allowed by a hash in the CSP`);
  const h1 = await page.evaluate(() => document.querySelector("h1")?.textContent ?? null);
  console.log(`check-dist: ${url}: first <h1>: ${JSON.stringify(h1)}`);
} finally {
  await context.close();
  server?.close();
  await rm(profile, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log("check-dist: OK (no console errors, no CSP violations, no inline script but the hashed loader)");

// Lighthouse scores of the four pages the first-visit benchmark opens
// (issue 13): a product's direct link, `/`, `/embed?code=…` and the
// retailer's page. A script, not a test: it prints figures and fails on
// nothing but a broken run.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/lighthouse.mjs [--runs 3] [--page "direct link"]
//
// Serves the release build with the demo (`tracecheck serve` on
// 127.0.0.1) and runs the `lighthouse` CLI (npm devDependency;
// node_modules/.bin/lighthouse, or $LIGHTHOUSE) against Debian's Chromium
// ($CHROME_PATH, default /usr/bin/chromium, headless, no sandbox) with its
// default mobile preset: simulated Slow 4G and 4× CPU, a 412×823 screen.
// Prints per page the median over the runs of the performance and
// accessibility scores, first contentful paint, largest contentful paint,
// total blocking time and cumulative layout shift, and the accessibility
// audits that did not pass. Without lighthouse
// installed it says so and exits 0.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawn } from "node:child_process";
import { promisify } from "node:util";
import { freePort, waitUntil } from "../tests/e2e/net.mjs";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const BIN = process.env.TRACECHECK_BIN ?? join(root, "target/release/tracecheck");
const DIST = process.env.TRACECHECK_DIST ?? join(root, "dist");
const LIGHTHOUSE = process.env.LIGHTHOUSE ?? join(root, "node_modules/.bin/lighthouse");
const CHROME = process.env.CHROME_PATH ?? process.env.TRACECHECK_CHROMIUM ?? "/usr/bin/chromium";
const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : null;
};
const RUNS = Number(arg("--runs") ?? 1);
// `--page "direct link"`: that page only.
const PAGE = arg("--page");

if (!existsSync(LIGHTHOUSE)) {
  console.log(`lighthouse is not installed (${LIGHTHOUSE}): run npm install, or set LIGHTHOUSE.`);
  process.exit(0);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(BIN, ["serve", "--addr", `127.0.0.1:${port}`, "--public-url", base, "--dist", DIST], { stdio: "ignore" });
const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
try {
  await waitUntil(async () => (await fetch(`${base}/config.json`)).ok, 10_000, "tracecheck serve");
  const samples = await (await fetch(`${base}/samples.json`)).json();
  const longan = samples.find((s) => s.id === "longan").code;
  const pages = [
    ["direct link", longan],
    ["/", `${base}/`],
    ["/embed", `${base}/embed?code=${encodeURIComponent(longan)}`],
    ["retailer", `${base}/retailer/`],
  ];
  for (const [name, url] of pages) {
    if (PAGE && PAGE !== name) continue;
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = mkdtempSync(join(tmpdir(), "tracecheck-lh-"));
      const out = join(dir, "report.json");
      try {
        await run(
          LIGHTHOUSE,
          [
            url,
            "--quiet",
            "--output=json",
            `--output-path=${out}`,
            "--only-categories=performance,accessibility",
            `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir=${join(dir, "profile")}`,
          ],
          { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
        );
        const report = JSON.parse(readFileSync(out, "utf8"));
        const audit = (id) => report.audits[id]?.numericValue ?? null;
        const failing = (report.categories.accessibility?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && report.audits[ref.id]?.score < 1)
          .map((ref) => ref.id);
        results.push({
          performance: Math.round((report.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
          fcp: audit("first-contentful-paint"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
          failing,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const pick = (k) => median(results.map((r) => r[k]));
    const row = { name, ...Object.fromEntries(["performance", "accessibility", "fcp", "lcp", "tbt", "cls"].map((k) => [k, pick(k)])) };
    row.failing = [...new Set(results.flatMap((r) => r.failing))];
    rows.push(row);
    console.error(`${name}: performance ${row.performance}, accessibility ${row.accessibility}${row.failing.length ? ` (failing: ${row.failing.join(", ")})` : ""}`);
  }
} finally {
  server.kill();
}

const s = (ms) => (ms === null ? "–" : (ms / 1000).toFixed(2));
console.log(`\nLighthouse (mobile preset, simulated Slow 4G + 4× CPU), median of ${RUNS} run(s):\n`);
console.log("| page | performance | accessibility | FCP (s) | LCP (s) | TBT (ms) | CLS |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  if (r.failing.length) console.error(`${r.name}: accessibility audits not passed: ${r.failing.join(", ")}`);
  console.log(`| ${r.name} | ${r.performance} | ${r.accessibility} | ${s(r.fcp)} | ${s(r.lcp)} | ${Math.round(r.tbt ?? 0)} | ${(r.cls ?? 0).toFixed(3)} |`);
}

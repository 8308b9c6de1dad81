// Where one cold first visit's time goes (issue 13): a companion to
// bench-first-visit.mjs, which says how long; this says on what.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/trace-first-visit.mjs [--page "direct link"|/|/embed] [--trace out.json]
//
// One cold visit in Chromium at 360×640 on Slow 4G + 4× CPU (the bench's
// throttling, the service worker bypassed), recorded with Chrome's tracing.
// Prints the requests (sent, first byte, last byte, bytes), when the
// WebAssembly arrived and when the verdict showed, and what the main thread
// did between the two, by trace event: decoding the module, compiling its
// functions as they are first called (V8 compiles WebAssembly lazily, on
// the main thread), layout, the rest. Tracing slows the page itself, so the
// times are longer than the bench's: read them as shares, not as the
// verdict time. Not a test.
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { arg, CHROMIUM, CHROMIUM_ARGS, NETWORKS, startServer, throttle } from "./first-visit.mjs";

const PAGE = arg("--page", "direct link");
const KEEP = arg("--trace", null);
const TRACE = KEEP ?? join(tmpdir(), `tracecheck-trace-${process.pid}.json`);

const server = await startServer();
const { base } = server;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  // Not the shop page: its verdict is inside a frame, with its own clock.
  const page = server.pages.find((p) => p.name === PAGE && p.name !== "retailer");
  if (!page) throw new Error(`--page: one of "direct link", /, /embed`);

  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "vi-VN" });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await throttle(cdp, NETWORKS.slow4g);
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, sent: e.timestamp }));
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.firstByte = e.timestamp;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: e.timestamp, bytes: e.encodedDataLength });
  });
  await context.addInitScript((ready) => {
    new MutationObserver(() => {
      if (window.__verdictAt) return;
      const el = document.querySelector(ready);
      if (el && el.getClientRects().length > 0) window.__verdictAt = performance.now();
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, page.ready);

  await browser.startTracing(tab, { path: TRACE, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "loading", "blink.user_timing"] });
  await tab.goto(page.url, { waitUntil: "commit" });
  await tab.waitForFunction(() => window.__verdictAt, null, { timeout: 120_000, polling: 50 });
  const { verdict, wasmEnd } = await tab.evaluate(() => ({
    verdict: window.__verdictAt,
    wasmEnd: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd ?? null,
  }));
  await browser.stopTracing();

  // Request times relative to the first request (the page's).
  const first = Math.min(...[...requests.values()].map((r) => r.sent));
  const s = (t) => (t === undefined ? "    –" : (t - first).toFixed(2).padStart(5));
  console.log(`${PAGE}, cold, Slow 4G + 4× CPU, traced (slower than untraced)`);
  console.log("sent  first  last   bytes  path");
  for (const r of [...requests.values()].sort((a, b) => a.sent - b.sent)) {
    console.log(`${s(r.sent)} ${s(r.firstByte)} ${s(r.done)} ${String(r.bytes ?? "").padStart(7)}  ${r.url.replace(base, "").slice(0, 72)}`);
  }
  if (wasmEnd === null) throw new Error("no WebAssembly request seen");
  console.log(`\nWebAssembly arrived at ${(wasmEnd / 1000).toFixed(2)} s, the verdict showed at ${(verdict / 1000).toFixed(2)} s`);

  // The main thread between the two: the renderer thread of the longest task.
  const events = JSON.parse(await readFile(TRACE, "utf8")).traceEvents;
  const origin = events.find((e) => e.name === "navigationStart")?.ts;
  if (origin === undefined) throw new Error("no navigationStart in the trace");
  const tasks = events.filter((e) => e.name === "RunTask" && e.dur);
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  const from = origin + wasmEnd * 1000;
  const to = origin + verdict * 1000;
  const within = events.filter((e) => e.pid === longest.pid && e.tid === longest.tid && e.dur && e.ts >= from && e.ts < to);
  const total = (name) => within.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur, 0) / 1000;
  const count = (name) => within.filter((e) => e.name === name).length;
  // A task that runs past the verdict counts up to it.
  const busy = within.filter((e) => e.name === "RunTask").reduce((sum, e) => sum + Math.min(e.dur, to - e.ts), 0) / 1000;
  const rows = [
    ["decoding the module", total("v8.wasm.compileConsume") + total("wasm.OnBytesReceived") + total("wasm.FinishStreaming")],
    [`compiling functions on first call (${count("wasm.CompileLazy")} functions)`, total("wasm.CompileLazy")],
    [`layout (${count("Layout")} layouts)`, total("Layout") + total("UpdateLayoutTree")],
    ["paint", total("Paint") + total("PrePaint")],
  ];
  const named = rows.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`main thread busy ${busy.toFixed(0)} ms of ${(verdict - wasmEnd).toFixed(0)} ms:`);
  for (const [what, ms] of [...rows, ["the rest (running the widget, its JS glue, the DOM)", busy - named]]) {
    console.log(`${ms.toFixed(0).padStart(6)} ms  ${what}`);
  }
  if (KEEP) console.log(`\ntrace kept: ${KEEP} (chrome://tracing or Perfetto opens it)`);
} finally {
  await browser.close();
  server.stop();
  if (!KEEP) await rm(TRACE, { force: true });
}

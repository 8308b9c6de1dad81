// First-visit benchmark (issue 13): how long a shopper waits for a verdict.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/bench-first-visit.mjs [--runs 5] [--only slow4g] [--page "direct link"] [--serve-args "--short-cache 0"]
//
// Serves the release build with the demo (`tracecheck serve`, 127.0.0.1),
// opens four pages in Chromium at 360×640 — a product's direct link, `/`,
// `/embed?code=…` and the retailer's page with its badge — and prints, per
// page and network: cold and warm time to the verdict (to the typing box on
// `/`), cold time to the whole page (the widget's own, after the banner
// build's verdict where there is one), first contentful paint, bytes received
// up to the whole page (by file), the longest main-thread task (cold, with when it began; warm), and the cumulative layout shift
// (PerformanceObserver "layout-shift", cold visits, the worst run). Cold = a fresh profile; warm =
// the same page opened again in it. Each figure is the median of `--runs`
// runs, with the spread (min–max) beside it.
//
// Throttling is Chrome's own (CDP Network.emulateNetworkConditions and
// Emulation.setCPUThrottlingRate, 4× CPU): the constants Lighthouse uses for
// its DevTools throttling. The service worker is bypassed in throttled runs
// (Network.setBypassServiceWorker): its own fetches escape CDP throttling, so
// with it the figures would flatter the app. Not a test: nothing here fails
// on a slow figure.
import { chromium } from "playwright-core";
import { arg, CHROMIUM, CHROMIUM_ARGS, NETWORKS, startServer, throttle } from "./first-visit.mjs";

const RUNS = Number(arg("--runs", "5"));
const ONLY = arg("--only", null);
// `--page "direct link"`: that page only; `--serve-args "--short-cache 0"`:
// more arguments for `tracecheck serve` (to measure a lever off and on).
const PAGE = arg("--page", null);
const SERVE_ARGS = (arg("--serve-args", "") ?? "").split(" ").filter(Boolean);

/** Page-side, before anything runs: notes when the verdict (or `ready`) first shows, and long tasks. */
function observe(ready) {
  window.__bench = { at: null, whole: null, longest: 0, longestAt: 0, longTasks: 0, cls: 0 };
  // Cumulative layout shift as Chrome reports it (shifts right after input
  // do not count), over the whole visit: the page's, or in the retailer's
  // case the top page's (each frame counts its own).
  try {
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) {
        if (!shift.hadRecentInput) window.__bench.cls += shift.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch {
    // no layout-shift timing in this engine
  }
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        if (task.duration > window.__bench.longest) {
          window.__bench.longest = task.duration;
          window.__bench.longestAt = task.startTime;
        }
        window.__bench.longTasks += 1;
      }
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no long-task timing in this engine
  }
  const look = () => {
    if (window.__bench.whole !== null) return;
    const el = document.querySelector(ready);
    if (!el || el.getClientRects().length === 0) return;
    window.__bench.at ??= performance.now();
    // The whole page: the widget's own, once the shell (with the banner
    // build's verdict, if any) has given way to it.
    if (!document.getElementById("app-shell")) window.__bench.whole = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
}

/** One visit: cold in a fresh profile, then warm in the same one. */
async function visit(browser, page, network) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "vi-VN" });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  const bytes = new Map();
  const urls = new Map();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => {
    const url = urls.get(e.requestId) ?? "?";
    bytes.set(url, (bytes.get(url) ?? 0) + e.encodedDataLength);
  });
  if (network) await throttle(cdp, network);
  // The retailer's badge lives in a frame: each frame watches for itself.
  await context.addInitScript(observe, page.ready);
  const one = async () => {
    bytes.clear();
    await tab.goto(page.url, { waitUntil: "commit" });
    const deadline = Date.now() + 120_000;
    let at = null;
    let whole = null;
    while (whole === null && Date.now() < deadline) {
      for (const frame of tab.frames()) {
        const seen = await frame.evaluate(() => window.__bench ?? null).catch(() => null);
        if (seen?.whole != null) {
          // A frame's clock starts at its own navigation: add its start.
          const offset =
            frame === tab.mainFrame()
              ? 0
              : await tab.evaluate((src) => performance.getEntriesByName(src)[0]?.startTime ?? 0, frame.url()).catch(() => 0);
          at = seen.at + offset;
          whole = seen.whole + offset;
        }
      }
      if (whole === null) await new Promise((r) => setTimeout(r, 50));
    }
    // The paint entry can be recorded a frame after the verdict shows; a
    // shift the verdict causes, a frame or two after it. Half a second more.
    const stats = await tab.evaluate(async () => {
      for (let i = 0; i < 40 && !performance.getEntriesByName("first-contentful-paint")[0]; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 500));
      return {
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        longest: window.__bench?.longest ?? 0,
        longestAt: window.__bench?.longestAt ?? 0,
        cls: window.__bench?.cls ?? 0,
      };
    });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    return { at, whole, fcp: stats.fcp, longest: stats.longest, longestAt: stats.longestAt, cls: stats.cls, bytes: total, files: new Map(bytes) };
  };
  try {
    const cold = await one();
    const warm = await one();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => {
  const s = xs.filter((x) => x !== null);
  return s.length ? `${fmt(Math.min(...s))}–${fmt(Math.max(...s))}` : "–";
};
const fmt = (ms) => (ms === null ? "timeout" : `${(ms / 1000).toFixed(2)}`);

const server = await startServer(SERVE_ARGS);
const pages = server.pages;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
try {
  for (const [networkName, network] of Object.entries(NETWORKS)) {
    if (ONLY && ONLY !== networkName) continue;
    for (const page of pages) {
      if (PAGE && PAGE !== page.name) continue;
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, page, network));
      const pick = (f) => runs.map(f);
      const row = {
        network: networkName,
        page: page.name,
        cold: median(pick((r) => r.cold.at)),
        coldSpread: spread(pick((r) => r.cold.at)),
        whole: median(pick((r) => r.cold.whole)),
        warm: median(pick((r) => r.warm.at)),
        warmSpread: spread(pick((r) => r.warm.at)),
        fcp: median(pick((r) => r.cold.fcp)),
        bytes: median(pick((r) => r.cold.bytes)),
        // The worst cold run's longest task, with when it began (the boot
        // script, the WebAssembly's start, the verdict…), and the warm one.
        coldLongest: pick((r) => r.cold).reduce((a, b) => (b.longest > a.longest ? b : a)),
        warmLongest: Math.max(...pick((r) => r.warm.longest)),
        cls: Math.max(...pick((r) => r.cold.cls)),
        files: runs[0].cold.files,
      };
      rows.push(row);
      console.error(`${networkName} ${page.name}: cold ${fmt(row.cold)} s (${row.coldSpread}), warm ${fmt(row.warm)} s, FCP ${fmt(row.fcp)} s`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}

console.log(`\nFirst visit, Chromium ${360}×${640}, ${RUNS} runs each (median, min–max), seconds; CPU 4× slower when throttled.\n`);
console.log("| network | page | cold verdict | cold, whole page | warm verdict | first contentful paint | bytes by the whole page (cold) | longest task: cold (when it began) / warm | layout shift (cold, worst run) |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.network} | ${r.page} | ${fmt(r.cold)} (${r.coldSpread}) | ${fmt(r.whole)} | ${fmt(r.warm)} (${r.warmSpread}) | ${fmt(r.fcp)} | ${Math.round(r.bytes).toLocaleString("en")} B | ${Math.round(r.coldLongest.longest)} ms (at ${fmt(r.coldLongest.longestAt)} s) / ${Math.round(r.warmLongest)} ms | ${r.cls.toFixed(3)} |`,
  );
}
const direct = rows.find((r) => r.page === "direct link");
if (direct) {
  console.log(`\nBytes by file, direct link, cold (${direct.network}):`);
  for (const [url, n] of [...direct.files].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(Math.round(n)).padStart(9)} B  ${url.replace(server.base, "")}`);
  }
}

// What the first-visit scripts share (bench-first-visit.mjs measures how
// long, trace-first-visit.mjs on what): the release build served with the
// demo, the pages they open, Chromium's flags and the throttling.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { freePort, waitUntil } from "../tests/e2e/net.mjs";

const root = resolve(import.meta.dirname, "..");
export const BIN = process.env.TRACECHECK_BIN ?? join(root, "target/release/tracecheck");
export const DIST = process.env.TRACECHECK_DIST ?? join(root, "dist");
export const CHROMIUM = process.env.TRACECHECK_CHROMIUM ?? "/usr/bin/chromium";

/** The value after `name` on the command line, else `fallback`. */
export const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};

/** Lighthouse's DevTools-throttling constants (lighthouse-core/config/constants.js). */
export const NETWORKS = {
  none: null,
  // mobileSlow4G: 150 ms RTT × 3.75, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up.
  slow4g: { latency: 562.5, download: (1638.4 * 0.9 * 1024) / 8, upload: (750 * 0.9 * 1024) / 8, cpu: 4 },
  // mobileRegular3G: 300 ms RTT × 3.75, 700 kbit/s × 0.9 both ways.
  regular3g: { latency: 1125, download: (700 * 0.9 * 1024) / 8, upload: (700 * 0.9 * 1024) / 8, cpu: 4 },
};

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The demo served by the release CLI on 127.0.0.1 (no test proxy: nothing
 * between browser and server), with the pages the scripts open: each with
 * the selector that shows once its verdict (on `/`, the typing box) is there.
 */
export async function startServer(serveArgs = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ["serve", "--addr", `127.0.0.1:${port}`, "--public-url", base, "--dist", DIST, ...serveArgs], {
    stdio: "ignore",
  });
  try {
    await waitUntil(async () => (await fetch(`${base}/config.json`)).ok, 10_000, "tracecheck serve");
    const samples = await (await fetch(`${base}/samples.json`)).json();
    const longan = samples.find((s) => s.id === "longan").code;
    const pages = [
      { name: "direct link", url: longan, ready: ".verdict" },
      { name: "/", url: `${base}/`, ready: "#manual-code" },
      // The badge's verdict: its summary line once it is no longer "checking".
      { name: "/embed", url: `${base}/embed?code=${encodeURIComponent(longan)}`, ready: ".embed-summary:not(.checking)" },
      { name: "retailer", url: `${base}/retailer/`, ready: ".embed-summary:not(.checking)" },
    ];
    return { base, pages, stop: () => child.kill() };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/**
 * Chrome's own throttling on a tab's CDP session, the service worker
 * bypassed: its own fetches escape CDP throttling, so with it the figures
 * would flatter the app.
 */
export async function throttle(cdp, network) {
  await cdp.send("Network.setBypassServiceWorker", { bypass: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: network.latency,
    downloadThroughput: network.download,
    uploadThroughput: network.upload,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: network.cpu });
}

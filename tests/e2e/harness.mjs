// Shared by the end-to-end tests: start `tracecheck serve` on a free port
// with the built widget (behind the test proxy, tests/e2e/proxy.mjs), and a
// browser in one of three engines — Chromium, Firefox ESR, WebKitGTK — each
// through its own driver (tests/e2e/engines/) behind one small Page
// interface (tests/e2e/engines/page.mjs). Everything talks to 127.0.0.1 only.
//
// TRACECHECK_ENGINES=chromium,firefox,webkit (the default) picks the engines.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe } from "node:test";
import { launchChromium } from "./engines/chromium.mjs";
import { launchFirefox } from "./engines/firefox.mjs";
import { launchWebKit } from "./engines/webkit.mjs";
import { freePort } from "./net.mjs";
import { Proxy } from "./proxy.mjs";

const root = resolve(import.meta.dirname, "../..");
export const BIN = process.env.TRACECHECK_BIN ?? join(root, "target/release/tracecheck");
const DIST = process.env.TRACECHECK_DIST ?? join(root, "dist");

/** Every engine the suite knows, in the order it runs them. */
export const ALL_ENGINES = ["chromium", "firefox", "webkit"];

/** The engines this run covers (TRACECHECK_ENGINES, else all three). */
export const ENGINES = (process.env.TRACECHECK_ENGINES ?? ALL_ENGINES.join(","))
  .split(",")
  .map((e) => e.trim())
  .filter((e) => ALL_ENGINES.includes(e));

/**
 * Declares `body(engine)` once per engine, as a suite named after it.
 * `skip` maps an engine to the reason it cannot run these tests; the
 * reason is printed with the skip.
 */
export function forEachEngine(body, { skip = {} } = {}) {
  for (const engine of ENGINES) {
    describe(engine, { skip: skip[engine] ?? false }, () => body(engine));
  }
}

/**
 * Starts the resolver with the demo registry and the built widget, behind
 * the test proxy: `base` (the proxy) is the address pages and codes use.
 */
export async function startServer(extraArgs = []) {
  const port = await freePort();
  const proxy = new Proxy(`http://127.0.0.1:${port}`);
  await proxy.listen(await freePort());
  const base = proxy.origin;
  // `--short-cache 0`: every data request reaches the server (and the
  // proxy), so a test that changes an answer never meets an earlier copy
  // kept by the browser's HTTP cache.
  const cache = extraArgs.includes("--short-cache") ? [] : ["--short-cache", "0"];
  const child = spawn(BIN, ["serve", "--addr", `127.0.0.1:${port}`, "--public-url", base, "--dist", DIST, ...cache, ...extraArgs], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const stop = () => {
    child.kill();
    proxy.close();
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const answer = await fetch(`${base}/config.json`);
      if (answer.ok) {
        const samples = await (await fetch(`${base}/samples.json`)).json();
        return {
          base,
          samples,
          proxy,
          stop,
          log: () => log,
          /** The demo sample `id` (its `code`, `expected` verdict…). */
          sample: (id) => {
            const found = samples.find((s) => s.id === id);
            if (!found) throw new Error(`no demo sample ${id}`);
            return found;
          },
          /** Runs `fn(arg)` first in every page from now on; returns its undo. */
          inject: (fn, arg) => proxy.inject(fn, arg),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`tracecheck serve did not start:\n${log}`);
}

/** Writes a fake-camera video showing each text's QR code in turn (Chromium's file camera). */
export function cameraVideo(texts, secondsEach = 3) {
  const dir = mkdtempSync(join(tmpdir(), "tracecheck-video-"));
  const file = join(dir, "camera.y4m");
  execFileSync(BIN, ["qr", "--y4m", file, "--seconds-each", String(secondsEach), ...texts]);
  return file;
}

/**
 * The QR code of `text` as a grey picture, {width, height, luma (base64)}:
 * the first frame's Y plane of `tracecheck qr --y4m`, for the stand-in
 * camera (tests/e2e/stand-in-camera.mjs).
 */
export function qrPicture(text) {
  const video = readFileSync(cameraVideo([text], 1));
  const headerEnd = video.indexOf(0x0a);
  const header = video.subarray(0, headerEnd).toString("latin1");
  const width = Number(/ W(\d+)/.exec(header)[1]);
  const height = Number(/ H(\d+)/.exec(header)[1]);
  const frameStart = video.indexOf(0x0a, headerEnd + 1) + 1; // after "FRAME…\n"
  const luma = video.subarray(frameStart, frameStart + width * height);
  return { width, height, luma: luma.toString("base64") };
}

/**
 * Launches `engine` with a fresh profile. Options: `server` (its proxy
 * reports page errors in WebKit), `viewport`, `locale`, and for Chromium
 * only `video` (a Y4M file as its camera). `errors` collects page errors.
 */
export async function launch(engine, { server, video, viewport = { width: 360, height: 640 }, locale = "vi-VN" } = {}) {
  if (video && engine !== "chromium") throw new Error(`only Chromium plays a video file as its camera, not ${engine}`);
  switch (engine) {
    case "chromium":
      return launchChromium({ video, viewport, locale });
    case "firefox":
      return launchFirefox({ viewport, locale });
    case "webkit":
      return launchWebKit({ viewport, locale, proxy: server?.proxy });
    default:
      throw new Error(`unknown engine ${engine}`);
  }
}

/**
 * Waits for the widget's verdict banner and returns its level and the page
 * text: the widget's, in `main`, not the banner build's that the app shell
 * shows before it (src/banner).
 */
export async function verdictOf(page, timeout = 20_000) {
  await page.waitFor("main .verdict", { timeout });
  return { level: await page.attr("main .verdict", "data-level"), text: await page.text("main") };
}

/** Waits until every image on the page is in. Leave a product's page only
 * then: Firefox and WebKit log an image request that the navigation cuts
 * off inside the service worker as a page error. */
export async function imagesLoaded(page) {
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
}

/** The `data-level` the widget shows for each expected verdict: the level's
 * own name, as the core, the CLI's JSON and the demo's samples write it. */
export const LEVEL = Object.fromEntries(
  ["verified", "product_verified", "caution", "recalled", "counterfeit", "not_verifiable"].map((l) => [l, l]),
);

/**
 * A resolver and a browser of `engine` shared by one suite: started before
 * its tests, stopped after them. Read them as `env.server` and `env.browser`.
 */
export function serverAndBrowser(engine, options = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(options.serverArgs);
    env.browser = await launch(engine, { server: env.server, ...options });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

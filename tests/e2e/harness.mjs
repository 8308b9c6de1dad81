// Shared by the end-to-end tests: start `tracecheck serve` on a free port
// with the built widget, and Chromium (optionally with a fake camera playing
// a Y4M video of QR codes). Everything talks to 127.0.0.1 only.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "../..");
export const BIN = process.env.TRACECHECK_BIN ?? join(root, "target/release/tracecheck");
const DIST = process.env.TRACECHECK_DIST ?? join(root, "dist");
const CHROMIUM = process.env.TRACECHECK_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = (
  process.env.TRACECHECK_CHROMIUM_ARGS ??
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run " +
    "--disable-background-networking --disable-component-update --disable-sync " +
    "--use-fake-device-for-media-stream --use-fake-ui-for-media-stream"
)
  .split(/\s+/)
  .filter(Boolean);

/** A free TCP port on 127.0.0.1. */
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

/** Starts the resolver with the demo registry and the built widget. */
export async function startServer(extraArgs = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ["serve", "--addr", `127.0.0.1:${port}`, "--dist", DIST, ...extraArgs], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const answer = await fetch(`${base}/config.json`);
      if (answer.ok) {
        const samples = await (await fetch(`${base}/samples.json`)).json();
        return { base, samples, stop: () => child.kill(), log: () => log };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`tracecheck serve did not start:\n${log}`);
}

/** Writes a fake-camera video showing each text's QR code in turn. */
export function cameraVideo(texts, secondsEach = 3) {
  const dir = mkdtempSync(join(tmpdir(), "tracecheck-video-"));
  const file = join(dir, "camera.y4m");
  execFileSync(BIN, ["qr", "--y4m", file, "--seconds-each", String(secondsEach), ...texts]);
  return file;
}

/**
 * Launches Chromium; `video` feeds the fake camera. Collects page errors so
 * tests can assert the page never crashed.
 */
export async function launch({
  video,
  viewport = { width: 360, height: 640 },
  locale = "vi-VN",
  // "block" keeps the service worker out, so page.route sees every fetch.
  serviceWorkers = "allow",
} = {}) {
  const profile = mkdtempSync(join(tmpdir(), "tracecheck-chromium-"));
  const args = [...CHROMIUM_ARGS];
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport,
    locale,
    serviceWorkers,
  });
  const errors = [];
  context.on("weberror", (error) => errors.push(String(error.error())));
  context.on("console", (message) => {
    // A 404 from the resolver is an expected answer, logged by the browser itself.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(message.text());
    }
  });
  return {
    context,
    errors,
    async page() {
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(String(error)));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for the verdict banner and returns its level and the page text. */
export async function verdictOf(page, timeout = 20_000) {
  const banner = page.locator(".verdict");
  await banner.waitFor({ timeout });
  return { level: await banner.getAttribute("data-level"), text: await page.locator("main").innerText() };
}

/** The `data-level` the widget shows for each expected verdict: the level's
 * own name, as the core, the CLI's JSON and the demo's samples write it. */
export const LEVEL = Object.fromEntries(
  ["verified", "product_verified", "caution", "recalled", "counterfeit", "not_verifiable"].map((l) => [l, l]),
);

/**
 * A resolver and a browser shared by one test file: started before its
 * tests, stopped after them. Read them as `env.server` and `env.browser`.
 */
export function serverAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

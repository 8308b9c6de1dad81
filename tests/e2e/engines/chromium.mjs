// Chromium (Debian's `chromium`) through Playwright's DevTools-protocol
// client. The only engine that can play a video file as its camera
// (`--use-file-for-fake-video-capture`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { Page } from "./page.mjs";

const BINARY = process.env.TRACECHECK_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = (
  process.env.TRACECHECK_CHROMIUM_ARGS ??
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run " +
    "--disable-background-networking --disable-component-update --disable-sync " +
    "--use-fake-device-for-media-stream --use-fake-ui-for-media-stream"
)
  .split(/\s+/)
  .filter(Boolean);

/** A Playwright page or frame behind the shared Page interface. */
class ChromiumPage extends Page {
  engine = "chromium";

  constructor(target, frameOf = null) {
    super();
    this.target = target; // a Playwright Page, or a Frame
    this.frameOf = frameOf;
  }

  async goto(url) {
    await this.target.goto(url);
  }

  async reload() {
    await this.target.reload();
  }

  async evaluate(fn, arg) {
    return this.target.evaluate(fn, arg);
  }

  async runScript(source) {
    await this.target.evaluate(source);
  }

  async click(selector) {
    await this.target.click(selector);
  }

  async fill(selector, text) {
    await this.target.fill(selector, text);
  }

  async screenshot(path) {
    await this.target.screenshot({ path });
  }

  async frame(locate, arg) {
    const handle = await this.target.evaluateHandle(locate, arg);
    return new ChromiumPage(await handle.asElement().contentFrame(), this);
  }

  async close() {
    if (!this.frameOf) await this.target.close();
  }
}

/**
 * Launches Chromium with a fresh profile; `video` (a Y4M file) is its camera.
 * Page errors and console errors land in `errors`.
 */
export async function launchChromium({ video, viewport, locale }) {
  const profile = mkdtempSync(join(tmpdir(), "tracecheck-chromium-"));
  const args = [...ARGS];
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BINARY,
    headless: true,
    args,
    viewport,
    locale,
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
    engine: "chromium",
    version: context.browser()?.version() ?? "",
    errors,
    async page() {
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(String(error)));
      return new ChromiumPage(page);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

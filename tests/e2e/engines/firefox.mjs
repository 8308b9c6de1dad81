// Firefox ESR (Debian's `firefox-esr`) through puppeteer's WebDriver BiDi
// client: Debian packages no geckodriver, and BiDi needs none (Firefox
// speaks it itself). Playwright's own Firefox client needs its patched
// build, and its BiDi client sends commands ESR does not have yet
// (`emulation.setMediaFeaturesOverride`), see docs/browsers.md.
import puppeteer from "puppeteer-core";
import { Page } from "./page.mjs";

const BINARY = process.env.TRACECHECK_FIREFOX ?? "/usr/bin/firefox-esr";

/** A puppeteer page or frame behind the shared Page interface. */
class FirefoxPage extends Page {
  engine = "firefox";

  constructor(target, frameOf = null) {
    super();
    this.target = target; // a puppeteer Page, or a Frame
    this.frameOf = frameOf;
  }

  async goto(url) {
    await this.target.goto(url, { waitUntil: "load" });
  }

  async reload() {
    await this.target.reload({ waitUntil: "load" });
  }

  async evaluate(fn, arg) {
    return this.target.evaluate(fn, arg);
  }

  async runScript(source) {
    await this.target.evaluate(source);
  }

  async click(selector) {
    await this.waitFor(selector);
    // A locator finds the element again if a re-render replaced it between
    // finding and clicking ("Node is detached from document").
    await this.target.locator(selector).click();
  }

  async fill(selector, text) {
    await this.waitFor(selector);
    await this.target.locator(selector).fill(text);
  }

  async screenshot(path) {
    await this.target.screenshot({ path });
  }

  async frame(locate, arg) {
    const handle = await this.target.evaluateHandle(locate, arg);
    return new FirefoxPage(await handle.asElement().contentFrame(), this);
  }

  async close() {
    if (!this.frameOf) await this.target.close();
  }
}

/** Launches Firefox ESR headless with a fresh profile. */
export async function launchFirefox({ viewport, locale }) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: BINARY,
    headless: true,
    extraPrefsFirefox: {
      "intl.accept_languages": locale,
      "intl.locale.requested": locale.replace(/-.*/, ""),
    },
  });
  const errors = [];
  return {
    engine: "firefox",
    version: await browser.version(),
    errors,
    async page() {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      page.on("pageerror", (error) => errors.push(String(error)));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      return new FirefoxPage(page);
    },
    async close() {
      await browser.close();
    },
  };
}

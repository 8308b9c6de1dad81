// WebKitGTK (Debian's `webkit2gtk-driver`): WebKitWebDriver speaks classic
// W3C WebDriver (no BiDi in 2.50), driven by selenium-webdriver; it starts
// MiniBrowser, which needs a display, so one Xvfb serves every launch of
// this test process. Classic WebDriver has no init scripts, console events
// or network emulation: the harness's proxy supplies those for every engine
// (tests/e2e/proxy.mjs).
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Builder, By } from "selenium-webdriver";
import { freePort, waitUntil } from "../net.mjs";
import { Page, callSource } from "./page.mjs";

const DRIVER = process.env.TRACECHECK_WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.TRACECHECK_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

let display; // a promise of ":N", shared by every launch in this process

/** Starts Xvfb once (it picks a free display and writes its number to fd 3). */
function xvfb() {
  display ??= new Promise((ok, fail) => {
    const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x2700x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    });
    child.once("error", fail);
    child.stdio[3].once("data", (data) => ok(`:${String(data).trim()}`));
    process.once("exit", () => child.kill());
    child.unref();
    child.stdio[3].unref?.();
  });
  return display;
}

/** A WebKit window (or a frame in it) behind the shared Page interface. */
class WebKitPage extends Page {
  engine = "webkit";

  constructor(session, handle, frameLocator = null) {
    super();
    this.session = session;
    this.handle = handle;
    this.frameLocator = frameLocator; // script text that returns the <iframe>
  }

  /** Classic WebDriver talks to one window (and frame) at a time: pick ours. */
  async focus() {
    const { driver } = this.session;
    if (this.session.current !== this.handle) {
      await driver.switchTo().window(this.handle);
      this.session.current = this.handle;
    }
    await driver.switchTo().defaultContent();
    if (this.frameLocator) await driver.switchTo().frame(await driver.executeScript(this.frameLocator));
  }

  async goto(url) {
    await this.focus();
    await this.session.driver.get(url);
  }

  async reload() {
    await this.focus();
    await this.session.driver.navigate().refresh();
  }

  async evaluate(fn, arg) {
    await this.focus();
    return this.session.driver.executeScript(callSource(fn, arg));
  }

  async runScript(source) {
    await this.focus();
    await this.session.driver.executeScript(source);
  }

  async click(selector) {
    await this.waitFor(selector);
    await this.focus();
    // A re-render may replace the element between finding and clicking
    // (StaleElementReferenceError): find it again, a few times.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.session.driver.findElement(By.css(selector)).click();
        return;
      } catch (error) {
        if (error?.name !== "StaleElementReferenceError" || attempt >= 4) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async fill(selector, text) {
    await this.waitFor(selector);
    await this.focus();
    const input = await this.session.driver.findElement(By.css(selector));
    await input.clear();
    await input.sendKeys(text);
  }

  async screenshot(path) {
    await this.focus();
    writeFileSync(path, Buffer.from(await this.session.driver.takeScreenshot(), "base64"));
  }

  async frame(locate, arg) {
    return new WebKitPage(this.session, this.handle, callSource(locate, arg));
  }

  async close() {
    if (this.frameLocator) return;
    const { driver } = this.session;
    const handles = await driver.getAllWindowHandles();
    if (handles.length === 1) {
      // The session's last window stays (closing it ends the session).
      await this.goto("about:blank");
      this.session.spare = this.handle;
      return;
    }
    // Leave the page first: closing a window whose page still holds a
    // (stand-in) camera stream has taken MiniBrowser down with it
    // (NoSuchSessionError for every later test of the file).
    await this.goto("about:blank");
    await driver.close();
    // New windows open from a current one: stand on a window that is left.
    const left = handles.find((h) => h !== this.handle);
    await driver.switchTo().window(left);
    this.session.current = left;
  }
}

/**
 * Starts WebKitWebDriver on a free port and a MiniBrowser session in Xvfb.
 * `errors` come from the proxy (init.js reports them), since classic
 * WebDriver cannot listen to the console.
 */
export async function launchWebKit({ viewport, locale, proxy }) {
  const DISPLAY = await xvfb();
  const port = await freePort();
  const lang = `${locale.replace("-", "_")}.UTF-8`;
  const child = spawn(DRIVER, [`--port=${port}`], {
    stdio: "ignore",
    env: { ...process.env, DISPLAY, LANG: lang, LANGUAGE: locale.replace("-", "_") },
  });
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 10_000, "WebKitWebDriver");
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    })
    .build();
  // A page that never finishes loading fails in a minute, not WebDriver's
  // default five.
  await driver.manage().setTimeouts({ pageLoad: 60_000, script: 60_000 });
  const session = { driver, current: null, spare: null };
  const capabilities = await driver.getCapabilities();
  // MiniBrowser's window has a toolbar: size the window so the page's own
  // viewport is as asked (GTK keeps a minimum width, see docs/browsers.md).
  await driver.manage().window().setRect(viewport);
  const inner = await driver.executeScript("return [innerWidth, innerHeight]");
  await driver
    .manage()
    .window()
    .setRect({ width: viewport.width * 2 - inner[0], height: viewport.height * 2 - inner[1] });
  const errorsFrom = proxy ? proxy.errors.length : 0;
  return {
    engine: "webkit",
    version: capabilities.get("browserVersion"),
    get errors() {
      return proxy ? proxy.errors.slice(errorsFrom) : [];
    },
    async page() {
      let handle;
      if (session.spare) {
        handle = session.spare;
        session.spare = null;
      } else if (!session.started) {
        handle = await driver.getWindowHandle();
        session.started = true;
      } else {
        await driver.switchTo().newWindow("tab");
        handle = await driver.getWindowHandle();
        await driver.manage().window().setRect({ width: viewport.width * 2 - inner[0], height: viewport.height * 2 - inner[1] });
      }
      session.current = handle;
      return new WebKitPage(session, handle);
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        child.kill();
      }
    },
  };
}

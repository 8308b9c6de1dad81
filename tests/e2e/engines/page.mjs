// What every engine's page offers the tests. Each driver (Playwright for
// Chromium, puppeteer's WebDriver BiDi client for Firefox, classic
// WebDriver for WebKit) implements the few primitives — goto, reload,
// evaluate, click, fill, screenshot, frame, close — and everything else is
// built here on `evaluate`, so a wait or a read means the same in each.

const POLL_MS = 100;

export class Page {
  /** The engine's name: "chromium", "firefox" or "webkit". */
  engine = "";

  /** Resolves with `fn(arg)`'s value in the page (awaits a promise); JSON-like values only. */
  async evaluate(_fn, _arg) {
    throw new Error("not implemented");
  }

  /**
   * The page of the <iframe> that `locate(arg)` returns in this page: the
   * same interface, acting inside the frame (cross-origin too). The
   * iframe must exist already.
   */
  async frame(_locate, _arg) {
    throw new Error("not implemented");
  }

  /** Runs a script's text in the page (a library such as axe-core), past the page's CSP. */
  async runScript(_source) {
    throw new Error("not implemented");
  }

  /** Waits until `fn(arg)` is truthy in the page and returns its value. */
  async waitForFunction(fn, arg, { timeout = 20_000 } = {}) {
    const until = Date.now() + timeout;
    let lastError;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg);
        if (value) return value;
      } catch (error) {
        // A page mid-navigation has no document to ask: ask again.
        lastError = error;
      }
      if (Date.now() > until) {
        throw new Error(`timed out after ${timeout} ms waiting for ${String(fn).slice(0, 160)} ${JSON.stringify(arg)}${lastError ? ` (${lastError.message})` : ""}`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Waits for an element matching `selector` that is rendered (has a box). */
  async waitFor(selector, { timeout = 20_000 } = {}) {
    await this.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        return Boolean(el && el.getClientRects().length > 0);
      },
      selector,
      { timeout },
    );
  }

  /** The rendered text of the first match (as innerText), waiting for it. */
  async text(selector) {
    await this.waitFor(selector);
    return this.evaluate((sel) => document.querySelector(sel).innerText, selector);
  }

  /** An attribute of the first match, or null (no wait). */
  async attr(selector, name) {
    return this.evaluate(([sel, attr]) => document.querySelector(sel)?.getAttribute(attr) ?? null, [selector, name]);
  }

  /** How many elements match (no wait). */
  async count(selector) {
    return this.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  }

  /** The first match's bounding box in CSS pixels, or null. */
  async box(selector) {
    return this.evaluate((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, selector);
  }
}

/** Wraps an init-script function so that `evaluate` can ship it as text. */
export function callSource(fn, arg) {
  return `return (${fn})(${JSON.stringify(arg ?? null)});`;
}

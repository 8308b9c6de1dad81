// The banner build (src/banner): on a product's address and in the badge
// the verdict is drawn into the app shell by a module without Yew, before
// the widget has loaded; the widget then verifies the same answers again
// and its page replaces the shell with the same verdict in the same place. A recorder
// injected before the page's own scripts notes both banners as they appear.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser } from "./harness.mjs";

/** Page side: records the shell's banner and the widget's, each when it first shows. */
function recordBanners() {
  const seen = (window.__banners = {});
  const note = (name, element) => {
    if (seen[name] || !element || element.getClientRects().length === 0) return;
    const { top, left, width, height } = element.getBoundingClientRect();
    seen[name] = {
      at: performance.now(),
      level: element.dataset.level,
      // Engines differ on a trailing line break after the last block.
      text: element.innerText.trim(),
      box: [top, left, width, height].map(Math.round),
      reasonLink: element.querySelector(".reason a")?.getAttribute("href") ?? null,
      verdicts: document.querySelectorAll(".verdict, .embed-summary").length,
      shell: document.getElementById("app-shell") !== null,
    };
  };
  const look = () => {
    note("shell", document.querySelector("#app-shell :is(.verdict, .embed-summary)"));
    note("widget", document.querySelector("#app :is(.verdict, .embed-summary:not(.checking))"));
    // After the shell's verdict, the widget's page showing anything else
    // first ("checking…") would take the verdict away again.
    const app = document.getElementById("app");
    if (seen.shell && !seen.widget && !seen.flash && app?.getClientRects().length > 0 && app.innerText.trim() !== "") {
      seen.flash = app.innerText.slice(0, 120);
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  /** Opens `url`; returns both recorded verdicts once the widget's is in. */
  async function banners(url) {
    const undo = env.server.inject(recordBanners);
    const page = await env.browser.page();
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.__banners?.widget);
      return await page.evaluate(() => ({
        ...window.__banners,
        after: { verdicts: document.querySelectorAll(".verdict, .embed-summary").length, shell: document.getElementById("app-shell") !== null, hidden: document.body.classList.contains("banner-first") },
      }));
    } finally {
      undo();
      await page.close();
    }
  }

  /** The shell's banner came first, says what the widget's says, where the widget's is. */
  function sameBannerFirst(shown, level) {
    assert.ok(shown.shell, "the banner build drew a verdict");
    assert.equal(shown.shell.level, level);
    assert.equal(shown.widget.level, level);
    assert.equal(shown.flash, undefined, "the widget's page showed without its verdict after the shell's");
    assert.ok(shown.shell.at < shown.widget.at, `the shell's banner at ${shown.shell.at} ms, the widget's at ${shown.widget.at} ms`);
    assert.equal(shown.shell.text, shown.widget.text);
    assert.equal(shown.shell.reasonLink, shown.widget.reasonLink);
    // The same place and size: nothing moves when the widget takes over.
    shown.shell.box.forEach((value, i) => assert.ok(Math.abs(value - shown.widget.box[i]) <= 1, `shell ${shown.shell.box} vs widget ${shown.widget.box}`));
    // The swap is one step: the widget's banner shows as the shell goes.
    assert.equal(shown.widget.shell, false, "the shell is gone when the widget's banner shows");
    assert.deepEqual(shown.after, { verdicts: 1, shell: false, hidden: false });
  }

  test("a product's address: the banner build's verdict first, then the widget's in its place", async () => {
    sameBannerFirst(await banners(env.server.sample("longan").code), "verified");
  });

  test("in English, and for a fake with its reason line: the same words in both", async () => {
    const tampered = env.server.sample("tampered").code;
    const url = tampered.startsWith(env.server.base) ? tampered : `${env.server.base}/?code=${encodeURIComponent(tampered)}`;
    const shown = await banners(`${url}${url.includes("?") ? "&" : "?"}lang=en`);
    sameBannerFirst(shown, "counterfeit");
    assert.match(shown.shell.text, /counterfeit/i);
    assert.match(shown.shell.reasonLink ?? "", /^#check-\d+$/);
  });

  test("a typed GTIN with no record: a verdict short of verified, from both", async () => {
    const shown = await banners(`${env.server.base}/?code=8935001000099`);
    assert.ok(shown.shell && shown.widget);
    assert.equal(shown.shell.level, shown.widget.level);
    assert.notEqual(shown.shell.level, "verified");
    assert.equal(shown.shell.text, shown.widget.text);
  });

  test("the badge: its line first from the banner build, then the widget's in its place", async () => {
    const shown = await banners(`${env.server.base}/embed?code=${encodeURIComponent(env.server.sample("longan").code)}`);
    sameBannerFirst(shown, "verified");
    // Verified facts only: the product's name is on the line.
    assert.match(shown.shell.text, /Nhãn lồng Hưng Yên/);
  });

  test("the badge tapped before the widget has come: its details open when it does", async () => {
    // Page side: tap the banner build's line the moment it is drawn.
    const undo = env.server.inject(() => {
      new MutationObserver((_, observer) => {
        const line = document.querySelector("#app-shell button.embed-summary");
        if (!line) return;
        observer.disconnect();
        window.__tappedEarly = true;
        line.click();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/embed?code=${encodeURIComponent(env.server.sample("honey").code)}`);
      await page.waitFor("#app .embed-details .checks");
      assert.equal(await page.evaluate(() => window.__tappedEarly === true), true);
      assert.equal(await page.attr("#app button.embed-summary", "aria-expanded"), "true");
      assert.match(await page.text(".embed-details"), /Mật ong hoa nhãn Hưng Yên/);
    } finally {
      undo();
      await page.close();
    }
  });
});

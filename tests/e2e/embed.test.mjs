// Retailers: a shop page on another origin, under a strict CSP, embeds
// badges with <trace-check>; each shows the right verdict, expands and
// collapses with its frame sized to the badge; ten badges share one
// download of the widget; on a phone the badges far down a listing wait
// until the shopper scrolls near them; the badge installs no service
// worker. The main app refuses framing.
// Engines: Chromium, Firefox, WebKit (the frame-sizing and download-count
// tests exist for WebKit, whose cache and layout differ).
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, launch, serverAndBrowser, startServer } from "./harness.mjs";

/** Page-side: keeps the host page's CSP violations in window.__violations. */
function watchCsp() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

const everyBadgeDone = () => [...document.querySelectorAll("trace-check")].every((e) => e.dataset.level);

/** The `.wasm` downloads (200s) the server logged after line `from`. */
function wasmDownloads(server, from) {
  return server
    .log()
    .split("\n")
    .slice(from)
    .filter((l) => / \/[^ ]*\.wasm 200 /.test(l));
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine, { viewport: { width: 1100, height: 900 }, serverArgs: ["--log-requests"] });
  // Same server, other host name: a different origin from the widget's.
  const shop = () => env.server.base.replace("127.0.0.1", "localhost");

  async function openShop(path, browser = env.browser) {
    const undo = env.server.inject(watchCsp);
    const page = await browser.page();
    await page.goto(`${shop()}${path}`);
    // Four frames each compile the widget and verify: on the loaded 2-core
    // CI machine that took over 30 s twice in a few runs.
    await page.waitForFunction(everyBadgeDone, null, { timeout: 60_000 });
    undo();
    return page;
  }

  test("a strict-CSP shop page shows each product's verdict, the fake one flagged", async () => {
    const page = await openShop("/retailer/");
    const levels = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("li.product")].map((li) => [li.dataset.sample, li.querySelector("trace-check").dataset.level])),
    );
    assert.deepEqual(levels, { longan: "verified", honey: "verified", chicken: "verified", "unknown-issuer": "counterfeit" });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation on the host page");
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });

  test("a badge's frame fits its content: collapsed, expanded, collapsed again", async () => {
    const page = await openShop("/retailer/");
    const host = 'li[data-sample="honey"] trace-check';
    // The iframe lives in the element's shadow root, which selectors do not cross.
    const frameOf = (sel) => document.querySelector(sel).shadowRoot.querySelector("iframe");
    const frameHeight = () => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector("iframe").getBoundingClientRect().height, host);
    const badge = await page.frame(frameOf, host);
    const contentHeight = () => badge.evaluate(() => Math.ceil(document.querySelector(".embed").getBoundingClientRect().bottom + scrollY));
    const fits = async (what) => {
      const until = Date.now() + 10_000;
      let last;
      while (Date.now() < until) {
        last = { frame: await frameHeight(), content: await contentHeight() };
        if (Math.abs(last.frame - last.content) <= 1) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail(`${what}: frame ${last.frame} px, badge content ${last.content} px`);
    };
    const collapsed = await fits("collapsed");
    await badge.click("button.embed-summary");
    await badge.waitFor(".checks");
    const expanded = await fits("expanded");
    assert.ok(expanded.frame > collapsed.frame + 200, `expanded ${expanded.frame} px vs collapsed ${collapsed.frame} px`);
    assert.match(await badge.text(".embed-details"), /Mật ong hoa nhãn Hưng Yên/);
    await badge.click("button.embed-summary");
    const again = await fits("collapsed again");
    assert.equal(again.frame, collapsed.frame, "the frame shrinks back");
    console.log(`${engine}: badge frame ${collapsed.frame} px collapsed, ${expanded.frame} px expanded`);
    await page.close();
  });

  test("lang=en gives an English badge whatever the phone chose before", async () => {
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/embed?code=${encodeURIComponent(env.server.sample("honey").code)}&lang=en`);
    const text = await page.text("button.embed-summary");
    assert.match(text, /Verified/);
    assert.match(text, /Hưng Yên longan-blossom honey/);
    await page.close();
  });

  test("the badge registers no service worker (the full app's would precache the scanner)", async () => {
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/embed?code=${encodeURIComponent(env.server.sample("honey").code)}`);
    await page.waitFor("button.embed-summary");
    await new Promise((r) => setTimeout(r, 1_000)); // time for a registration to have started
    const registrations = await page.evaluate(async () => (navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0));
    assert.equal(registrations, 0);
    await page.close();
  });

  test("on a phone, a badge far down the listing loads only when the shopper scrolls near it", async () => {
    const phone = await launch(engine, { server: env.server, viewport: { width: 360, height: 640 } });
    try {
      const page = await phone.page();
      await page.goto(`${shop()}/retailer/many`);
      const frames = () =>
        page.evaluate(() =>
          [...document.querySelectorAll("trace-check")].map((e) => ({
            loading: Boolean(e.shadowRoot?.querySelector("iframe")?.getAttribute("src")),
            level: e.dataset.level ?? null,
          })),
        );
      // The badges near the first screen settle; the rest have no address yet.
      await page.waitForFunction(
        () => {
          const all = [...document.querySelectorAll("trace-check")];
          const started = all.filter((e) => e.shadowRoot?.querySelector("iframe")?.getAttribute("src"));
          return started.length > 0 && started.every((e) => e.dataset.level);
        },
        null,
        { timeout: 60_000 },
      );
      const first = await frames();
      assert.equal(first.length, 10);
      const started = first.filter((f) => f.loading).length;
      assert.ok(started >= 1 && started < 10, `${started} of 10 frames started on the first screen`);
      assert.ok(first.every((f) => f.loading || f.level === null), "a badge not started has no verdict");
      // Scrolling down the listing, a screen at a time, brings each one in.
      for (let y = 0; y < 20 && !(await page.evaluate(() => innerHeight + scrollY >= document.body.scrollHeight - 2)); y++) {
        await page.evaluate(() => scrollBy(0, innerHeight * 0.8));
        await new Promise((r) => setTimeout(r, 150));
      }
      await page.waitForFunction(everyBadgeDone, null, { timeout: 90_000 });
      console.log(`${engine}: phone listing: ${started} of 10 badges started before scrolling`);
      await page.close();
    } finally {
      await phone.close();
    }
  });

  test("ten badges download the widget once and do not hold up the shop page", async () => {
    // A tall window: all ten frames are in view at once, the worst case for sharing.
    const tall = await launch(engine, { server: env.server, viewport: { width: 1100, height: 2600 } });
    try {
      const from = env.server.log().split("\n").length - 1;
      const page = await openShop("/retailer/many", tall);
      const timing = await page.evaluate(() => {
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        const nav = performance.getEntriesByType("navigation")[0];
        return { fcp: paint?.startTime ?? null, domContentLoaded: nav?.domContentLoadedEventEnd ?? null, verdictsAt: performance.now() };
      });
      assert.equal(await page.count("trace-check"), 10);
      const lines = env.server.log().split("\n").slice(from);
      const wasm = wasmDownloads(env.server, from);
      const embeds = lines.filter((l) => l.startsWith("GET /embed"));
      const ms = (v) => (v == null ? "n/a" : `${v.toFixed(0)} ms`);
      console.log(
        `${engine}: ten badges: ${embeds.length} embed pages, ${wasm.length} wasm download(s) ` +
          `(${wasm.map((l) => l.split(" ").at(-1)).join(", ")} bytes); shop first paint ${ms(timing.fcp)}, ` +
          `DOMContentLoaded ${ms(timing.domContentLoaded)}, all verdicts at ${ms(timing.verdictsAt)}`,
      );
      assert.equal(embeds.length >= 10, true, "each badge loaded its page");
      // The banner build, then the verify build: each once for all badges.
      const files = wasm.map((l) => / (\/[^ ]*\.wasm) 200 /.exec(l)[1]);
      assert.equal(files.length, 2, `each of the badge's two builds is downloaded once for all badges: ${files}`);
      assert.ok(files.some((f) => f.startsWith("/tracecheck-banner-")) && files.some((f) => f.startsWith("/tracecheck-verify-")), `${files}`);
      await page.close();
    } finally {
      await tall.close();
    }
  });
});

test("the main app refuses to be framed; the badge may be (HTTP headers: no browser needed)", async () => {
  const server = await startServer();
  try {
    const app = (await fetch(`${server.base}/`)).headers;
    assert.equal(app.get("x-frame-options"), "DENY");
    assert.match(app.get("content-security-policy"), /frame-ancestors 'none'/);
    // Inline script only by hash (the boot loader, scripts/inline-head.mjs).
    const scriptSrc = /script-src 'self' 'wasm-unsafe-eval'((?: 'sha256-[A-Za-z0-9+/]+=*')*);/;
    assert.match(app.get("content-security-policy"), scriptSrc);
    assert.doesNotMatch(app.get("content-security-policy"), /unsafe-inline/);
    const embed = (await fetch(`${server.base}/embed?code=x`)).headers;
    assert.equal(embed.get("x-frame-options"), null);
    assert.match(embed.get("content-security-policy"), /frame-ancestors \*/);
    assert.equal(
      scriptSrc.exec(embed.get("content-security-policy"))?.[1],
      scriptSrc.exec(app.get("content-security-policy"))[1],
      "the badge allows the same inline loader as the app",
    );
    const csp = (await fetch(`${server.base.replace("127.0.0.1", "localhost")}/retailer/`)).headers.get("content-security-policy");
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, new RegExp(`frame-src ${server.base.replace(/[.:/]/g, "\\$&")};`));
  } finally {
    server.stop();
  }
});

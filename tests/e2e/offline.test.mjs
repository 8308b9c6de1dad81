// Offline: the app is installable and works without network. A product
// seen before verifies from the phone's cache and says how old the data is;
// one never seen says it cannot be checked; revocation data past its own
// validity gives Caution, never Verified.
// Engines: Chromium, Firefox, WebKit. "Offline" is the test proxy dropping
// every connection (a dead network), the same in each engine and for the
// service worker's own fetches, which driver-level offline emulation misses
// in some engines.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, launch, serverAndBrowser, verdictOf } from "./harness.mjs";

/**
 * Prepended to sw.js: the phone's storage is full for data (the worker's
 * Cache.put rejects for linksets and credentials, as with a used-up quota
 * or Safari's private browsing), while the app shell was kept.
 */
const FULL_STORAGE = Buffer.from(`{
  const put = Cache.prototype.put;
  Cache.prototype.put = function (request, response) {
    const path = new URL(typeof request === "string" ? request : request.url, location.href).pathname;
    if (path.endsWith(".json") || path.startsWith("/01/")) return Promise.reject(new DOMException("emulated", "QuotaExceededError"));
    return put.call(this, request, response);
  };
}
`);

/** Page-side: resolves when the service worker is active, false after 10 s. */
const workerReady = () => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);

/** Page-side: the clock runs `days` ahead (the widget reads Date.now()). */
function clockAhead(days) {
  const shift = days * 24 * 3600 * 1000;
  const now = Date.now.bind(Date);
  Date.now = () => now() + shift;
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);
  let page;
  const code = (id) => env.server.sample(id).code;

  async function offline(run) {
    env.server.proxy.setOffline(true);
    try {
      await run();
    } finally {
      env.server.proxy.setOffline(false);
    }
  }

  before(async () => {
    page = await env.browser.page();
    // First visit installs the service worker; the second runs under it and
    // keeps the app shell and the honey record's data.
    await page.goto(code("honey"));
    await verdictOf(page);
    await page.evaluate(workerReady);
    await page.reload();
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, "controlled by the worker");
    assert.equal((await verdictOf(page)).level, "verified");
  });

  test("the app is installable: a manifest with icons, served by a worker", async () => {
    const manifest = await (await fetch(`${env.server.base}/manifest.webmanifest`)).json();
    assert.equal(manifest.display, "standalone");
    assert.ok(manifest.icons.some((i) => i.sizes === "512x512"));
    assert.equal((await fetch(`${env.server.base}/icons/icon-192.png`)).status, 200);
  });

  test("offline, a product seen before verifies from the cache and shows the data's age", async () => {
    await offline(async () => {
      await page.reload();
      const { level, text } = await verdictOf(page);
      assert.equal(level, "verified", text);
      assert.match(text, /Đang dùng dữ liệu đã lưu/);
      assert.match(text, /Danh sách tin cậy lưu lúc/);
    });
  });

  test("offline, after the demo sheet and the shop were opened, app addresses still open the app", async () => {
    // Other HTML pages of the origin pass through the worker too; only the
    // app's own page may become the offline shell.
    for (const path of ["/demo", "/retailer/"]) {
      await page.goto(`${env.server.base}${path}`);
      assert.equal(await page.count("script[data-tracecheck-wasm]"), 0, `${path} is not the app`);
    }
    await offline(async () => {
      await page.goto(code("honey"));
      const { level, text } = await verdictOf(page);
      assert.equal(level, "verified", text);
    });
  });

  test("offline, a product never seen cannot be checked, and says so", async () => {
    await offline(async () => {
      await page.goto(code("medicine"));
      const { level, text } = await verdictOf(page);
      assert.equal(level, "not_verifiable", text);
      assert.match(text, /Không kết nối được máy chủ/);
    });
  });

  test("offline, revocation data past its validity gives Caution, not Verified", async () => {
    // Forty days on: the saved status lists (valid 30 days) are out of date.
    // The clock script is loaded (and kept by the worker) while online.
    const undo = env.server.inject(clockAhead, 40);
    const later = await env.browser.page();
    try {
      await later.goto(code("medicine"));
      await verdictOf(later);
      await offline(async () => {
        await later.goto(code("honey"));
        const { level } = await verdictOf(later);
        // The finding is in the checks list, drawn a task after the verdict.
        await later.waitFor("main .checks");
        const text = await later.text("main");
        assert.equal(level, "caution", text);
        assert.match(text, /Danh sách thu hồi đã quá hạn cập nhật/);
      });
    } finally {
      undo();
      await later.close();
    }
  });

  test("with the phone's storage full, answers from the network still reach the widget", async () => {
    const fresh = await launch(engine, { server: env.server });
    const undo = env.server.proxy.tamper(/^\/sw\.js$/, (body) => Buffer.concat([FULL_STORAGE, body]));
    try {
      const full = await fresh.page();
      await full.goto(code("honey"));
      await verdictOf(full);
      await full.evaluate(workerReady);
      await full.reload();
      assert.equal(await full.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, "controlled by the worker");
      const { level, text } = await verdictOf(full);
      assert.equal(level, "verified", text);
      assert.deepEqual(fresh.errors, []);
    } finally {
      undo();
      await fresh.close();
    }
  });
});

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
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

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
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
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

  test("offline, a product never seen cannot be checked, and says so", async () => {
    await offline(async () => {
      await page.goto(code("medicine"));
      const { level, text } = await verdictOf(page);
      assert.equal(level, "unverifiable", text);
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
        const { level, text } = await verdictOf(later);
        assert.equal(level, "caution", text);
        assert.match(text, /Danh sách thu hồi đã quá hạn cập nhật/);
      });
    } finally {
      undo();
      await later.close();
    }
  });
});

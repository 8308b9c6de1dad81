// Offline: the app is installable and works without network. A product
// seen before verifies from the phone's cache and says how old the data is;
// one never seen says it cannot be checked; revocation data past its own
// validity gives Caution, never Verified.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer, verdictOf } from "./harness.mjs";

let server;
let browser;
let page;
const code = (id) => server.samples.find((s) => s.id === id).code;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.page();
  // First visit installs the service worker; the second runs under it and
  // keeps the app shell and the honey record's data.
  await page.goto(code("honey"));
  await verdictOf(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, "controlled by the worker");
  assert.equal((await verdictOf(page)).level, "verified");
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test("the app is installable: a manifest with icons, served by a worker", async () => {
  const manifest = await (await fetch(`${server.base}/manifest.webmanifest`)).json();
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.icons.some((i) => i.sizes === "512x512"));
  assert.equal((await fetch(`${server.base}/icons/icon-192.png`)).status, 200);
});

test("offline, a product seen before verifies from the cache and shows the data's age", async () => {
  await browser.context.setOffline(true);
  try {
    await page.reload();
    const { level, text } = await verdictOf(page);
    assert.equal(level, "verified", text);
    assert.match(text, /Đang dùng dữ liệu đã lưu/);
    assert.match(text, /Danh sách tin cậy lưu lúc/);
  } finally {
    await browser.context.setOffline(false);
  }
});

test("offline, a product never seen cannot be checked, and says so", async () => {
  await browser.context.setOffline(true);
  try {
    await page.goto(code("medicine"));
    const { level, text } = await verdictOf(page);
    assert.equal(level, "not_verifiable", text);
    assert.match(text, /Không kết nối được máy chủ/);
  } finally {
    await browser.context.setOffline(false);
  }
});

test("offline, revocation data past its validity gives Caution, not Verified", async () => {
  await browser.context.setOffline(true);
  const later = await browser.page();
  try {
    // Forty days on: the saved status lists (valid 30 days) are out of date.
    await later.clock.setFixedTime(Date.now() + 40 * 24 * 3600 * 1000);
    await later.goto(code("honey"));
    const { level, text } = await verdictOf(later);
    assert.equal(level, "caution", text);
    assert.match(text, /Danh sách thu hồi đã quá hạn cập nhật/);
  } finally {
    await later.close();
    await browser.context.setOffline(false);
  }
});

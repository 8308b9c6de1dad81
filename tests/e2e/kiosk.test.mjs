// The trade-fair kiosk: one fake-camera video shows two different codes in
// turn; the kiosk shows each verdict as its code comes into view, with no
// link leading away, then goes back to waiting.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cameraVideo, launch, startServer } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

const code = (id) => server.samples.find((s) => s.id === id).code;

test("the kiosk scans two codes in sequence from one video and shows each", async () => {
  // Longan for 6 s, then the tampered record for 6 s (the video loops).
  const browser = await launch({
    video: cameraVideo([code("longan"), code("tampered")], 6),
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await browser.page();
    await page.goto(`${server.base}/kiosk?show=5&cooldown=30`);
    const banner = page.locator(".kiosk-result .verdict");
    await page.waitForFunction(() => document.querySelector(".kiosk-result .verdict")?.dataset.level === "verified", null, { timeout: 30_000 });
    assert.match(await page.locator(".kiosk-result").innerText(), /Nhãn lồng Hưng Yên/);
    // No link may lead away from the kiosk.
    assert.equal(await page.locator(".kiosk a[href]").count(), 0);
    await page.waitForFunction(() => document.querySelector(".kiosk-result .verdict")?.dataset.level === "counterfeit", null, { timeout: 30_000 });
    assert.match(await banner.innerText(), /Cảnh báo: có thể là hàng giả/);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
  }
});

test("a result goes back to waiting after its time, and the same code is not re-checked within the cooldown", async () => {
  const browser = await launch({ video: cameraVideo([code("honey")], 2), viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.page();
    await page.goto(`${server.base}/kiosk?show=5&cooldown=600`);
    await page.locator(".kiosk-result .verdict").waitFor({ timeout: 30_000 });
    // The video loops the same code: after 5 s the result goes, and the
    // same code, still in view, does not bring it back within the cooldown.
    await page.locator(".kiosk-idle").waitFor({ timeout: 15_000 });
    await page.waitForTimeout(3_000);
    assert.equal(await page.locator(".kiosk-result .verdict").count(), 0);
  } finally {
    await browser.close();
  }
});

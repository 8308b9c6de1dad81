// The trade-fair kiosk: the camera shows two different codes in turn; the
// kiosk shows each verdict as its code comes into view, with no link
// leading away, then goes back to waiting.
// Engines: Chromium, Firefox, WebKit, each with the stand-in camera (a
// canvas stream whose code the test switches); Chromium's file camera is
// covered by camera.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, qrPicture, serverAndBrowser } from "./harness.mjs";
import { standInCamera } from "./stand-in-camera.mjs";

forEachEngine((engine) => {
  const env = serverAndBrowser(engine, { viewport: { width: 1280, height: 800 } });

  test("the kiosk scans two codes in sequence and shows each", async () => {
    const pictures = ["longan", "tampered"].map((id) => qrPicture(env.server.sample(id).code));
    const undo = env.server.inject(standInCamera, pictures);
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/kiosk?show=5&cooldown=30`);
      await page.waitForFunction((want) => document.querySelector(".kiosk-result .verdict")?.dataset.level === want, "verified", { timeout: 60_000 });
      assert.match(await page.text(".kiosk-result"), /Nhãn lồng Hưng Yên/);
      // No link may lead away from the kiosk.
      assert.equal(await page.count(".kiosk a[href]"), 0);
      // A visitor touches the screen (user activation), then holds up the next product.
      await page.click(".kiosk-result");
      await page.evaluate(() => window.__standInCamera.show(1));
      await page.waitForFunction((want) => document.querySelector(".kiosk-result .verdict")?.dataset.level === want, "counterfeit", { timeout: 30_000 });
      assert.match(await page.text(".kiosk-result .verdict"), /Cảnh báo: có thể là hàng giả/);
      assert.deepEqual(env.browser.errors, []);
    } finally {
      undo();
      await page.close();
    }
  });

  test("a result goes back to waiting after its time, and the same code is not re-checked within the cooldown", async () => {
    const undo = env.server.inject(standInCamera, [qrPicture(env.server.sample("honey").code)]);
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/kiosk?show=5&cooldown=600`);
      await page.waitFor(".kiosk-result .verdict", { timeout: 60_000 });
      // The same code stays in view: after 5 s the result goes, and it
      // does not come back within the cooldown.
      await page.waitFor(".kiosk-idle", { timeout: 15_000 });
      await new Promise((r) => setTimeout(r, 3_000));
      assert.equal(await page.count(".kiosk-result .verdict"), 0);
    } finally {
      undo();
      await page.close();
    }
  });
});

// The shopper's path for real: the page opens the camera, reads the QR code
// (or an EAN-13 or a medicine's Data Matrix: the last two tests)
// from the video, fetches the record and verifies it in the browser.
// Engines: the stand-in camera (a canvas stream painting the code) in
// Chromium, Firefox and WebKit; Chromium's file camera (a Y4M video, the
// browser's own capture pipeline) in Chromium only, the one engine that has it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, cameraVideo, forEachEngine, launch, qrPicture, serverAndBrowser, startServer, verdictOf } from "./harness.mjs";
import { standInCamera } from "./stand-in-camera.mjs";

async function expectVerifiedLongan(page, browser) {
  const { level, text } = await verdictOf(page, 30_000);
  assert.equal(level, "verified", text);
  assert.match(text, /Đã xác thực/);
  assert.match(text, /Nhãn lồng Hưng Yên/);
  assert.match(text, /VietGAP/);
  // The product's picture, from the record, is shown.
  await page.waitForFunction(() => document.querySelector("img.product-image")?.naturalWidth > 0);
  // The camera is released once a code is read: the scanner is gone, and
  // so is every track the camera gave (with the stand-in camera).
  assert.equal(await page.count("video"), 0, "the scanner (and its camera) is gone from the result page");
  const live = await page.evaluate(() => window.__standInCamera?.live() ?? 0);
  assert.equal(live, 0, "no camera track left running after the read");
  assert.deepEqual(browser.errors, []);
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  test("stand-in camera: a genuine product is Verified, with its name", async () => {
    const undo = env.server.inject(standInCamera, [qrPicture(env.server.sample("longan").code)]);
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/`);
      await expectVerifiedLongan(page, env.browser);
    } finally {
      undo();
      await page.close();
    }
  });

  test("stand-in camera: released while the page is hidden, back and reading when it is shown", async () => {
    // iOS takes the camera from a page in the background; the widget lets
    // go of it itself and starts it again on return.
    const undo = env.server.inject(standInCamera, [null, qrPicture(env.server.sample("longan").code)]);
    const page = await env.browser.page();
    const live = () => Boolean(document.querySelector("video")?.srcObject?.getVideoTracks().some((t) => t.readyState === "live"));
    const setHidden = (hidden) => {
      Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
      Object.defineProperty(document, "visibilityState", { value: hidden ? "hidden" : "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    try {
      await page.goto(`${env.server.base}/`);
      await page.waitForFunction(live, null, { timeout: 20_000 });
      await page.evaluate(setHidden, true);
      await page.waitForFunction(() => window.__standInCamera.live() === 0);
      assert.equal(await page.evaluate(() => window.__standInCamera.started), 1);
      await page.evaluate(() => window.__standInCamera.show(1));
      await page.evaluate(setHidden, false);
      await expectVerifiedLongan(page, env.browser);
      assert.equal(await page.evaluate(() => window.__standInCamera.started), 2, "started again on return");
    } finally {
      undo();
      await page.close();
    }
  });

  test("stand-in camera: scan, tap 'scan again', scan a tampered record: counterfeit", async () => {
    // After any tap the page has user activation: the path where a missing
    // navigator.vibrate used to throw in Firefox and WebKit.
    const pictures = [qrPicture(env.server.sample("honey").code), qrPicture(env.server.sample("tampered").code)];
    const undo = env.server.inject(standInCamera, pictures);
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/`);
      assert.equal((await verdictOf(page, 30_000)).level, "verified");
      // The next product in front of the camera, then the tap.
      await page.evaluate(() => window.__standInCamera.show(1));
      await page.click("button.again");
      await page.waitForFunction(() => document.querySelector(".verdict")?.dataset.level === "counterfeit", null, { timeout: 30_000 });
      assert.match(await page.text("main"), /Chữ ký không khớp/);
      assert.deepEqual(env.browser.errors, []);
    } finally {
      undo();
      await page.close();
    }
  });
});

describe("chromium file camera", { skip: ENGINES.includes("chromium") ? false : "chromium is not in TRACECHECK_ENGINES" }, () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.stop());

  test("a genuine product scanned with the camera is Verified, with its name", async () => {
    const browser = await launch("chromium", { server, video: cameraVideo([server.sample("longan").code]) });
    try {
      const page = await browser.page();
      await page.goto(`${server.base}/`);
      await expectVerifiedLongan(page, browser);
    } finally {
      await browser.close();
    }
  });

  test("a tampered record scanned with the camera shows a counterfeit warning", async () => {
    const browser = await launch("chromium", { server, video: cameraVideo([server.sample("tampered").code]) });
    try {
      const page = await browser.page();
      await page.goto(`${server.base}/`);
      const { level, text } = await verdictOf(page);
      assert.equal(level, "counterfeit", text);
      assert.match(text, /Cảnh báo: có thể là hàng giả/);
      assert.match(text, /Chữ ký không khớp/);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });

  test("an EAN-13 barcode scanned with the camera names the product, not the batch", async () => {
    const browser = await launch("chromium", { server, video: cameraVideo([server.sample("barcode").code]) });
    try {
      const page = await browser.page();
      await page.goto(`${server.base}/`);
      const { level, text } = await verdictOf(page, 30_000);
      assert.equal(level, "product_verified", text);
      assert.match(text, /Mã vạch này chỉ cho biết sản phẩm, không cho biết lô hàng/);
      assert.match(text, /mã QR hoặc mã DataMatrix/);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });

  test("a medicine box's GS1 Data Matrix scanned with the camera is Verified, with its expiry", async () => {
    const browser = await launch("chromium", { server, video: cameraVideo([server.sample("medicine-datamatrix").code]) });
    try {
      const page = await browser.page();
      await page.goto(`${server.base}/`);
      const { level, text } = await verdictOf(page, 30_000);
      assert.equal(level, "verified", text);
      assert.match(text, /Hạn sử dụng ghi trong mã trên bao bì: \d{2}\/\d{2}\/20\d{2}/);
      assert.doesNotMatch(text, /Mã vạch này chỉ cho biết sản phẩm/);
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });
});

// The shopper's path for real: the page opens the (fake) camera, reads the
// QR code from the video, fetches the record and verifies it in the browser.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cameraVideo, launch, startServer, verdictOf } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

function sample(id) {
  const found = server.samples.find((s) => s.id === id);
  assert.ok(found, `demo sample ${id}`);
  return found;
}

test("a genuine product scanned with the camera is Verified, with its name", async () => {
  const browser = await launch({ video: cameraVideo([sample("longan").code]) });
  try {
    const page = await browser.page();
    await page.goto(`${server.base}/`);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "verified", text);
    assert.match(text, /Đã xác thực/);
    assert.match(text, /Nhãn lồng Hưng Yên/);
    assert.match(text, /VietGAP/);
    // The product's picture, from the record, is shown.
    const image = page.locator("img.product-image");
    await image.waitFor();
    await page.waitForFunction(() => document.querySelector("img.product-image")?.naturalWidth > 0);
    // The camera is released once a code is read.
    const live = await page.locator("video").count();
    assert.equal(live, 0, "the scanner (and its camera) is gone from the result page");
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
  }
});

test("a tampered record scanned with the camera shows a counterfeit warning", async () => {
  const browser = await launch({ video: cameraVideo([sample("tampered").code]) });
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

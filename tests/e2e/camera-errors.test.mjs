// When the camera cannot be used, the page says why and what to do instead
// (choose a photo, type the code), and those ways still work. The browser's
// answers are emulated before the page loads: getUserMedia rejecting as a
// browser does when permission is denied or there is no camera, and a page
// that is not a secure context.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

const rejectCamera = (name) => {
  // On the prototype: WebKit may hand out a fresh navigator.mediaDevices.
  MediaDevices.prototype.getUserMedia = () => Promise.reject(new DOMException("emulated", name));
};

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  async function pageWhere(emulate, arg) {
    const undo = env.server.inject(emulate, arg);
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/`);
    return { page, done: async () => (undo(), page.close()) };
  }

  for (const [name, message] of [
    ["NotAllowedError", /Chưa được phép dùng camera.*chọn ảnh \/ nhập mã/s],
    ["NotFoundError", /Không tìm thấy camera.*chọn ảnh hoặc nhập mã/s],
  ]) {
    test(`getUserMedia ${name}: explained, and typing a code still works`, async () => {
      const { page, done } = await pageWhere(rejectCamera, name);
      try {
        assert.match(await page.text(".camera [role=alert]"), message);
        assert.equal(await page.count("input[type=file]"), 1, "the photo picker is offered");
        await page.fill("#manual-code", "8935003000011");
        await page.click("form.manual button[type=submit]");
        // A typed EAN names the product only (no lot).
        assert.equal((await verdictOf(page)).level, "product_verified");
      } finally {
        await done();
      }
    });
  }

  test("an insecure page (plain http on a LAN) explains the camera needs https", async () => {
    const { page, done } = await pageWhere(() => Object.defineProperty(window, "isSecureContext", { get: () => false }));
    try {
      assert.match(await page.text(".camera [role=alert]"), /https/);
    } finally {
      await done();
    }
  });

  test("none of it crashed the page", () => {
    assert.deepEqual(env.browser.errors, []);
  });
});

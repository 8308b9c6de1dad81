// When the camera cannot be used, the page says why and what to do instead
// (choose a photo, type the code), and those ways still work. The browser's
// answers are emulated before the page loads: getUserMedia rejecting as a
// browser does when permission is denied or there is no camera, and a page
// that is not a secure context.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, verdictOf } from "./harness.mjs";

const env = serverAndBrowser();

async function pageWhere(emulate, arg) {
  const page = await env.browser.page();
  await page.addInitScript(emulate, arg);
  await page.goto(`${env.server.base}/`);
  return page;
}

const rejectCamera = (name) => {
  navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("emulated", name));
};

for (const [name, message] of [
  ["NotAllowedError", /Chưa được phép dùng camera.*chọn ảnh \/ nhập mã/s],
  ["NotFoundError", /Không tìm thấy camera.*chọn ảnh hoặc nhập mã/s],
]) {
  test(`getUserMedia ${name}: explained, and typing a code still works`, async () => {
    const page = await pageWhere(rejectCamera, name);
    const alert = page.locator(".camera [role=alert]");
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), message);
    assert.equal(await page.locator("input[type=file]").count(), 1, "the photo picker is offered");
    await page.fill("#manual-code", "8935003000011");
    await page.click("form.manual button[type=submit]");
    assert.equal((await verdictOf(page)).level, "verified");
    await page.close();
  });
}

test("an insecure page (plain http on a LAN) explains the camera needs https", async () => {
  const page = await pageWhere(() => Object.defineProperty(window, "isSecureContext", { get: () => false }));
  const alert = page.locator(".camera [role=alert]");
  await alert.waitFor({ timeout: 20_000 });
  assert.match(await alert.innerText(), /https/);
  await page.close();
});

test("none of it crashed the page", () => {
  assert.deepEqual(env.browser.errors, []);
});

// Bad input never crashes the page and never reads "verified": it gets a
// clear message in the user's language, and the page keeps working.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

async function typeCode(page, text) {
  await page.fill("#manual-code", text);
  await page.click("form.manual button[type=submit]");
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  test("text that is not a product code is explained, then a good code still works", async () => {
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/`);
    await typeCode(page, "WIFI:S:quan-ca-phe;P:12345678;;");
    let { level, text } = await verdictOf(page);
    assert.equal(level, "not_verifiable");
    assert.match(text, /Đây không phải mã sản phẩm/);
    assert.match(text, /WIFI:S:quan-ca-phe/);

    await page.click("button.again");
    await typeCode(page, "8935001000013");
    ({ level, text } = await verdictOf(page));
    // A typed EAN-13 resolves through the default resolver; it names the
    // product only, so no batch's lot or dates are shown as the pack's.
    assert.equal(level, "product_verified", text);
    assert.match(text, /chưa kiểm tra lô hàng/);
    const facts = await page.text(".product dl.facts");
    assert.doesNotMatch(facts, /Số lô|Hạn sử dụng|Ngày sản xuất/);
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });

  test("a wrong check digit names the digit it should be", async () => {
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/?code=8935001000019`);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "not_verifiable");
    assert.match(text, /đúng ra phải là 3, mã có 9/);
    await page.close();
  });

  test("a short report does not move once its verdict shows (layout shift)", async () => {
    // The report's lower part is drawn a task after the verdict
    // (src/components/result_view.rs); anything drawn before it and below
    // it would be pushed down: "scan another" was (CLS 0.318 on this page).
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/?code=hello`);
    await verdictOf(page);
    await page.waitFor(".verify-foot button.again");
    const shift = await page.evaluate(
      () =>
        new Promise((done) => {
          if (!PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) return done(null);
          // Buffered: every shift since the page opened, then a moment more.
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => done(total), 1000);
        }),
    );
    // Firefox and WebKit do not report layout shifts.
    if (shift !== null) assert.ok(shift < 0.1, `cumulative layout shift ${shift}`);
    await page.close();
  });

  test("a resolver that is down gives a network message, not a crash", async () => {
    const page = await env.browser.page();
    const code = "http://127.0.0.1:9/01/08935001000013/10/NL2611";
    await page.goto(`${env.server.base}/?code=${encodeURIComponent(code)}`);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "not_verifiable");
    assert.match(text, /Không kết nối được máy chủ/);
    // Everything else on the page keeps working: the language switch, scanning again.
    await page.click("button.lang-switch");
    await page.waitForFunction(() => /Not verifiable/.test(document.querySelector(".verdict")?.innerText));
    await page.click("button.again");
    await page.waitFor("#manual-code");
    await page.click("button.lang-switch"); // back to Vietnamese for the other tests
    await page.close();
  });

  test("the language choice is English on request and remembered", async () => {
    const page = await env.browser.page();
    await page.goto(`${env.server.base}/?code=8935001000013`);
    await verdictOf(page);
    if ((await page.attr("html", "lang")) === "vi") await page.click("button.lang-switch");
    await page.waitForFunction(() => /Genuine product — batch not checked/.test(document.querySelector("main")?.innerText));
    assert.match(await page.text("main"), /Hưng Yên longan/);
    await page.reload();
    await page.waitForFunction(() => /Why this result/.test(document.querySelector("main")?.innerText));
    assert.equal(await page.attr("html", "lang"), "en");
    await page.click("button.lang-switch"); // leave Vietnamese for the other tests
    await page.close();
  });
});

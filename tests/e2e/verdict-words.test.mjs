// The words a shopper acts on (issue 17), in both languages: a recall is
// not a fake, a product-only code says the batch is not checked, every
// verdict short of Verified says why in its banner, and each failure says
// what happened and what to do.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);
  const direct = (code) =>
    code.startsWith(env.server.base) ? code : `${env.server.base}/?code=${encodeURIComponent(code)}`;

  /** Opens `url` in `lang`; returns the verdict, the banner's text and the page. */
  async function open(url, lang = "vi") {
    const page = await env.browser.page();
    await page.goto(`${url}${url.includes("?") ? "&" : "?"}lang=${lang}`);
    const verdict = await verdictOf(page);
    return { ...verdict, banner: await page.text(".verdict"), page };
  }

  test("a recalled batch has its own verdict, with the producer's words first", async () => {
    for (const [lang, title, not] of [
      ["vi", /Đã bị thu hồi — không sử dụng/, /có thể là hàng giả/],
      ["en", /Recalled — do not use/, /possible counterfeit/],
    ]) {
      const { level, banner, page } = await open(env.server.sample("recalled").code, lang);
      assert.equal(level, "recalled", banner);
      assert.match(banner, title);
      assert.doesNotMatch(banner, not);
      // Under the title, the producer's notice comes first.
      const first = await page.evaluate(() => document.querySelector(".verdict .title + p")?.className);
      assert.equal(first, "notice", banner);
      await page.close();
    }
  });

  test("a product-only code verifies the product and says the batch is not checked", async () => {
    for (const [lang, words] of [
      ["vi", /chưa kiểm tra lô hàng/],
      ["en", /batch not checked/],
    ]) {
      const { level, banner, page } = await open(`${env.server.base}/?code=8935001000013`, lang);
      assert.equal(level, "product_verified", banner);
      assert.match(banner, words);
      // No batch's lot or dates to compare; the way to check the batch offered.
      assert.equal(await page.count(".compare"), 0);
      const prefilled = await page.evaluate(() => document.querySelector(".next-steps input")?.value);
      assert.equal(prefilled, "(01)08935001000013(10)");
      await page.close();
    }
  });

  test("every Caution says its reason in the banner, linked to the check", async () => {
    for (const [id, vi, en] of [
      // The reason names what expired (the check), then what it found.
      ["expired-certification", /Hữu cơ.*hết hiệu lực/s, /Organic.*expired/is],
      ["unknown-resolver", /không có trong danh sách tin cậy/, /not on the trust list/],
    ]) {
      for (const [lang, words] of [["vi", vi], ["en", en]]) {
        const { level, banner, page } = await open(direct(env.server.sample(id).code), lang);
        assert.equal(level, "caution", `${id} ${lang}: ${banner}`);
        assert.match(await page.text(".verdict .reason"), words, `${id} ${lang}`);
        const leads = await page.evaluate(() => {
          const href = document.querySelector(".verdict .reason a")?.getAttribute("href") ?? "";
          return href.startsWith("#") && document.getElementById(href.slice(1)) !== null;
        });
        assert.ok(leads, `${id} ${lang}: the link leads to the check`);
        await page.close();
      }
    }
  });

  test("a wrong check digit gets the likely correct code, which then verifies", async () => {
    const { level, banner, page } = await open(`${env.server.base}/?code=8935001000019`, "en");
    assert.equal(level, "not_verifiable");
    assert.match(banner, /check digit/i);
    assert.match(await page.text(".next-steps .suggestion"), /8935001000013/);
    await page.click(".next-steps .suggestion");
    await page.waitForFunction(() => document.querySelector(".verdict")?.dataset.level === "product_verified");
    await page.close();
  });

  test("text that is not a code can be edited, or scanned instead", async () => {
    const { level, banner, page } = await open(`${env.server.base}/?code=${encodeURIComponent("xin chào")}`);
    assert.equal(level, "not_verifiable");
    assert.match(banner, /không phải mã sản phẩm/);
    const value = await page.evaluate(() => document.querySelector(".next-steps input")?.value);
    assert.equal(value, "xin chào");
    assert.equal(await page.count(".next-steps button.secondary"), 1);
    await page.close();
  });

  test("a server that does not answer is said to be down, with 'try again'", async () => {
    const down = "http://127.0.0.1:9/01/08935001000013/10/NL2611";
    for (const [lang, words] of [
      ["vi", /không phản hồi/],
      ["en", /not answering/],
    ]) {
      const { level, page } = await open(direct(down), lang);
      assert.equal(level, "not_verifiable");
      assert.match(await page.text(".next-steps"), words);
      await page.click(".next-steps button.primary");
      await page.waitFor(".verdict");
      await page.close();
    }
  });
});

// Only Chromium's driver can tell the page it is offline (navigator.onLine);
// the proxy's dead network looks like a server that is down, tested above.
forEachEngine(
  (engine) => {
    const env = serverAndBrowser(engine);
    test("offline, the page says the phone has no network", async () => {
      const page = await env.browser.page();
      await page.goto(`${env.server.base}/`);
      await page.waitFor("#manual-code");
      await page.target.context().setOffline(true);
      await page.fill("#manual-code", "http://127.0.0.1:9/01/08935001000013/10/NL2612");
      await page.click("form.manual button[type=submit]");
      await verdictOf(page);
      assert.match(await page.text(".next-steps"), /không có mạng/);
      await page.target.context().setOffline(false);
      await page.close();
    });
  },
  { skip: { firefox: "no offline emulation over BiDi here", webkit: "no offline emulation in WebKitWebDriver" } },
);

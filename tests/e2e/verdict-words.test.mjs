// The words a shopper acts on (issue 17), in both languages: a recall is
// not a fake, a product-only code says the batch is not checked, every
// verdict short of Verified says why in its banner, each failure says what
// happened and what to do, and long record text never widens the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, serverAndBrowser, verdictOf } from "./harness.mjs";

const env = serverAndBrowser();
const sample = (id) => env.server.samples.find((s) => s.id === id);

/** Opens `url` in `lang` and returns the verdict, the banner's text and the page. */
async function open(url, lang = "vi") {
  const page = await env.browser.page();
  const sep = url.includes("?") ? "&" : "?";
  await page.goto(`${url}${sep}lang=${lang}`);
  const verdict = await verdictOf(page);
  const banner = await page.locator(".verdict").innerText();
  return { ...verdict, banner, page };
}

test("a recalled batch has its own verdict, with the producer's words first", async () => {
  for (const [lang, title, not] of [
    ["vi", /Đã bị thu hồi — không sử dụng/, /có thể là hàng giả/],
    ["en", /Recalled — do not use/, /possible counterfeit/],
  ]) {
    const { level, banner, page } = await open(sample("recalled").code, lang);
    assert.equal(level, "recalled", banner);
    assert.match(banner, title);
    assert.doesNotMatch(banner, not);
    // The producer's notice comes before the explanation.
    const parts = await page.locator(".verdict p").allInnerTexts();
    assert.ok(parts[0].length > 0 && parts.findIndex((t) => /Thu hồi|recall/i.test(t)) <= 1, JSON.stringify(parts));
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
    // No batch's lot or dates shown as the pack's; the way to check it offered.
    assert.equal(await page.locator(".compare").count(), 0);
    assert.match(await page.locator(".next-steps input").inputValue(), /^\(01\)08935001000013\(10\)$/);
    await page.close();
  }
});

test("every Caution says its reason in the banner, linked to the check", async () => {
  for (const [id, vi, en] of [
    ["expired-certification", /hết hiệu lực/, /Expired/i],
    ["unknown-resolver", /không có trong danh sách tin cậy/, /not on the trust list/],
  ]) {
    for (const [lang, words] of [["vi", vi], ["en", en]]) {
      const { level, banner, page } = await open(sample(id).code.startsWith(env.server.base)
        ? sample(id).code
        : `${env.server.base}/?code=${encodeURIComponent(sample(id).code)}`, lang);
      assert.equal(level, "caution", `${id} ${lang}: ${banner}`);
      assert.match(banner, words, `${id} ${lang}`);
      const link = page.locator(".verdict .reason a");
      const target = (await link.getAttribute("href")).slice(1);
      assert.equal(await page.locator(`[id="${target}"]`).count(), 1, "the link leads to the check");
      await page.close();
    }
  }
});

test("each failure says what happened and offers the next step", async () => {
  // A wrong check digit: the likely correct code, and it verifies.
  let { level, banner, page } = await open(`${env.server.base}/?code=8935001000019`, "en");
  assert.equal(level, "not_verifiable");
  assert.match(banner, /check digit/i);
  const suggestion = page.locator(".next-steps .suggestion");
  assert.match(await suggestion.innerText(), /8935001000013/);
  await suggestion.click();
  assert.equal((await verdictOf(page)).level, "product_verified");
  await page.close();

  // Not a product code: edit it, or scan instead.
  ({ level, banner, page } = await open(`${env.server.base}/?code=${encodeURIComponent("xin chào")}`));
  assert.equal(level, "not_verifiable");
  assert.match(banner, /không phải mã sản phẩm/);
  assert.equal(await page.locator(".next-steps input").inputValue(), "xin chào");
  await page.close();

  // A server that does not answer: said so, and "try again".
  const down = "http://127.0.0.1:9/01/08935001000013/10/NL2611";
  ({ level, banner, page } = await open(`${env.server.base}/?code=${encodeURIComponent(down)}`));
  assert.equal(level, "not_verifiable");
  assert.match(await page.locator(".next-steps").innerText(), /không phản hồi/);
  await page.locator(".next-steps button.primary").click();
  assert.equal((await verdictOf(page)).level, "not_verifiable", "tried again");
  await page.close();

  // Offline: said so.
  page = await env.browser.page();
  await page.goto(`${env.server.base}/`);
  await page.context().setOffline(true);
  await page.evaluate((code) => {
    history.pushState(null, "", `/?code=${encodeURIComponent(code)}`);
    dispatchEvent(new PopStateEvent("popstate"));
  }, "http://127.0.0.1:9/01/08935001000013/10/NL2612");
  await verdictOf(page);
  assert.match(await page.locator(".next-steps").innerText(), /không có mạng/);
  await page.context().setOffline(false);
  await page.close();
});

test("long record text wraps at 360 px instead of widening the page", async (t) => {
  // Its own browser without the service worker, so page.route sees the fetch.
  const browser = await launch({ serviceWorkers: "block" });
  t.after(() => browser.close());
  const page = await browser.page();
  const word = "https://".concat("x".repeat(3000));
  // The resolver's answer is replaced by a record whose name is one
  // 3,000-character word (its signature no longer matches: a warning page,
  // which shows the claimed name).
  await page.route(/\/credentials\/passports\//, async (route) => {
    const response = await route.fetch();
    const record = await response.json();
    record.credentialSubject.product.name = word;
    await route.fulfill({ response, json: record });
  });
  await page.goto(sample("longan").code);
  await verdictOf(page);
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide`);
  assert.match(await page.locator(".claimed-name").innerText(), /^https:\/\/x{100}/);
});

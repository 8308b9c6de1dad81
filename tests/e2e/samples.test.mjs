// Every demo sample, opened the way a phone's camera app opens it (the
// code's URL itself, or ?code= for codes of other hosts), gets its verdict.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LEVEL, forEachEngine, imagesLoaded, serverAndBrowser, verdictOf } from "./harness.mjs";

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  test("each demo sample shows its expected verdict", async () => {
    const page = await env.browser.page();
    const seen = [];
    for (const sample of env.server.samples) {
      const direct = sample.code.startsWith(env.server.base);
      const url = direct ? sample.code : `${env.server.base}/?code=${encodeURIComponent(sample.code)}`;
      await page.goto(url);
      const { level, text } = await verdictOf(page);
      seen.push(`${sample.id}: ${level}`);
      assert.equal(level, LEVEL[sample.expected], `${sample.id} (${url}):\n${text}`);
      if (sample.expected !== "verified") {
        assert.doesNotMatch(text, /Đã xác thực/, `${sample.id} must never read "verified"`);
      }
      await imagesLoaded(page);
    }
    console.log(`${engine}: ${seen.join(", ")}`);
    assert.deepEqual(env.browser.errors, []);
  });

  test("the recall notice reaches the shopper", async () => {
    const page = await env.browser.page();
    await page.goto(env.server.sample("recalled").code);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "recalled");
    assert.match(text, /Thu hồi lô hàng/);
  });
});

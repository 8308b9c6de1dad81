// What the page marks as verified comes from verified credentials in
// scope, never from a credential's own words (issue 11), and a resolver
// cannot redirect the widget outside its URL policy.
// Engines: Chromium, Firefox, WebKit.
import { createServer } from "node:http";
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  test("a badge's name comes from the scheme table, not from the certificate's words", async () => {
    const page = await env.browser.page();
    // The chicken's VietGAHP certificate calls itself "VietGAHP (chăn nuôi)";
    // its OCOP rating comes from the OCOP council.
    await page.goto(env.server.sample("chicken").code);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "verified", text);
    const gahp = '.badge[data-scheme="vietgahp"]';
    assert.equal((await page.text(`${gahp} .scheme`)).replace(/^\W+/u, "").trim(), "VietGAHP");
    assert.match(await page.text(`${gahp} .as-written`), /VietGAHP \(chăn nuôi\)/);
    assert.equal(await page.count(`${gahp} .stars`), 0, "no stars outside OCOP");
    const stars = await page.evaluate(() => document.querySelector('.badge[data-scheme="ocop"] .stars')?.textContent);
    assert.match(stars ?? "", /OCOP 3 sao/);
    // The producer's name is the trust list's.
    assert.match(await page.text(".producer .party-name"), /\(dữ liệu mẫu\)/);
    await page.close();
  });

  test("every page of a deployment pinned to the demo root says DEMO DATA", async () => {
    const page = await env.browser.page();
    for (const url of [`${env.server.base}/`, env.server.sample("longan").code, `${env.server.base}/kiosk`]) {
      await page.goto(url);
      assert.match(await page.text(".demo-mark"), /DỮ LIỆU MẪU/, url);
    }
    await page.close();
  });

  test("a redirect hop outside the page's CSP is not followed, or its answer not used", async (t) => {
    const longan = env.server.sample("longan").code;
    const path = new URL(longan).pathname;
    // The hop's target records what reaches it, and answers the genuine
    // linkset: an answer that was used would verify.
    const genuine = await (await fetch(`${env.server.base}${path}`, { headers: { Accept: "application/linkset+json" } })).text();
    const reached = [];
    const target = createServer((request, response) => {
      reached.push(request.url);
      response.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "application/linkset+json" }).end(genuine);
    });
    await new Promise((ok) => target.listen(0, "127.0.0.1", ok));
    t.after(() => target.close());
    const hop = `http://127.0.0.1:${target.address().port}/linkset.json`;
    // The resolver answers the widget's linkset request with a redirect to
    // another origin over plain http (the navigation itself is untouched).
    const undo = env.server.proxy.answerWith((req) =>
      req.url.split("?")[0] === path && /linkset\+json/.test(req.headers.accept ?? "")
        ? { status: 302, headers: { Location: hop, "Access-Control-Allow-Origin": "*" } }
        : null,
    );
    t.after(undo);
    const page = await env.browser.page();
    await page.goto(longan);
    const { level, text } = await verdictOf(page);
    assert.equal(level, "not_verifiable", text);
    assert.doesNotMatch(text, /Đã xác thực/);
    if (engine === "chromium") {
      assert.deepEqual(reached, [], "the CSP (the page's, or sw.js's own header) stopped the hop before it was made");
    }
    // Firefox ESR and WebKitGTK now and then make the hop (through the
    // service worker); sw.js and the page's fetcher then refuse its answer,
    // which the verdict above shows (docs/browsers.md).
    await page.close();
  });

  test("long record text wraps at 360 px instead of widening the page", async (t) => {
    // The passport comes back with its name one 3,000-character word: its
    // signature no longer matches, so the warning page shows it as a claim.
    const word = "https://".concat("x".repeat(3000));
    t.after(
      env.server.proxy.tamper(/\/credentials\/passports\//, (body) => {
        const record = JSON.parse(body.toString("utf8"));
        record.credentialSubject.product.name = word;
        return Buffer.from(JSON.stringify(record));
      }),
    );
    const page = await env.browser.page();
    await page.goto(env.server.sample("longan").code);
    const { level } = await verdictOf(page);
    assert.equal(level, "counterfeit");
    assert.match(await page.text(".claimed-name"), /^https:\/\/x{100}/);
    const [scroll, client] = await page.evaluate(() => [
      document.scrollingElement.scrollWidth,
      document.scrollingElement.clientWidth,
    ]);
    assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px window`);
    await page.close();
  });
});

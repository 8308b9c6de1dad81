// What the page marks as verified comes from verified credentials in
// scope, never from a credential's own words (issue 11), and a resolver
// cannot redirect the widget outside its URL policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, serverAndBrowser, verdictOf } from "./harness.mjs";

const env = serverAndBrowser();

const sample = (id) => env.server.samples.find((s) => s.id === id);

test("a badge's name comes from the scheme table, not from the certificate's words", async () => {
  const page = await env.browser.page();
  // The chicken's VietGAHP certificate calls itself "VietGAHP (chăn nuôi)";
  // its OCOP rating comes from the OCOP council.
  await page.goto(sample("chicken").code);
  const { level } = await verdictOf(page);
  assert.equal(level, "verified");
  const gahp = page.locator('.badge[data-scheme="vietgahp"]');
  assert.equal((await gahp.locator(".scheme").innerText()).replace(/^\W+/u, "").trim(), "VietGAHP");
  assert.match(await gahp.locator(".as-written").innerText(), /VietGAHP \(chăn nuôi\)/);
  assert.equal(await gahp.locator(".stars").count(), 0, "no stars outside OCOP");
  const ocop = page.locator('.badge[data-scheme="ocop"]');
  assert.match(await ocop.locator(".stars").innerText(), /OCOP 3 sao/);
  // The producer's name is the trust list's.
  assert.match(await page.locator(".producer .party-name").innerText(), /\(dữ liệu mẫu\)/);
});

test("every page of a deployment pinned to the demo root says DEMO DATA", async () => {
  const page = await env.browser.page();
  for (const url of [`${env.server.base}/`, sample("longan").code, `${env.server.base}/kiosk`]) {
    await page.goto(url);
    const mark = page.locator(".demo-mark");
    await mark.waitFor({ timeout: 20_000 });
    assert.match(await mark.innerText(), /DỮ LIỆU MẪU/, url);
  }
});

test("a redirect hop outside the page's CSP is not followed", async (t) => {
  // Its own browser, without the service worker, whose fetches page.route
  // would not see.
  const browser = await launch({ serviceWorkers: "block" });
  t.after(() => browser.close());
  const page = await browser.page();
  const longan = sample("longan").code;
  // The resolver answers the widget's linkset request with a redirect to a
  // private address over plain http (the navigation itself is untouched).
  await page.route(longan, (route) => {
    if (route.request().resourceType() === "document") return route.continue();
    return route.fulfill({ status: 302, headers: { Location: "http://10.255.255.1/linkset.json" } });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  const failed = new Map();
  page.on("requestfailed", (request) => failed.set(request.url(), request.failure()?.errorText));
  await page.goto(longan);
  const { level, text } = await verdictOf(page);
  assert.equal(level, "not_verifiable", text);
  assert.doesNotMatch(text, /Đã xác thực/);
  // The browser reports the hop against the URL it started from (CSP hides
  // a redirect's target), and never asks the target.
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(
    violations.some((v) => v.startsWith("connect-src") && v.includes("/01/08935001000013/10/NL2611")),
    `the page's CSP refused the hop: ${JSON.stringify(violations)}`,
  );
  // Chromium fails the fetch as "csp" and aborts the hop before connecting
  // (an attempt at the unroutable address would end in a network error).
  const seen = JSON.stringify([...failed]);
  assert.equal(failed.get(longan), "csp", seen);
  assert.equal(failed.get("http://10.255.255.1/linkset.json"), "net::ERR_ABORTED", seen);
});

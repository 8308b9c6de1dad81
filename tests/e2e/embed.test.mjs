// Retailers: a shop page on another origin, under a strict CSP, embeds
// badges with <trace-check>; each shows the right verdict and expands; ten
// badges share one download of the widget. The main app refuses framing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer } from "./harness.mjs";

let server;
let browser;
let shop;
before(async () => {
  server = await startServer(["--log-requests"]);
  browser = await launch({ viewport: { width: 1100, height: 900 } });
  // Same server, other host name: a different origin from the widget's.
  shop = server.base.replace("127.0.0.1", "localhost");
});
after(async () => {
  await browser?.close();
  server?.stop();
});

async function openShop(path, on = browser) {
  const page = await on.page();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${shop}${path}`);
  await page.waitForFunction(
    () => [...document.querySelectorAll("trace-check")].every((e) => e.dataset.level),
    null,
    { timeout: 30_000 },
  );
  return page;
}

test("a strict-CSP shop page shows each product's verdict, the fake one flagged", async () => {
  const page = await openShop("/retailer/");
  const levels = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("li.product")].map((li) => [li.dataset.sample, li.querySelector("trace-check").dataset.level])),
  );
  assert.deepEqual(levels, { longan: "verified", honey: "verified", chicken: "verified", "unknown-issuer": "counterfeit" });
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation on the host page");
  const csp = (await page.request.get(`${shop}/retailer/`)).headers()["content-security-policy"];
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, new RegExp(`frame-src ${server.base.replace(/[.:/]/g, "\\$&")};`));
  await page.close();
});

test("a badge expands to the full details and its frame grows to fit", async () => {
  const page = await openShop("/retailer/");
  const element = page.locator('li[data-sample="honey"] trace-check');
  const before = await element.boundingBox();
  const frame = page.frameLocator('li[data-sample="honey"] trace-check iframe');
  await frame.locator("button.embed-summary").click();
  await frame.locator(".checks").waitFor();
  await page.waitForFunction(
    (h) => document.querySelector('li[data-sample="honey"] trace-check').getBoundingClientRect().height > h + 200,
    before.height,
  );
  assert.match(await frame.locator(".embed-details").innerText(), /Mật ong hoa nhãn Hưng Yên/);
  await page.close();
});

test("lang=en gives an English badge whatever the phone chose before", async () => {
  const page = await browser.page();
  const honey = server.samples.find((s) => s.id === "honey").code;
  await page.goto(`${server.base}/embed?code=${encodeURIComponent(honey)}&lang=en`);
  const badge = page.locator("button.embed-summary");
  await badge.waitFor();
  assert.match(await badge.innerText(), /Verified/);
  assert.match(await badge.innerText(), /Hưng Yên longan-blossom honey/);
  await page.close();
});


test("ten badges download the widget once and do not hold up the shop page", async () => {
  // A tall window: all ten frames load at once, the worst case for sharing.
  const tall = await launch({ viewport: { width: 1100, height: 2600 } });
  const before = server.log().split("\n").length;
  const page = await openShop("/retailer/many", tall);
  const timing = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    return { fcp: paint?.startTime, domContentLoaded: nav.domContentLoadedEventEnd, verdictsAt: performance.now() };
  });
  assert.equal(await page.locator("trace-check").count(), 10);
  const lines = server.log().split("\n").slice(before - 1);
  const wasm = lines.filter((l) => / \/[^ ]*\.wasm 200 /.test(l));
  const embeds = lines.filter((l) => l.startsWith("GET /embed"));
  console.log(
    `ten badges: ${embeds.length} embed pages, ${wasm.length} wasm download(s) ` +
      `(${wasm.map((l) => l.split(" ").at(-1)).join(", ")} bytes); shop first paint ${timing.fcp?.toFixed(0)} ms, ` +
      `DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, all verdicts at ${timing.verdictsAt.toFixed(0)} ms`,
  );
  assert.equal(embeds.length >= 10, true, "each badge loaded its page");
  assert.equal(wasm.length, 1, "the widget's wasm is downloaded once for all badges");
  await tall.close();
});

test("the main app refuses to be framed; the badge may be", async () => {
  const page = await browser.page();
  const app = (await page.request.get(`${server.base}/`)).headers();
  assert.equal(app["x-frame-options"], "DENY");
  assert.match(app["content-security-policy"], /frame-ancestors 'none'/);
  assert.match(app["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval';/);
  const embed = (await page.request.get(`${server.base}/embed?code=x`)).headers();
  assert.equal(embed["x-frame-options"], undefined);
  assert.match(embed["content-security-policy"], /frame-ancestors \*/);
  await page.close();
});

// A resolver that answers badly — HTML instead of a linkset, a broken
// record, an unsigned record, a server error, no answer at all — gets a
// clear message, never "verified", and never a crash.
// Engines: Chromium, Firefox, WebKit.
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

const GTIN = "08935001000013";
const unsigned = JSON.stringify({
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  type: ["VerifiableCredential", "DigitalProductPassport"],
  issuer: "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
  credentialSubject: { product: { name: "Nhãn lồng Hưng Yên", registeredId: GTIN } },
});

let bad;
let badBase;

before(async () => {
  bad = createServer((request, response) => {
    const headers = { "Access-Control-Allow-Origin": "*" };
    const linkset = (href) =>
      JSON.stringify({
        linkset: [{ anchor: "x", "https://test.uncefact.org/vocabulary/linkTypes/dpp": [{ href, type: "application/vc+ld+json" }] }],
      });
    const path = request.url;
    if (path.endsWith("/10/HTML")) return response.writeHead(200, { ...headers, "Content-Type": "text/html" }).end("<!doctype html><h1>Shop</h1>");
    if (path.endsWith("/10/JUNK")) return response.writeHead(200, headers).end(linkset(`${badBase}/junk.json`));
    if (path === "/junk.json") return response.writeHead(200, headers).end('{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ');
    if (path.endsWith("/10/UNSIGNED")) return response.writeHead(200, headers).end(linkset(`${badBase}/unsigned.json`));
    if (path === "/unsigned.json") return response.writeHead(200, headers).end(unsigned);
    if (path.endsWith("/10/E500")) return response.writeHead(500, headers).end("oops");
    if (path.endsWith("/10/SILENT")) return; // never answers
    response.writeHead(404, headers).end();
  });
  await new Promise((ok) => bad.listen(0, "127.0.0.1", ok));
  badBase = `http://127.0.0.1:${bad.address().port}`;
});
after(() => {
  bad?.closeAllConnections();
  bad?.close();
});

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  async function verdictFor(lot) {
    const page = await env.browser.page();
    const code = `${badBase}/01/${GTIN}/10/${lot}`;
    await page.goto(`${env.server.base}/?code=${encodeURIComponent(code)}`);
    const result = await verdictOf(page, 30_000);
    await page.close();
    return result;
  }

  for (const [lot, message] of [
    ["HTML", /không đọc được/],
    ["JUNK", /không đọc được/],
    ["E500", /Máy chủ trả lỗi \(mã 500\)/],
    ["SILENT", /phản hồi quá chậm/],
  ]) {
    test(`a resolver answering ${lot} is not verifiable, with a clear message`, async () => {
      const { level, text } = await verdictFor(lot);
      assert.equal(level, "not_verifiable", text);
      assert.match(text, message);
      assert.doesNotMatch(text, /Đã xác thực/);
    });
  }

  // A record for a listed producer's GTIN with its proof stripped is a
  // forgery, not a shrug (issue 11): the warning, not "not verifiable".
  test("a resolver answering an UNSIGNED record for a listed producer's GTIN gets the warning", async () => {
    const { level, text } = await verdictFor("UNSIGNED");
    assert.equal(level, "counterfeit", text);
    assert.match(text, /không có chữ ký của họ/);
    assert.doesNotMatch(text, /Đã xác thực/);
  });

  test("none of it crashed the page", () => {
    assert.deepEqual(env.browser.errors, []);
  });
});

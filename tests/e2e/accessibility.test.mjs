// An automated accessibility audit (axe-core) of the scan page and each
// kind of result, at phone size, in both languages: no serious or critical
// violation. axe is run by the driver (not a <script> of the page), so the
// page keeps its real Content-Security-Policy.
// Engines: Chromium, Firefox, WebKit (each lays out and exposes the page itself).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, serverAndBrowser, verdictOf } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function audit(page) {
  await page.runScript(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const report = await axe.run(document, { resultTypes: ["violations"] });
    return report.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

async function setLanguage(page, lang) {
  if ((await page.attr("html", "lang")) !== lang) await page.click("button.lang-switch");
  await page.waitForFunction((want) => document.documentElement.lang === want, lang);
}

forEachEngine((engine) => {
  const env = serverAndBrowser(engine);

  test("no serious or critical accessibility violation, in Vietnamese and English", async () => {
    const page = await env.browser.page();
    const views = [
      ["scan page", `${env.server.base}/`, null],
      ["verified", null, "honey"],
      ["caution", null, "expired-certification"],
      ["counterfeit", null, "recalled"],
      ["not a product code", `${env.server.base}/?code=hello`, null],
    ];
    const findings = [];
    for (const lang of ["vi", "en"]) {
      for (const [name, url, sample] of views) {
        await page.goto(url ?? env.server.sample(sample).code);
        if (url !== `${env.server.base}/`) await verdictOf(page);
        else await page.waitFor("h1");
        await setLanguage(page, lang);
        for (const v of await audit(page)) findings.push(`${lang} ${name}: ${v.impact} ${v.id} at ${v.nodes.join(", ")}`);
      }
    }
    console.log(`${engine}: ${findings.length ? findings.join("\n") : "axe: no violations at all"}`);
    const blocking = findings.filter((f) => / (serious|critical) /.test(f));
    assert.deepEqual(blocking, []);
    await setLanguage(page, "vi");
  });
});

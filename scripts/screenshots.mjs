// Screenshots of the widget, taken from the demo served by the release CLI.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/screenshots.mjs            # docs/screenshots/*.png: Chromium at 360×640
//                                           #   (a small Android phone), each verdict level
//                                           #   and an error, in Vietnamese and English
//   node scripts/screenshots.mjs --engines  # docs/screenshots/engines/*.png: a verified
//                                           #   result in Chromium, Firefox and WebKit at
//                                           #   480×800, to compare their layouts
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ALL_ENGINES, launch, startServer, verdictOf } from "../tests/e2e/harness.mjs";

const engines = process.argv.includes("--engines");
const out = resolve(import.meta.dirname, engines ? "../docs/screenshots/engines" : "../docs/screenshots");
mkdirSync(out, { recursive: true });
const shots = engines
  ? [["verified", "honey"]]
  : [
      ["verified", "longan"],
      ["product-only", { code: "8935001000013" }],
      ["caution", "expired-certification"],
      ["recalled", "recalled"],
      ["counterfeit", "tampered"],
      ["error", { code: "WIFI:S:quan-ca-phe;P:12345678;;" }],
      ["typo", { code: "8935001000019" }],
    ];
// WebKitGTK's MiniBrowser window cannot be narrower than about 450 px.
const viewport = engines ? { width: 480, height: 800 } : { width: 360, height: 640 };

async function shoot(engine, server, lang) {
  const browser = await launch(engine, { server, viewport });
  try {
    const page = await browser.page();
    for (const [name, id] of shots) {
      const code = typeof id === "string" ? server.sample(id).code : id.code;
      await page.goto(`${server.base}/?code=${encodeURIComponent(code)}`);
      await verdictOf(page);
      if ((await page.attr("html", "lang")) !== lang) {
        await page.click("button.lang-switch");
        await page.waitForFunction((want) => document.documentElement.lang === want, lang);
      }
      // Pictures and fonts settle before the shot.
      await page.waitForFunction(() => document.fonts.status === "loaded" && [...document.images].every((i) => i.complete));
      const file = join(out, engines ? `${name}-${lang}-${engine}.png` : `${name}-${lang}.png`);
      await page.screenshot(file);
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  for (const engine of engines ? ALL_ENGINES : ["chromium"]) {
    for (const lang of ["vi", "en"]) await shoot(engine, server, lang);
  }
} finally {
  server.stop();
}

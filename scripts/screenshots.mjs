// Screenshots of the widget at 360×640 (a small Android phone), in
// Vietnamese and English, for each verdict level and an error, taken from
// the demo served by the release CLI. Writes docs/screenshots/*.png.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, startServer, verdictOf } from "../tests/e2e/harness.mjs";

const out = resolve(import.meta.dirname, "../docs/screenshots");
mkdirSync(out, { recursive: true });
const shots = [
  ["verified", "longan"],
  ["caution", "expired-certification"],
  ["counterfeit", "tampered"],
  ["error", null],
];

const server = await startServer();
try {
  for (const lang of ["vi", "en"]) {
    const browser = await launch();
    const page = await browser.page();
    for (const [name, id] of shots) {
      const code = id
        ? server.samples.find((s) => s.id === id).code
        : "WIFI:S:quan-ca-phe;P:12345678;;";
      await page.goto(`${server.base}/?code=${encodeURIComponent(code)}`);
      await verdictOf(page);
      if ((await page.locator("html").getAttribute("lang")) !== lang) {
        await page.click("button.lang-switch");
        await verdictOf(page);
      }
      const file = join(out, `${name}-${lang}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await browser.close();
  }
} finally {
  server.stop();
}

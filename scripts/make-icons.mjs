// Renders assets/icons/icon.svg to the PNG sizes a web app manifest needs
// (192, 512, and a maskable 512 with safe-zone padding), using Chromium.
// The PNGs are committed; run this again only when the SVG changes.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch } from "../tests/e2e/harness.mjs";

const dir = resolve(import.meta.dirname, "../assets/icons");
const svg = readFileSync(resolve(dir, "icon.svg"), "utf8");
const browser = await launch({ viewport: { width: 512, height: 512 } });
const page = await browser.page();
for (const [name, size, padding] of [["icon-192.png", 192, 0], ["icon-512.png", 512, 0], ["icon-maskable-512.png", 512, 0.1]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  const html = `<body style="margin:0;background:#0b5cad;display:grid;place-items:center;height:${size}px">
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${inner}" height="${inner}"></body>`;
  await page.setContent(html);
  await page.screenshot({ path: resolve(dir, name), omitBackground: padding === 0 });
  console.log(name);
}
await browser.close();

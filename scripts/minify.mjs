// Trunk post-build step (scripts/post-build.mjs, the first one): minifies
// what a first visit downloads as text — the boot loader and the
// stylesheet (both end up inside index.html), the two builds' wasm-bindgen
// JS modules and the retailer's badge script — with esbuild (npm, pinned
// in package.json). Their comments are for the people who read assets/
// and styles/; a phone on Slow 4G pays for every byte of them before the
// page paints (docs/performance.md, eighth pass).
//
// Trunk's own `--minify` is not used: its JS minifier stops at
// wasm-bindgen's `export default` and its HTML minifier rewrites the tags
// the next steps look for.
//
// A file whose `<link … integrity=…>` Trunk wrote into index.html gets a
// fresh hash there (the next step moves it onto the boot tag). The syntax
// target keeps what the sources use: esbuild never turns it into newer
// syntax an older Safari cannot parse.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/minify.mjs
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");

// Safari 14 is the oldest engine docs/browsers.md supports.
const target = ["es2020", "chrome87", "firefox78", "safari14"];

/** What each built file is, for esbuild; `null` when it is left as it is. */
function kindOf(name) {
  if (name === "boot.js" || name === "trace-check.js") return { loader: "js" }; // classic scripts
  if (/^tracecheck-(web|verify)(-[0-9a-f]+)?\.js$/.test(name)) return { loader: "js", format: "esm" };
  if (/^app-[0-9a-f]+\.css$/.test(name)) return { loader: "css" };
  return null;
}

const sri = (text) => `sha384-${createHash("sha384").update(text, "utf8").digest("base64")}`;

let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  const kind = kindOf(name);
  if (!kind) continue;
  const file = join(dir, name);
  const source = readFileSync(file, "utf8");
  const { code, warnings } = transformSync(source, { ...kind, minify: true, target, legalComments: "none", charset: "utf8" });
  if (warnings.length > 0) throw new Error(`${file}: esbuild warned: ${warnings.map((w) => w.text).join("; ")}`);
  writeFileSync(file, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
  // Trunk's tag for this file, if any: its hash must name the new content.
  html = html.replace(/<link\b[^>]*>/g, (tag) =>
    tag.includes(`href="/${name}"`) ? tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri(code)}"`) : tag,
  );
}
if (after === 0) throw new Error(`${dir}: nothing to minify (no boot.js, stylesheet or JS module found)`);
writeFileSync(page, html);
console.log(`minify: ${before} B → ${after} B in ${dir}`);

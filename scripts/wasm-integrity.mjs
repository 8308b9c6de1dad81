// Trunk post-build hook (Trunk.toml [[hooks]]): moves the WebAssembly's SRI
// hash from Trunk's `<link rel="preload" as="fetch" integrity=…>` onto the
// boot <script> (`data-tracecheck-wasm-integrity`) and drops that preload.
// assets/boot.js fetches the .wasm itself with that integrity, so every
// engine downloads it once and checks it: WebKit never hands a
// `preload as=fetch` to fetch() (it downloads the file twice), and the
// preload's own integrity is not what wasm-bindgen's fetch() would check.
// Fails the build when the tags are not where expected, so that a Trunk
// upgrade cannot silently drop the check.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/wasm-integrity.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
const html = readFileSync(file, "utf8");

const boot = /<script\b[^>]*\bdata-tracecheck-wasm="([^"]+)"[^>]*>/.exec(html);
if (!boot) throw new Error(`${file}: no <script data-tracecheck-wasm> (see Trunk.toml pattern_script)`);
const wasm = boot[1];
const preloads = [...html.matchAll(/<link\b[^>]*>/g)].filter(([tag]) => /\brel="preload"/.test(tag) && tag.includes(`href="${wasm}"`));
if (preloads.length !== 1) throw new Error(`${file}: expected one <link rel="preload" href="${wasm}">, found ${preloads.length}`);
const [preload] = preloads[0];
const integrity = /\bintegrity="(sha(?:256|384|512)-[A-Za-z0-9+/=]+)"/.exec(preload)?.[1];
if (!integrity) throw new Error(`${file}: the .wasm preload has no integrity hash`);

const out = html
  .replace(preload, "")
  .replace(boot[0], boot[0].replace(/>$/, ` data-tracecheck-wasm-integrity="${integrity}">`));
writeFileSync(file, out);
console.log(`wasm-integrity: ${wasm} ${integrity} (preload dropped)`);

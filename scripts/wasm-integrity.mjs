// Trunk post-build step (scripts/post-build.mjs): the integrity hashes of
// the builds of the widget, written onto the boot <script> for
// assets/boot.js, which loads one of them (after the banner build, on a
// product's address):
//
// - the whole widget, Trunk's main Rust link: its .wasm hash moves from
//   Trunk's `<link rel="preload" as="fetch" integrity=…>` to
//   `data-tracecheck-wasm-integrity`, and its JS module's from Trunk's
//   `<link rel="modulepreload" integrity=…>` to `data-tracecheck-js-integrity`;
//   both links are dropped. A preload would download the whole widget on
//   a page that loads the verify build, and WebKit never hands a
//   `preload as=fetch` to fetch() (it would download the file twice);
//   boot.js fetches the .wasm with its hash and preloads the JS module it
//   chose with its own.
// - the verify build (src/pages/set.rs), built by Trunk as a worker-type
//   link so that it is not injected into the page, and so unhashed: its two
//   files get a content hash in their names (cached like the others, for a
//   year, by tracecheck serve and the service worker), and their names and
//   hashes go into `data-tracecheck-verify-{js,wasm}{,-integrity}`.
// - the banner build (src/banner), the same way, into
//   `data-tracecheck-banner-{js,wasm}{,-integrity}`.
//
// Fails the build when the tags or files are not where expected, so that a
// Trunk upgrade cannot silently drop a check.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/wasm-integrity.mjs
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");

const boot = /<script\b[^>]*\bdata-tracecheck-wasm="([^"]+)"[^>]*>/.exec(html);
if (!boot) throw new Error(`${file}: no <script data-tracecheck-wasm> (see Trunk.toml pattern_script)`);
const wasm = boot[1];
const js = /\bdata-tracecheck-js="([^"]+)"/.exec(boot[0])?.[1];
if (!js) throw new Error(`${file}: the boot <script> has no data-tracecheck-js`);

/** Trunk's one `<link rel=…>` for `href`, and the integrity hash it carries. */
function takeLink(rel, href) {
  const links = [...html.matchAll(/<link\b[^>]*>/g)].filter(([tag]) => tag.includes(`rel="${rel}"`) && tag.includes(`href="${href}"`));
  if (links.length !== 1) throw new Error(`${file}: expected one <link rel="${rel}" href="${href}">, found ${links.length}`);
  const [tag] = links[0];
  const integrity = /\bintegrity="(sha(?:256|384|512)-[A-Za-z0-9+/=]+)"/.exec(tag)?.[1];
  if (!integrity) throw new Error(`${file}: the ${rel} of ${href} has no integrity hash`);
  html = html.replace(tag, "");
  return integrity;
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

const wasmIntegrity = takeLink("preload", wasm);
const jsIntegrity = takeLink("modulepreload", js);

// The verify and banner builds, each renamed with a hash of its two files.
const base = js.slice(0, js.lastIndexOf("/") + 1);

/** Renames build `name`'s files with their hash; its boot attributes. */
function hashBuild(name, attribute) {
  const jsFile = join(dir, `${name}.js`);
  const wasmFile = join(dir, `${name}_bg.wasm`);
  for (const f of [jsFile, wasmFile]) {
    if (!existsSync(f)) throw new Error(`${f}: missing (index.html's ${name} link)`);
  }
  const wasmBytes = readFileSync(wasmFile);
  let jsText = readFileSync(jsFile, "utf8");
  const hash = createHash("sha256").update(wasmBytes).update(jsText).digest("hex").slice(0, 16);
  const hashed = `${name}-${hash}`;
  // wasm-bindgen's default path for the .wasm (boot.js passes its own Response).
  jsText = jsText.replaceAll(`${name}_bg.wasm`, `${hashed}_bg.wasm`);
  writeFileSync(join(dir, `${hashed}.js`), jsText);
  renameSync(wasmFile, join(dir, `${hashed}_bg.wasm`));
  unlinkSync(jsFile);
  return [
    `data-tracecheck-${attribute}-js="${base}${hashed}.js"`,
    `data-tracecheck-${attribute}-js-integrity="${sri(Buffer.from(jsText, "utf8"))}"`,
    `data-tracecheck-${attribute}-wasm="${base}${hashed}_bg.wasm"`,
    `data-tracecheck-${attribute}-wasm-integrity="${sri(wasmBytes)}"`,
  ];
}

const attributes = [
  `data-tracecheck-js-integrity="${jsIntegrity}"`,
  `data-tracecheck-wasm-integrity="${wasmIntegrity}"`,
  ...hashBuild("tracecheck-verify", "verify"),
  ...hashBuild("tracecheck-banner", "banner"),
].join(" ");
html = html.replace(boot[0], boot[0].replace(/>$/, ` ${attributes}>`));
writeFileSync(file, html);
console.log(`wasm-integrity: ${wasm} ${wasmIntegrity}; verify and banner builds hashed (preloads dropped)`);

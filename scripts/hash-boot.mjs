// Trunk post-build step (scripts/post-build.mjs): gives the boot loader a
// name that carries a hash of its content, `boot-<16 hex>.js`, and points
// index.html at it. Trunk copies assets/boot.js as it is (`copy-file` does
// not hash), so under its plain name a browser had to ask the server again
// on every visit (`no-cache`): one more round trip before the WebAssembly
// could start, about 0.56 s on Slow 4G (docs/performance.md). The hashed
// copy is cached for a year like Trunk's own hashed files (`tracecheck
// serve`, nginx.rs, the service worker all treat `-<12+ hex>.js` so);
// boot.js stays beside it for pages cached before.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/hash-boot.mjs
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const page = join(dir, "index.html");
const html = readFileSync(page, "utf8");
const tag = /<script\b[^>]*\bsrc="([^"]*\/)boot\.js"[^>]*>/.exec(html);
if (!tag) throw new Error(`${page}: no <script src=".../boot.js"> (see Trunk.toml pattern_script)`);
const hash = createHash("sha256").update(readFileSync(join(dir, "boot.js"))).digest("hex").slice(0, 16);
const name = `boot-${hash}.js`;
copyFileSync(join(dir, "boot.js"), join(dir, name));
writeFileSync(page, html.replace(tag[0], tag[0].replace(`${tag[1]}boot.js"`, `${tag[1]}${name}"`)));
console.log(`hash-boot: ${tag[1]}${name}`);

// Trunk post-build step (scripts/post-build.mjs, the last one):
// writes a brotli copy (`<file>.br`, quality 11) beside each built file
// that compresses well — the widget's WebAssembly and JS, the stylesheet,
// the decoder worker's files. `tracecheck serve` sends the copy to a
// browser that accepts `br` (crates/tracecheck-cli/src/serve/compress.rs);
// nginx can with the ngx_brotli module's `brotli_static on`. Brotli's best
// level takes seconds for the 1 MB WebAssembly, so it is done here, once,
// and never per request. index.html is left out: the server writes the
// early requests into it for each answer.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/precompress.mjs
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const COMPRESSIBLE = /\.(wasm|js|mjs|css|svg|webmanifest)$/;
const MIN_SIZE = 1024;

let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  const file = join(dir, name);
  if (!COMPRESSIBLE.test(name) || !statSync(file).isFile()) continue;
  const body = readFileSync(file);
  if (body.length < MIN_SIZE) continue;
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(name) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${file}.br`, br);
  before += body.length;
  after += br.length;
}
console.log(`precompress: ${before} B → ${after} B brotli in ${dir}`);

// The barcode benchmark (run through scripts/bench-barcodes.sh). Each image
// is decoded to RGBA once (the `image` crate in the same wasm module); the
// same pixels then go to each reader in turn, on one thread, timed with
// performance.now():
//   - tracecheck: the one pipeline a photo gets (EAN/UPC, DataMatrix, then QR)
//   - zxing-wasm (ZXing-C++) asked for EAN-13, EAN-8, UPC-A, UPC-E, DataMatrix
//     (its UPC texts put back in ZXing's corpus form: zxingText below)
// A read is "ok" when one of the reader's texts equals the .txt; "wrong"
// when it read something else.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, extname, basename } from "node:path";
import { performance } from "node:perf_hooks";
import { loadZxing } from "./zxing-offline.mjs";

const [corpus, pipelinePath, ...flags] = process.argv.slice(2);
const listEach = flags.includes("--list");
const require = createRequire(import.meta.url);

const ours = require(join(process.cwd(), pipelinePath));
const { zxing, version: zxingVersion } = await loadZxing("bench-barcodes");
const ZXING_FORMATS = ["EAN13", "EAN8", "UPCA", "UPCE", "DataMatrix"];
// zxing-cpp 3 reports a UPC-A as the EAN-13 it is (format EAN13, a leading
// 0) and a UPC-E as its 13-digit GTIN; ZXing's corpus (and our reader) gives
// UPC-A's 12 digits and UPC-E's 8. Back to those: an EAN-13 starting with 0
// without that 0, a UPC-E as the original value zxing-cpp keeps in `extra`.
function zxingText(r) {
  if (r.format === "EAN13" && /^0\d{12}$/.test(r.text)) return r.text.slice(1);
  if (r.format === "UPCE") {
    try { const original = JSON.parse(r.extra || "{}").UPCE; if (original) return original; } catch {}
  }
  return r.text;
}

const IMAGE = new Set([".png", ".jpg", ".jpeg", ".webp"]);
function listSets(root) {
  const sets = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
  return sets.map((set) => ({
    set,
    images: readdirSync(join(root, set))
      .filter((f) => IMAGE.has(extname(f).toLowerCase()))
      .filter((f) => existsSync(join(root, set, basename(f, extname(f)) + ".txt")))
      .sort()
      .map((f) => ({ file: join(set, f), expected: join(set, basename(f, extname(f)) + ".txt") })),
  }));
}

const readers = {
  tracecheck: async ({ width, height, rgba }) =>
    Array.from(ours.scanBarcodesRgba(width, height, rgba), (code) => code.text),
  "zxing-wasm": async ({ width, height, rgba }) =>
    (await zxing.readBarcodes(
      { width, height, data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength) },
      { formats: ZXING_FORMATS, maxNumberOfSymbols: 4 },
    )).filter((r) => r.isValid).map(zxingText),
};

const sets = listSets(corpus);
const total = Object.fromEntries(Object.keys(readers).map((n) => [n, { ok: 0, wrong: 0, n: 0, ms: [] }]));
const rows = [];
const first = sets.find((s) => s.images.length)?.images[0];
if (first) {
  const warm = ours.decodeImage(readFileSync(join(corpus, first.file)));
  for (const read of Object.values(readers)) await read(warm);
}
for (const { set, images } of sets) {
  const stats = Object.fromEntries(Object.keys(readers).map((n) => [n, { ok: 0, wrong: 0, n: 0, ms: [], wrongFiles: [] }]));
  for (const { file, expected } of images) {
    const want = readFileSync(join(corpus, expected), "utf8");
    let pixels;
    try {
      pixels = ours.decodeImage(readFileSync(join(corpus, file)));
    } catch (error) {
      console.error(`bench-barcodes: ${file}: ${error}`);
      continue;
    }
    const line = [file];
    for (const [name, read] of Object.entries(readers)) {
      const started = performance.now();
      let texts;
      try { texts = await read(pixels); } catch (error) { texts = []; console.error(`${name} threw on ${file}: ${error}`); }
      const ms = performance.now() - started;
      for (const s of [stats[name], total[name]]) {
        s.n++;
        s.ms.push(ms);
        if (texts.includes(want)) s.ok++;
        else if (texts.length) s.wrong++;
      }
      if (!texts.includes(want) && texts.length) stats[name].wrongFiles.push(`${file} (${JSON.stringify(texts)})`);
      line.push(`${name}=${texts.includes(want) ? "ok" : texts.length ? "WRONG" : "-"}(${ms.toFixed(1)}ms)`);
    }
    if (listEach) console.log(line.join(" "));
  }
  rows.push({ set, stats });
}

const median = (xs) => { if (!xs.length) return 0; const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const max = (xs) => xs.reduce((a, b) => Math.max(a, b), 0);
const cell = (s) => `${s.ok}/${s.n} | ${s.wrong} | ${median(s.ms).toFixed(1)} | ${max(s.ms).toFixed(1)}`;
const names = Object.keys(readers);
console.log(`corpus: ${corpus}; node ${process.versions.node}; zxing-wasm ${zxingVersion} (${ZXING_FORMATS.join(", ")})`);
console.log(`| set | ${names.map((n) => `${n} read | wrong | median ms | max ms`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---|---|---|---").join("|")}|`);
for (const { set, stats } of rows) console.log(`| ${set} | ${names.map((n) => cell(stats[n])).join(" | ")} |`);
console.log(`| **all** | ${names.map((n) => cell(total[n])).join(" | ")} |`);
for (const { stats } of rows) {
  for (const n of names) if (stats[n].wrongFiles.length) console.log(`${n} wrong on: ${stats[n].wrongFiles.join(", ")}`);
}

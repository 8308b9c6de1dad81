// The scanning benchmark (run through scripts/bench-scan.sh, which builds
// the pipeline for Node). Each image file is decoded to RGBA once (by the
// `image` crate in the same wasm module); the same pixels then go to each
// reader in turn, on one thread, timed with performance.now():
//   - tracecheck: rqrr plus our pipeline (attempts until one reads), RGBA->luma included
//   - zxing-wasm (ZXing-C++), QR only, RGBA->luma included (it does its own)
//   - jsQR, with inversion attempts (its default)
// A reader is "correct" when one of its texts equals the .txt byte for byte.
// Printed: correct, wrong, nothing, mean, median and max ms per reader, then
// the same per category (first sub-folder, else file name up to its last "-").
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, extname, basename } from "node:path";
import { performance } from "node:perf_hooks";
import { loadZxing } from "./zxing-offline.mjs";

const [corpus, pipelinePath, ...flags] = process.argv.slice(2);
const listEach = flags.includes("--list");
const require = createRequire(import.meta.url);

const ours = require(join(process.cwd(), pipelinePath));
const { zxing, version: zxingVersion } = await loadZxing("bench-scan");
const jsQR = require("jsqr");
const jsqrVersion = require("jsqr/package.json").version;

const shiftJis = new TextDecoder("shift_jis", { fatal: true });
const utf8 = new TextDecoder("utf-8", { fatal: true });
// Our payloads to text, as the decoder worker does it (see src/platform/decoder_worker.rs).
function ourText(bytes) {
  try { return utf8.decode(bytes); } catch {}
  if (isShiftJis(bytes)) { try { return shiftJis.decode(bytes); } catch {} }
  return String.fromCharCode(...bytes);
}
function isShiftJis(b) {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c <= 0x7f || (c >= 0xa1 && c <= 0xdf)) i += 1;
    else if ((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc)) {
      const t = b[i + 1];
      if (t === undefined || !((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfc))) return false;
      i += 2;
    } else return false;
  }
  return true;
}

const IMAGE = new Set([".png", ".jpg", ".jpeg", ".webp"]);
function listImages(root) {
  const manifest = join(root, "MANIFEST.tsv");
  if (existsSync(manifest)) {
    return readFileSync(manifest, "utf8").split("\n").slice(1).filter(Boolean)
      .map((line) => line.split("\t")).map(([file, expected]) => ({ file, expected }));
  }
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (IMAGE.has(extname(entry.name).toLowerCase())) {
        const expected = join(dir, basename(entry.name, extname(entry.name)) + ".txt");
        if (existsSync(join(root, expected))) found.push({ file: rel, expected });
      }
    }
  };
  walk("");
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

const crashes = [];
const readers = {
  tracecheck: async ({ width, height, rgba }) => {
    // Like the page with its worker: after a decoder panic, resume with the next attempt.
    let attempt = 0;
    for (;;) {
      try {
        return Array.from(ours.scanRgba(width, height, rgba, attempt, (k) => { attempt = k; }), ourText);
      } catch (error) {
        crashes.push(`attempt ${attempt}: ${error}`);
        attempt += 1;
      }
    }
  },
  "zxing-wasm": async ({ width, height, rgba }) =>
    (await zxing.readBarcodes({ width, height, data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength) },
      { formats: ["QRCode"], maxNumberOfSymbols: 1 })).filter((r) => r.isValid).map((r) => r.text),
  jsQR: async ({ width, height, rgba }) => {
    const found = jsQR(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height);
    return found ? [found.data] : [];
  },
};

// A picture's category: its first folder, else its name up to the last "-".
function category(file) {
  const parts = file.split("/");
  if (parts.length > 1) return parts[0];
  const stem = basename(file, extname(file));
  const cut = stem.lastIndexOf("-");
  return cut > 0 ? stem.slice(0, cut) : stem;
}

const images = listImages(corpus);
const fresh = () => Object.fromEntries(Object.keys(readers).map((n) => [n, { correct: 0, wrong: 0, nothing: 0, ms: [], wrongFiles: [] }]));
const stats = fresh();
const byCategory = new Map();
// One untimed warm-up per reader (JIT, wasm tiering) on the first image.
if (images.length) {
  const warm = ours.decodeImage(readFileSync(join(corpus, images[0].file)));
  for (const read of Object.values(readers)) await read(warm);
}
for (const { file, expected } of images) {
  const want = readFileSync(join(corpus, expected), "utf8");
  let pixels;
  try {
    pixels = ours.decodeImage(readFileSync(join(corpus, file)));
  } catch (error) {
    console.error(`bench-scan: ${file}: ${error}`);
    continue;
  }
  const line = [file];
  const group = category(file);
  if (!byCategory.has(group)) byCategory.set(group, fresh());
  for (const [name, read] of Object.entries(readers)) {
    const started = performance.now();
    let texts;
    try { texts = await read(pixels); } catch (error) { texts = []; console.error(`${name} threw on ${file}: ${error}`); }
    const ms = performance.now() - started;
    for (const s of [stats[name], byCategory.get(group)[name]]) {
      s.ms.push(ms);
      if (texts.includes(want)) s.correct++;
      else if (texts.length) { s.wrong++; s.wrongFiles.push(file); }
      else s.nothing++;
    }
    line.push(`${name}=${texts.includes(want) ? "ok" : texts.length ? "WRONG" : "-"}(${ms.toFixed(1)}ms)`);
  }
  if (crashes.length) line.push(`(tracecheck decoder panics, resumed: ${crashes.splice(0).join("; ")})`);
  if (listEach || line.at(-1).startsWith("(")) console.log(line.join(" "));
}

const median = (xs) => { if (!xs.length) return 0; const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const max = (xs) => xs.reduce((a, b) => Math.max(a, b), 0);
console.log(`corpus: ${corpus} (${images.length} images); node ${process.versions.node}; zxing-wasm ${zxingVersion}; jsQR ${jsqrVersion}`);
console.log("| reader | correct | wrong | nothing | mean ms | median ms | max ms |");
console.log("|---|---|---|---|---|---|---|");
for (const [name, s] of Object.entries(stats)) {
  const total = s.correct + s.wrong + s.nothing;
  console.log(`| ${name} | ${s.correct}/${total} (${(100 * s.correct / Math.max(1, total)).toFixed(1)}%) | ${s.wrong} | ${s.nothing} | ${mean(s.ms).toFixed(2)} | ${median(s.ms).toFixed(2)} | ${max(s.ms).toFixed(1)} |`);
}
// Per category: read/total (wrong), median and max ms for each reader.
const names = Object.keys(readers);
console.log("");
console.log(`| category | n | ${names.map((n) => `${n} read (wrong) | ${n} median / max ms`).join(" | ")} |`);
console.log(`|---|---|${names.map(() => "---|---").join("|")}|`);
for (const [group, per] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
  const n = per[names[0]].ms.length;
  const cells = names.map((name) => {
    const s = per[name];
    return `${s.correct}/${n} (${s.wrong}) | ${median(s.ms).toFixed(2)} / ${max(s.ms).toFixed(1)}`;
  });
  console.log(`| ${group} | ${n} | ${cells.join(" | ")} |`);
}
for (const [name, s] of Object.entries(stats)) {
  if (s.wrongFiles.length) console.log(`${name} wrong on: ${s.wrongFiles.join(", ")}`);
}

// zxing-wasm for the benchmarks (bench-scan.mjs, bench-barcodes.mjs): its
// reader loaded from node_modules, never from its default CDN, with every
// other fetch refused, so a benchmark never touches the network.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";

/// `{ zxing, version }`: the prepared reader module and its package version.
/// `name` labels the refused-fetch error with the calling script.
export async function loadZxing(name) {
  globalThis.fetch = async (url) => {
    throw new Error(`${name}: unexpected fetch of ${url}`);
  };
  const require = createRequire(import.meta.url);
  const zxing = await import("zxing-wasm/reader");
  // The package root, from its CommonJS entry (dist/cjs/reader/index.js).
  const root = join(dirname(require.resolve("zxing-wasm/reader")), "../../..");
  const wasm = join(root, "dist/reader/zxing_reader.wasm");
  await zxing.prepareZXingModule({
    overrides: {
      wasmBinary: readFileSync(wasm),
      locateFile: (file) => join(dirname(wasm), file),
    },
    fireImmediately: true,
  });
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  return { zxing, version };
}

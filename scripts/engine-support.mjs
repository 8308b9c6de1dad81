// What each browser engine of the test suite offers the widget: opens the
// built app (served by the release CLI) in Chromium, Firefox ESR and
// WebKitGTK and prints, per engine, which optional APIs exist. The table in
// docs/browsers.md comes from this script's output.
//
//   cargo build --release -p tracecheck-cli && trunk build --release
//   node scripts/engine-support.mjs
import { ALL_ENGINES, launch, startServer } from "../tests/e2e/harness.mjs";

/** Runs in the page: one entry per API the widget looks for. */
function probe() {
  const has = (value) => (value ? "yes" : "no");
  const video = document.createElement("video");
  return {
    "version (user agent)": navigator.userAgent.replace(/^.*\) /, ""),
    WebAssembly: has(typeof WebAssembly === "object"),
    "widget started": has(Boolean(window.wasmBindings)),
    "navigator.vibrate": has(typeof navigator.vibrate === "function"),
    "navigator.userActivation": has(typeof navigator.userActivation === "object"),
    BarcodeDetector: has(typeof window.BarcodeDetector === "function"),
    ImageCapture: has(typeof window.ImageCapture === "function"),
    OffscreenCanvas: has(typeof window.OffscreenCanvas === "function"),
    createImageBitmap: has(typeof window.createImageBitmap === "function"),
    "canvas.captureStream": has(typeof HTMLCanvasElement.prototype.captureStream === "function"),
    "video playsInline": has("playsInline" in video),
    "mediaDevices.getUserMedia": has(typeof navigator.mediaDevices?.getUserMedia === "function"),
    "getSupportedConstraints torch/zoom/focusMode": (() => {
      const c = navigator.mediaDevices?.getSupportedConstraints?.() ?? {};
      return ["torch", "zoom", "focusMode"].map((k) => `${k} ${has(c[k])}`).join(", ");
    })(),
    "Permissions API (camera query)": typeof navigator.permissions?.query === "function" ? "yes" : "no",
    "navigator.storage.estimate": has(typeof navigator.storage?.estimate === "function"),
    "navigator.serviceWorker": has(typeof navigator.serviceWorker === "object"),
    localStorage: (() => {
      try {
        localStorage.setItem("tracecheck.probe", "1");
        localStorage.removeItem("tracecheck.probe");
        return "yes";
      } catch {
        return "throws";
      }
    })(),
    ResizeObserver: has(typeof window.ResizeObserver === "function"),
    "link rel=modulepreload": has(document.createElement("link").relList.supports("modulepreload")),
  };
}

const server = await startServer();
const rows = new Map();
try {
  for (const engine of ALL_ENGINES) {
    const browser = await launch(engine, { server });
    try {
      const page = await browser.page();
      await page.goto(`${server.base}/`);
      await page.waitFor("h1");
      const permission = await page.evaluate(async () => {
        try {
          return (await navigator.permissions.query({ name: "camera" })).state;
        } catch (error) {
          return `rejects (${error.name})`;
        }
      });
      const found = await page.evaluate(probe);
      found["Permissions API (camera query)"] = found["Permissions API (camera query)"] === "yes" ? `yes: ${permission}` : "no";
      for (const [api, value] of Object.entries(found)) {
        if (!rows.has(api)) rows.set(api, {});
        rows.get(api)[engine] = value;
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
console.log(`| API | ${ALL_ENGINES.join(" | ")} |`);
console.log(`|---|${ALL_ENGINES.map(() => "---").join("|")}|`);
for (const [api, values] of rows) console.log(`| ${api} | ${ALL_ENGINES.map((e) => values[e] ?? "?").join(" | ")} |`);

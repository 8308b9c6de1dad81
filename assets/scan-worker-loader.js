// tracecheck decoder worker loader (the Worker's script, same origin, so it
// runs under the page's CSP `worker-src 'self'`). Trunk builds the worker
// unhashed as scan-worker.js + scan-worker_bg.wasm (wasm-bindgen
// "no-modules", which defines the global `wasm_bindgen`); this file replaces
// Trunk's data-loader-shim, which passes the wasm path in the deprecated form.
importScripts("./scan-worker.js");
wasm_bindgen({ module_or_path: "./scan-worker_bg.wasm" });

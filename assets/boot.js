// tracecheck boot loader: replaces Trunk's inline <script type="module"> so
// that the page runs under a CSP without 'unsafe-inline' (see Trunk.toml,
// `pattern_script`). Trunk writes the hashed file names of the wasm-bindgen
// JS module and the .wasm into data attributes of the <script> that loads
// this file; it does the same as Trunk's default loader.
const tag = document.querySelector("script[data-tracecheck-js][data-tracecheck-wasm]");
if (!tag) {
  throw new Error("tracecheck boot: missing <script data-tracecheck-js data-tracecheck-wasm>");
}
const bindings = await import(tag.dataset.tracecheckJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.tracecheckWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

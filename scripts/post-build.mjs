// Trunk's post-build hook (Trunk.toml [[hooks]]): the steps in order.
// Trunk starts all the hooks of one stage at once, so steps that depend on
// each other must be one hook: the text files are minified, their
// integrity hashes go onto the boot loader's tag, then the loader and the
// stylesheet go inside index.html (the three steps rewrite it); the brotli
// copies come last.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/post-build.mjs
await import("./minify.mjs");
await import("./wasm-integrity.mjs");
await import("./inline-head.mjs");
await import("./precompress.mjs");

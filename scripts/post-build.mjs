// Trunk's post-build hook (Trunk.toml [[hooks]]): the steps in order.
// Trunk starts all the hooks of one stage at once, so steps that depend on
// each other must be one hook: the integrity hash and the boot loader's
// hashed name both rewrite index.html, and the brotli copies include that
// hashed loader.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/post-build.mjs
await import("./wasm-integrity.mjs");
await import("./hash-boot.mjs");
await import("./precompress.mjs");

// Trunk post-build step (scripts/post-build.mjs): puts the stylesheet and the
// boot loader into index.html itself, each allowed by its own hash in the
// page's Content-Security-Policy (`'sha256-…'` in style-src and script-src;
// still no 'unsafe-inline'). Each was one more round trip before the page
// could paint or the WebAssembly could start: on Slow 4G about 0.56 s each
// (docs/performance.md). The files stay in dist/ for pages cached before.
//
// `tracecheck serve` and the nginx configuration copy these hashes from the
// page's <meta> into their CSP header (crates/tracecheck-cli/src/serve/csp.rs),
// since a browser enforces both policies.
//
//   run by `trunk build` with TRUNK_STAGING_DIR set; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/inline-head.mjs
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");

/** The file a same-origin absolute path names in dist/. */
const fileOf = (href) => {
  if (!/^\/[A-Za-z0-9._-]+$/.test(href)) throw new Error(`${page}: cannot inline ${href} (not a file at the root)`);
  return readFileSync(join(dir, href.slice(1)), "utf8");
};

/** CSP source for exactly `text` as an inline element's content. */
const hashSource = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Refuses content that would end its element early or change how it parses. */
const checkInlinable = (text, element) => {
  if (new RegExp(`</${element}|<!--`, "i").test(text)) throw new Error(`${page}: cannot inline: the ${element} contains </${element} or <!--`);
};

// The stylesheet: Trunk's <link rel="stylesheet" href="/app-<hash>.css" integrity=…>.
const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)];
if (sheets.length !== 1) throw new Error(`${page}: expected one <link rel="stylesheet">, found ${sheets.length}`);
const sheetTag = sheets[0][0];
const css = fileOf(/\bhref="([^"]+)"/.exec(sheetTag)?.[1] ?? "");
checkInlinable(css, "style");
html = html.replace(sheetTag, () => `<style>${css}</style>`);

// The boot loader: <script src="/boot.js" data-tracecheck-…> (classic: it runs
// where it stands, before the rest of the page is parsed).
const boot = /<script\b([^>]*)\bsrc="([^"]*boot[^"]*\.js)"([^>]*)><\/script>/.exec(html);
if (!boot) throw new Error(`${page}: no <script src=".../boot.js"> (see Trunk.toml pattern_script)`);
const loader = fileOf(boot[2]);
checkInlinable(loader, "script");
html = html.replace(boot[0], () => `<script${boot[1].trimEnd()}${boot[3]}>${loader}</script>`);

// Their hashes into the <meta> CSP.
const meta = /(<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*\bcontent=")([^"]*)(")/.exec(html);
if (!meta) throw new Error(`${page}: no Content-Security-Policy <meta>`);
const addSource = (policy, directive, source) => {
  const found = new RegExp(`(^|;)(\\s*${directive}\\b[^;]*)`).exec(policy);
  if (!found) throw new Error(`${page}: the CSP has no ${directive}`);
  return policy.replace(found[0], `${found[1]}${found[2].trimEnd()} ${source}`);
};
let policy = addSource(meta[2], "style-src", hashSource(css));
policy = addSource(policy, "script-src", hashSource(loader));
html = html.replace(meta[0], () => `${meta[1]}${policy}${meta[3]}`);

writeFileSync(page, html);
console.log(`inline-head: ${css.length} B of CSS and ${loader.length} B of boot loader in index.html`);

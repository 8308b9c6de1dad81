// tracecheck service worker: the app works offline and says how old the data
// it verified against is.
//
// - The app shell (index.html and the hashed JS, WASM and CSS it names:
//   both builds of the widget, src/pages/set.rs) is cached at install;
//   navigations are network-first with the shell as the fallback, so /,
//   /01/…, ?code=, /kiosk and /embed all open offline.
// - Hashed assets are cache-first (their names change when they do); other
//   files of the app (boot.js, the manifest, icons) network-first.
// - Data (config, trust list, status lists, linksets, credentials) is
//   network-first; each good answer is kept with the time it was fetched,
//   and when the network fails the kept copy is served with the header
//   `X-Tracecheck-Cached-At: <ms since 1970>`, which the widget shows as the
//   data's age. Revocation data past its own validUntil is judged by the
//   verifier (Caution), not here.
const VERSION = "tracecheck-6";
const SHELL = `${VERSION}-shell`;
const DATA = `${VERSION}-data`;
const FETCHED_AT = "X-Tracecheck-Fetched-At";

self.addEventListener("install", (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (!name.startsWith(VERSION)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function precacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch("/", { cache: "no-cache" });
  if (!response.ok) return;
  const html = await response.clone().text();
  if (!isAppShell(html)) return;
  await cache.put("/", response);
  const named = [...html.matchAll(/(?:href|src|data-tracecheck(?:-verify|-banner)?-(?:js|wasm))="(\/[^"/][^"]*)"/g)].map((m) => m[1]);
  // The QR decoder worker loads on the first scan; keep it for offline scanning too.
  const worker = ["/scan-worker-loader.js", "/scan-worker.js", "/scan-worker_bg.wasm"];
  const assets = new Set([...named, ...worker, "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg"]);

  await Promise.all([...assets].map((url) => cache.add(url).catch(() => undefined)));
}

// The app shell is the page that boots the widget: index.html names its
// WASM in a data-tracecheck-wasm attribute (see scripts/wasm-integrity.mjs).
function isAppShell(html) {
  return /data-tracecheck-wasm="\//.test(html);
}

function isHashedAsset(url) {
  return /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/.test(url.pathname);
}

function isData(request) {
  const accept = request.headers.get("Accept") || "";
  return /json|linkset|vc\+|vc,|jwt/.test(accept) || /\.json$/.test(new URL(request.url).pathname);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && url.origin === location.origin) {
    event.respondWith(navigation(request));
  } else if (url.origin === location.origin && isHashedAsset(url)) {
    event.respondWith(cacheFirst(request));
  } else if (isData(request) && (url.origin === location.origin || url.protocol === "https:")) {
    event.respondWith(networkFirst(request, DATA));
  } else if (url.origin === location.origin) {
    // boot.js, the manifest, icons: fresh when online, kept for offline.
    event.respondWith(networkFirst(request, SHELL));
  }
});

async function navigation(request) {
  try {
    const response = await fetch(request);
    // A newer shell for next time (the server answers every app path with
    // it). Only the app's own page counts: /demo, /retailer/ and any other
    // HTML on this origin must never become what every address opens offline.
    if (response.ok && response.headers.get("Content-Type")?.startsWith("text/html")) {
      const copy = response.clone();
      const html = await copy.clone().text().catch(() => "");
      if (isAppShell(html)) {
        await caches
          .open(SHELL)
          .then((cache) => cache.put("/", copy))
          .catch(() => undefined); // quota: no newer shell this time
      }
    }
    return response;
  } catch (offline) {
    const shell = await caches.match("/", { cacheName: SHELL });
    if (shell) return shell;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches
      .open(SHELL)
      .then((cache) => cache.put(request, copy))
      .catch(() => undefined); // quota: served, not kept
  }
  return response;
}

// Keeping a copy may fail (storage quota full, Safari private browsing):
// the answer from the network is then used without one, never lost.
async function keep(cache, url, response) {
  try {
    const headers = new Headers(response.headers);
    headers.set(FETCHED_AT, String(Date.now()));
    const body = await response.arrayBuffer();
    await cache.put(url, new Response(body, { status: response.status, headers }));
  } catch {
    // no offline copy this time
  }
}

// The page's CSP (`connect-src 'self' https:`) is what a data request may
// reach, on every redirect hop. This worker's own fetches follow its
// script's CSP header where the engine applies one, and this check where
// it does not: an answer that came from outside the policy is refused.
function inPolicy(url) {
  const target = new URL(url);
  return target.origin === location.origin || target.protocol === "https:";
}

// A fetch that failed because a redirect was refused is not "offline": the
// kept copy must not stand in for what the resolver now answers.
async function refusedRedirect(request) {
  try {
    const probe = await fetch(request, { redirect: "manual" });
    return probe.type === "opaqueredirect";
  } catch {
    return false;
  }
}

async function fetchInPolicy(request) {
  const response = await fetch(request);
  if (response.redirected && !inPolicy(response.url)) return Response.error();
  return response;
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName).catch(() => null);
  if (!cache) return fetchInPolicy(request);
  try {
    const response = await fetchInPolicy(request);
    if (response.ok) await keep(cache, request.url, response.clone());
    return response;
  } catch (offline) {
    if (await refusedRedirect(request)) return Response.error();
    const kept = await cache.match(request.url);
    if (!kept) throw offline;
    const headers = new Headers(kept.headers);
    headers.set("X-Tracecheck-Cached-At", kept.headers.get(FETCHED_AT) || "0");
    return new Response(await kept.arrayBuffer(), { status: kept.status, headers });
  }
}

// tracecheck boot loader: replaces Trunk's inline <script type="module"> so
// that the page runs under a CSP without 'unsafe-inline' (see Trunk.toml,
// `pattern_script`). Trunk writes the hashed file names of the wasm-bindgen
// JS module and the .wasm into data attributes of the <script> that loads
// this file, and scripts/wasm-integrity.mjs (a Trunk post-build hook) adds
// their SRI hashes and those of the verify build.
//
// 1. Which build: a product's address and the badge load the verify build
//    (src/pages/set.rs: the widget without the scanner and the kiosk, about
//    10% fewer bytes); every other page the whole widget. There the
//    banner build (src/banner: the verdict alone, no Yew) loads and draws
//    the verdict first, then the verify build.
// 2. Its .wasm is fetched here, first thing, with its integrity, and the
//    Response handed to wasm-bindgen's init (whose own fetch() would check
//    no hash); its JS module is preloaded with its own integrity, then
//    imported. There is no <link rel="preload"> for the .wasm in the page:
//    WebKit never hands a `preload as=fetch` to fetch() and would download
//    the file twice, and the page does not know which build it needs.
//    The data the first verification needs is asked for right after
//    (startEarlyRequests), so its round trips overlap the download.
//    A classic script, not a module: a module waits for the whole page to
//    be parsed (stylesheet and app shell included), which on a slow phone
//    held the download back by about 0.2 s (docs/performance.md). What
//    needs the page's body (the shell's language, the failure box, the
//    widget itself) waits for it here instead.
// 3. Any failure — no WebAssembly (iOS Lockdown Mode), an engine without
//    the features the binary needs, a failed download or hash — shows the
//    page's own explanation (#boot-failed in index.html, both languages)
//    with a link to the code's record where the address names one, instead
//    of a blank page.
(() => {
  "use strict";

  const tag = document.querySelector("script[data-tracecheck-js][data-tracecheck-wasm]");

  /** How long the widget waits for the banner build's verdict before loading anyway. */
  const BANNER_WAIT_MS = 4000;

  /** Resolves once the page's body has been parsed. */
  const parsed = new Promise((resolve) => {
    if (document.readyState !== "loading") resolve();
    else document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  });

  /**
   * Early requests (docs/performance.md): the server names, in a data block,
   * the requests the widget's first verification will make — its own paths,
   * each with the `Accept` the widget sends. Started here, all at once, they
   * arrive while the WebAssembly downloads; the widget takes each answer once
   * (src/platform/early.rs) and checks it as one it fetched itself. A path
   * that resolves off this origin is skipped; a failed or unused one costs
   * nothing but its bytes.
   */
  function startEarlyRequests() {
    const early = new Map();
    window.tracecheckEarly = early;
    const block = document.getElementById("tracecheck-early");
    let wanted;
    try {
      wanted = JSON.parse(block?.textContent ?? "[]");
    } catch {
      return;
    }
    if (!Array.isArray(wanted)) return;
    for (const pair of wanted.slice(0, 24)) {
      if (!Array.isArray(pair) || typeof pair[0] !== "string" || typeof pair[1] !== "string") continue;
      let url;
      try {
        url = new URL(pair[0], location.origin);
      } catch {
        continue;
      }
      if (url.origin !== location.origin || !pair[0].startsWith("/")) continue;
      // The widget's own limit per request (8 s): a hung answer frees its slot.
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), 8000);
      const answer = fetch(url.href, { headers: { Accept: pair[1] }, signal: stop.signal });
      answer.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
      early.set(`${pair[1]}\n${url.href}`, answer);
    }
  }

  /** Why the widget could not start, as #boot-failed's `data-reason` names it. */
  function reasonOf(error) {
    if (typeof WebAssembly !== "object") return "unsupported";
    if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError || error instanceof WebAssembly.RuntimeError) {
      return "unsupported";
    }
    return "network";
  }

  /**
   * The code the address names, as an http(s) URL to open without the
   * widget: a Digital Link path on this server (`/01/…`) or `?code=<URL>`.
   * A code of this server opens as its linkset (`linkType=all`: the record's
   * links), since the plain address would open this page again; another
   * resolver's code opens as itself (that resolver's page for browsers).
   */
  function recordLink() {
    const here = new URL(location.href);
    const asked = here.searchParams.get("code");
    let code;
    try {
      code = asked ? new URL(asked) : /^\/01\/\d/.test(here.pathname) ? new URL(here.pathname, here.origin) : null;
    } catch {
      return null; // a typed GTIN or element string: nothing to link without the widget
    }
    if (!code || !/^https?:$/.test(code.protocol)) return null;
    if (code.origin === here.origin) code.searchParams.set("linkType", "all");
    return code.href;
  }

  /** Shows #boot-failed for `reason`; in the badge iframe, tells the host page its height. */
  function showFailure(error) {
    const reason = reasonOf(error);
    console.warn("tracecheck could not start:", reason, error);
    removeShell();
    const box = document.getElementById("boot-failed");
    if (!box) return;
    for (const part of box.querySelectorAll("[data-reason]")) part.hidden = part.dataset.reason !== reason;
    const href = recordLink();
    const link = box.querySelector("a.boot-failed-record");
    if (href && link) {
      link.href = href;
      link.closest("[hidden]")?.removeAttribute("hidden");
    }
    box.hidden = false;
    if (window.parent !== window) {
      const origin = new URL(location.href).searchParams.get("origin");
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      window.parent.postMessage({ type: "tracecheck:size", height, level: "not_verifiable" }, /^https?:\/\//.test(origin ?? "") ? origin : "*");
    }
  }

  /**
   * The app shell in the shopper's language (the widget's own choice, kept
   * under `tracecheck.lang`, or `?lang=`); in the badge iframe, only the
   * loading line (the badge has no header).
   */
  function prepareShell() {
    const shell = document.getElementById("app-shell");
    if (!shell) return;
    let lang = new URL(location.href).searchParams.get("lang");
    try {
      lang = lang ?? localStorage.getItem("tracecheck.lang");
    } catch {
      // storage blocked: the page's language
    }
    if (lang === "en") {
      for (const part of shell.querySelectorAll("[data-lang]")) part.hidden = part.dataset.lang !== "en";
      // As the widget will set it: fonts and line breaks follow the language.
      document.documentElement.lang = "en";
    }
    // The badge: no header, and the loading line drawn as the badge's own
    // "checking" box, so nothing in the frame moves when the widget takes over.
    if (location.pathname.startsWith("/embed")) {
      shell.querySelector("header")?.remove();
      shell.classList.add("in-embed");
    }
  }

  /** The widget could not start: the shell's "loading" would never end. */
  function removeShell() {
    document.getElementById("app-shell")?.remove();
  }

  /**
   * Whether this address is one the verify build serves: the same rules as
   * src/route.rs for the badge and a code to verify (`/embed`, a non-blank
   * `?code=`, a path whose first segment is a GS1 key's digits), checked
   * after the kiosk's. Where the two disagree on an odd address, the verify
   * build opens `/` afresh (src/pages/set.rs), which loads the whole widget.
   */
  function wantsVerifyBuild() {
    const path = location.pathname;
    if (path === "/kiosk" || path === "/kiosk/") return false;
    if (path === "/embed" || path === "/embed/") return true;
    if ((new URLSearchParams(location.search).get("code") ?? "").trim() !== "") return true;
    return /^\/*\d{2,}(\/|$)/.test(path);
  }

  /** The build to load: its JS module and .wasm with their integrity hashes. */
  function chooseBuild() {
    const d = tag.dataset;
    const verify = d.tracecheckVerifyJs && d.tracecheckVerifyWasm && wantsVerifyBuild();
    return verify
      ? { js: d.tracecheckVerifyJs, jsIntegrity: d.tracecheckVerifyJsIntegrity, wasm: d.tracecheckVerifyWasm, wasmIntegrity: d.tracecheckVerifyWasmIntegrity }
      : { js: d.tracecheckJs, jsIntegrity: d.tracecheckJsIntegrity, wasm: d.tracecheckWasm, wasmIntegrity: d.tracecheckWasmIntegrity };
  }

  /**
   * The banner build (src/banner), where the verify build serves (a
   * product's address, the badge): the verdict drawn before the widget, by
   * a module without Yew, about a third smaller (docs/performance.md, "the
   * banner build"). Null elsewhere, or when the page names no such build
   * or no hashes for it.
   */
  function bannerBuild() {
    const d = tag.dataset;
    if (!wantsVerifyBuild()) return null;
    if (!d.tracecheckBannerJs || !d.tracecheckBannerWasm || !d.tracecheckBannerJsIntegrity || !d.tracecheckBannerWasmIntegrity) return null;
    return { js: d.tracecheckBannerJs, jsIntegrity: d.tracecheckBannerJsIntegrity, wasm: d.tracecheckBannerWasm, wasmIntegrity: d.tracecheckBannerWasmIntegrity };
  }

  /** Starts `build`'s two downloads: its .wasm, checked against its hash, and its JS module. */
  function download(build) {
    const wasm = fetch(build.wasm, { integrity: build.wasmIntegrity }).then((response) => {
      if (!response.ok) throw new TypeError(`${build.wasm}: HTTP ${response.status}`);
      return response;
    });
    wasm.catch(() => undefined); // a failure is reported once, by whoever awaits it
    return { build, wasm, module: preloadModule(build.js, build.jsIntegrity) };
  }

  /** Runs a downloaded build: imports its JS module, then compiles and starts its .wasm. */
  async function run({ build, wasm, module }) {
    await module;
    const bindings = await import(build.js);
    // Both builds draw into the body: all of it parsed first.
    await parsed;
    const exports = await bindings.default({ module_or_path: wasm });
    return { bindings, exports };
  }

  /**
   * The banner build's verdict, first. Once its module runs (its bytes are
   * in), the widget's download starts, so that it overlaps the banner's
   * verification instead of following it; the widget itself starts once the
   * banner is drawn (or found nothing to draw), or after BANNER_WAIT_MS of
   * verifying, or at once when the banner cannot run at all. It verifies
   * the same answers again, which the banner build leaves for it.
   */
  async function bannerFirst(downloaded, build) {
    const done = new Promise((resolve) => addEventListener("tracecheck:banner", resolve, { once: true }));
    let widget;
    try {
      await run(downloaded);
      widget = download(build);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, BANNER_WAIT_MS))]);
    } catch (error) {
      console.warn("tracecheck: no banner first; the widget verifies alone", error);
    }
    return widget ?? download(build);
  }

  /** Under the banner build's verdict: the widget with the details could not start. */
  function detailsFailed(error) {
    console.warn("tracecheck: the widget could not start after its banner", error);
    const note = document.querySelector("#app-shell .shell-details-failed");
    if (!note) return;
    // After the verdict, in the shell's language.
    note.closest("#app-shell")?.append(note);
    note.hidden = false;
  }

  /** The banner build's verdict is on the page (src/platform/shell.rs). */
  function bannerShown() {
    return document.body?.classList.contains("banner-first") ?? false;
  }

  /**
   * Fetches the JS module with its hash (a `<link rel="modulepreload">`), so
   * that import() runs that file or nothing: a module that fails its hash
   * rejects here. An engine without modulepreload (Safari before 17) imports
   * it unchecked, as it would have ignored a preload in the page.
   */
  function preloadModule(href, integrity) {
    const link = document.createElement("link");
    if (!link.relList?.supports?.("modulepreload")) return Promise.resolve();
    link.rel = "modulepreload";
    link.crossOrigin = "anonymous";
    link.integrity = integrity;
    link.href = href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new TypeError(`${href}: not loaded or not matching its hash`));
    });
    document.head.append(link);
    return loaded;
  }

  async function start() {
    if (!tag) throw new Error("tracecheck boot: missing <script data-tracecheck-js data-tracecheck-wasm>");
    // Lockdown Mode and old engines: say so before downloading anything.
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      throw new ReferenceError("no WebAssembly");
    }
    const build = chooseBuild();
    // No hash, no start: an unchecked binary is never run.
    if (!build.wasmIntegrity || !build.jsIntegrity) throw new TypeError("tracecheck boot: no integrity hashes on the boot <script> (scripts/wasm-integrity.mjs)");
    const banner = bannerBuild();
    const first = download(banner ?? build);
    // After the WebAssembly's request, so the largest download starts first,
    // and in a task of its own: on a slow phone the boot script with them
    // was one task of 200 ms and more (docs/performance.md). After the
    // first paint, too (the shell shows about 0.05 s sooner, eleventh
    // pass), or after 200 ms where no frame comes (a tab in the
    // background). The widget looks for them seconds later.
    let asked = false;
    const askEarly = () => {
      if (asked) return;
      asked = true;
      startEarlyRequests();
    };
    requestAnimationFrame(() => setTimeout(askEarly, 0));
    setTimeout(askEarly, 200);
    const widget = banner ? await bannerFirst(first, build) : first;
    const { bindings, exports } = await run(widget);
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: exports } }));
  }

  parsed.then(prepareShell);
  start().catch((error) =>
    parsed.then(() => {
      // The verdict is shown: the widget's details could not follow, but
      // the verdict stays rather than giving way to "cannot start".
      if (bannerShown()) detailsFailed(error);
      else showFailure(error);
    }),
  );
})();

// Starting the widget: the WebAssembly is downloaded once per page and
// checked against its hash in every engine; a browser that cannot run it
// (no WebAssembly as in iOS Lockdown Mode, an engine without the features
// the binary needs, a failed download) gets an explanation in both
// languages and the code's record link instead of a blank page.
// Engines: Chromium, Firefox, WebKit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { forEachEngine, imagesLoaded, launch, serverAndBrowser, verdictOf } from "./harness.mjs";

const MAIN_WASM = /^\/tracecheck-web-[0-9a-f]+_bg\.wasm$/;
/** The verify build (src/pages/set.rs): a product's address and the badge. */
const VERIFY_WASM = /^\/tracecheck-verify-[0-9a-f]{16}_bg\.wasm$/;
/** The banner build (src/banner): a product's address, before the verify build. */
const BANNER_WASM = /^\/tracecheck-banner-[0-9a-f]{16}_bg\.wasm$/;
/** The .wasm files a product's address loads, in order. */
const bannerThenVerify = (wasm) => wasm.length === 2 && BANNER_WASM.test(wasm[0]) && VERIFY_WASM.test(wasm[1]);

/** The paths of the .wasm files this page's document fetched. */
const wasmFetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith(".wasm")),
  );

/** Page-side emulations of a browser that cannot start the widget. */
const withoutWebAssembly = () => {
  delete globalThis.WebAssembly;
};
const withoutAFeature = () => {
  // What an engine without, say, reference types answers for our binary.
  const refuse = () => Promise.reject(new WebAssembly.CompileError("emulated: reference types are not supported"));
  WebAssembly.instantiateStreaming = refuse;
  WebAssembly.instantiate = refuse;
  WebAssembly.compileStreaming = refuse;
  WebAssembly.compile = refuse;
};
const downloadFails = () => {
  const real = window.fetch.bind(window);
  window.fetch = (url, options) => (String(url).endsWith(".wasm") ? Promise.reject(new TypeError("emulated: network down")) : real(url, options));
};

/** A valid WebAssembly custom section ("test", empty): the module still runs, its hash differs. */
const CUSTOM_SECTION = Buffer.from([0x00, 0x05, 0x04, 0x74, 0x65, 0x73, 0x74]);

forEachEngine((engine) => {
  const env = serverAndBrowser(engine, { serverArgs: ["--log-requests"] });

  async function failedBoot(emulate, url) {
    const undo = emulate ? env.server.inject(emulate) : () => undefined;
    const page = await env.browser.page();
    try {
      await page.goto(url);
      await page.waitFor("#boot-failed");
      return {
        text: await page.text("#boot-failed"),
        link: await page.evaluate(() => {
          const a = document.querySelector("#boot-failed a.boot-failed-record");
          return a && a.getClientRects().length > 0 ? a.href : null;
        }),
        app: await page.count("main"),
      };
    } finally {
      undo();
      await page.close();
    }
  }

  test("without WebAssembly (iOS Lockdown Mode): explained in both languages, with the record's link", async () => {
    const code = env.server.sample("longan").code;
    const shown = await failedBoot(withoutWebAssembly, code);
    assert.match(shown.text, /Không kiểm tra được trên trình duyệt này/);
    assert.match(shown.text, /Chế độ phong tỏa/);
    assert.match(shown.text, /This browser cannot check the product/);
    assert.match(shown.text, /Lockdown Mode/);
    assert.equal(shown.app, 0, "no half-started widget");
    // The link opens the resolver's linkset for the code: the record's links.
    const link = new URL(shown.link);
    assert.equal(link.pathname, new URL(code).pathname);
    assert.equal(link.searchParams.get("linkType"), "all");
    const linkset = await (await fetch(link)).json();
    assert.ok(JSON.stringify(linkset).includes("http"), "the linkset names the record");
  });

  test("an engine without a WebAssembly feature the binary needs: the same explanation, not a blank page", async () => {
    const other = "https://id.gs1.org/01/09506000134352/10/AB-123";
    const shown = await failedBoot(withoutAFeature, `${env.server.base}/?code=${encodeURIComponent(other)}`);
    assert.match(shown.text, /WebAssembly/);
    assert.match(shown.text, /cannot run it/);
    assert.equal(shown.link, other, "another resolver's code opens as itself");
  });

  test("a failed download asks to check the connection; a typed code has no link", async () => {
    const shown = await failedBoot(downloadFails, `${env.server.base}/?code=8935001000013`);
    assert.match(shown.text, /Không tải được tracecheck/);
    assert.match(shown.text, /could not be loaded/);
    assert.equal(shown.link, null);
  });

  /**
   * Opens `url` while the files matching `file` arrive changed by `change`:
   * the widget must not start. After the banner build's verdict
   * (`afterBanner`), the verdict stays and the missing details are named.
   */
  async function refusedWhenChanged(file, change, url, { afterBanner = false } = {}) {
    // A browser of its own: the changed file must not stay in the others' cache.
    const fresh = await launch(engine, { server: env.server });
    const undo = env.server.proxy.tamper(file, change);
    try {
      const page = await fresh.page();
      await page.goto(url);
      if (afterBanner) {
        await page.waitFor("#app-shell .shell-details-failed");
        assert.match(await page.text("#app-shell .shell-details-failed"), /Không tải được phần chi tiết/);
        assert.equal(await page.attr("#app-shell .verdict", "data-level"), "verified");
        assert.equal(await page.count("#boot-failed:not([hidden])"), 0);
      } else {
        await page.waitFor("#boot-failed");
        assert.match(await page.text("#boot-failed"), /could not be loaded/);
      }
      assert.equal(await page.count("main"), 0);
    } finally {
      undo();
      await fresh.close();
    }
  }

  test("a WebAssembly file that differs from its hash is refused", () =>
    refusedWhenChanged(MAIN_WASM, (body) => Buffer.concat([body, CUSTOM_SECTION]), `${env.server.base}/`));

  test("a product's address loads the verify build; 'scan another' opens the whole widget, Back the product again", async () => {
    const code = env.server.sample("longan").code;
    const errorsBefore = env.browser.errors.length;
    const page = await env.browser.page();
    try {
      await page.goto(code);
      await verdictOf(page);
      let wasm = await wasmFetched(page);
      assert.ok(bannerThenVerify(wasm), `a product's address: ${wasm}`);
      await page.waitFor(".verify-foot button.again");
      await imagesLoaded(page);
      await page.click(".verify-foot button.again");
      await page.waitFor("#manual-code");
      assert.equal(await page.evaluate(() => location.pathname), "/");
      wasm = await wasmFetched(page);
      assert.ok(wasm.length === 1 && MAIN_WASM.test(wasm[0]), `the scanner: ${wasm}`);
      await page.evaluate(() => history.back());
      await page.waitForFunction((href) => location.href === href && document.querySelector(".verdict") !== null, code);
      for (const path of [`/embed?code=${encodeURIComponent(code)}`, "/?code=8935001000013", "/01/08935001000013"]) {
        await page.goto(`${env.server.base}${path}`);
        await page.waitFor("#app .verdict, #app button.embed-summary");
        wasm = await wasmFetched(page);
        assert.ok(bannerThenVerify(wasm), `${path}: ${wasm}`);
      }
      for (const path of ["/", "/kiosk", "/?code=%20"]) {
        await page.goto(`${env.server.base}${path}`);
        await page.waitFor("main h1, main .kiosk");
        wasm = await wasmFetched(page);
        assert.ok(wasm.length === 1 && MAIN_WASM.test(wasm[0]), `${path}: ${wasm}`);
      }
      assert.deepEqual(env.browser.errors.slice(errorsBefore), []);
    } finally {
      await page.close();
    }
  });

  test("an address the verify build does not serve opens the scanner afresh, once", async () => {
    // boot.js and src/route.rs disagree on a code of only U+0085 (NEL):
    // JavaScript's trim() keeps it, Rust's trim() drops it. The verify
    // build then opens / (src/pages/set.rs), which loads the whole widget.
    const page = await env.browser.page();
    try {
      await page.goto(`${env.server.base}/?code=%C2%85`);
      await page.waitFor("#manual-code");
      assert.equal(await page.evaluate(() => location.pathname + location.search), "/");
      const wasm = await wasmFetched(page);
      assert.ok(wasm.length === 1 && MAIN_WASM.test(wasm[0]), `${wasm}`);
    } finally {
      await page.close();
    }
  });

  for (const [what, file, change] of [
    ["WebAssembly", VERIFY_WASM, (body) => Buffer.concat([body, CUSTOM_SECTION])],
    ["JS module", /^\/tracecheck-verify-[0-9a-f]{16}\.js$/, (body) => Buffer.concat([body, Buffer.from("\n// changed\n")])],
  ]) {
    // WebKitGTK runs a module whose <link rel="modulepreload"> integrity
    // does not match (seen here with this test); it still refuses a
    // changed .wasm, which fetch() checks.
    const unchecked = engine === "webkit" && what === "JS module";
    test(`a verify build's ${what} that differs from its hash is refused; the banner's verdict stays`, { skip: unchecked && "WebKitGTK does not check a module preload's integrity" }, () =>
      refusedWhenChanged(file, change, env.server.sample("longan").code, { afterBanner: true }),
    );
  }

  test("a banner build that differs from its hash never runs: the widget verifies alone", async () => {
    const fresh = await launch(engine, { server: env.server });
    const undo = env.server.proxy.tamper(BANNER_WASM, (body) => Buffer.concat([body, CUSTOM_SECTION]));
    try {
      const page = await fresh.page();
      // Every change to the shell, from the first parse on.
      await page.goto(env.server.sample("longan").code);
      const { level } = await verdictOf(page);
      assert.equal(level, "verified");
      assert.equal(await page.count("#app-shell"), 0);
      assert.equal(await page.count("main .verdict"), 1);
      assert.equal(await page.evaluate(() => document.body.classList.contains("banner-first")), false);
    } finally {
      undo();
      await fresh.close();
    }
  });

  /** GET lines of the server's log since line `from` that downloaded a file matching `pattern`. */
  const downloadsOf = (from, pattern) =>
    env.server
      .log()
      .split("\n")
      .slice(from)
      .filter((l) => l.startsWith("GET ") && pattern.test(l.split(" ")[1]) && / 200 /.test(l));

  test("a first visit downloads the widget's WebAssembly once (page and service worker together)", async () => {
    const fresh = await launch(engine, { server: env.server });
    try {
      const from = env.server.log().split("\n").length - 1;
      const page = await fresh.page();
      await page.goto(`${env.server.base}/`);
      await page.waitFor("h1");
      // The service worker installs (and precaches the shell) after the page starts.
      await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true));
      await new Promise((r) => setTimeout(r, 1_000));
      const downloads = downloadsOf(from, MAIN_WASM);
      console.log(`${engine}: first visit: ${downloads.length} download(s) of the main wasm: ${downloads.join(" | ")}`);
      assert.equal(downloads.length, 1, downloads.join("\n"));
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
  });

  test("a first visit to a product's address downloads each build once (page and service worker together)", async () => {
    const fresh = await launch(engine, { server: env.server });
    try {
      const from = env.server.log().split("\n").length - 1;
      const page = await fresh.page();
      await page.goto(env.server.sample("longan").code);
      await verdictOf(page);
      // After the verdict the worker precaches the shell: both builds, so
      // that the scanner opens offline too (docs/offline.md).
      await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true));
      await new Promise((r) => setTimeout(r, 1_500));
      const banner = downloadsOf(from, BANNER_WASM);
      const verify = downloadsOf(from, VERIFY_WASM);
      const main = downloadsOf(from, MAIN_WASM);
      console.log(`${engine}: a product's address: ${banner.length} download(s) of the banner build, ${verify.length} of the verify build, ${main.length} of the whole widget`);
      assert.equal(banner.length, 1, banner.join("\n"));
      assert.equal(verify.length, 1, verify.join("\n"));
      assert.ok(main.length <= 1, main.join("\n"));
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
  });
});

// <trace-check code="…" lang="vi|en"></trace-check>
//
// A retailer puts this script (from the tracecheck server) and one element
// per product on a page. Each element becomes a lazily loaded iframe of the
// widget's badge (/embed), sized by the height the badge reports through
// postMessage. Messages are accepted only from the widget's own origin and
// only from the element's own iframe. The element gets a `data-level`
// attribute and fires a `tracecheck:verdict` event for the page's scripts.
// No inline style or script: it works under a strict host CSP that allows
// this script and `frame-src` the widget's origin.
//
// One download for any number of badges: the first badge loads at once and
// the others when it has started (its first message), so they find the
// widget's hashed, immutable files in the HTTP cache. Loaded all at once,
// WebKit fetches the 350 KB WebAssembly once per badge, because its cache
// does not make parallel requests for one file wait for each other
// (Chromium's and Firefox's do). A first badge that never starts holds the
// others up for PRIMING_TIMEOUT_MS at most.
(() => {
  "use strict";
  const script = document.currentScript;
  const widgetOrigin = new URL(script ? script.src : location.href).origin;
  const frames = new Map(); // contentWindow -> element
  const PRIMING_TIMEOUT_MS = 10000;
  let primed = null; // a promise: the first badge has started (or timed out)
  let markPrimed = () => undefined;

  /** Resolves when badges after the first may load; starts the wait on first call. */
  function whenPrimed() {
    if (primed) return primed;
    primed = new Promise((resolve) => {
      markPrimed = resolve;
      setTimeout(resolve, PRIMING_TIMEOUT_MS);
    });
    return null; // the caller is the first badge: it loads now
  }

  class TraceCheck extends HTMLElement {
    static get observedAttributes() {
      return ["code", "lang"];
    }

    connectedCallback() {
      this.render();
    }

    disconnectedCallback() {
      if (this.frame) frames.delete(this.frame.contentWindow);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    render() {
      const code = this.getAttribute("code") || "";
      const lang = this.getAttribute("lang") || document.documentElement.lang || "vi";
      const src = new URL("/embed", widgetOrigin);
      src.searchParams.set("code", code);
      src.searchParams.set("lang", lang.startsWith("en") ? "en" : "vi");
      src.searchParams.set("origin", location.origin);
      if (!this.frame) {
        const root = this.attachShadow ? this.attachShadow({ mode: "open" }) : this;
        this.frame = document.createElement("iframe");
        // The first badge primes the cache wherever it is on the page; the
        // others load as they scroll into view.
        this.frame.loading = primed ? "lazy" : "eager";
        this.frame.referrerPolicy = "no-referrer";
        this.frame.title = lang.startsWith("en") ? "Product origin check" : "Kiểm tra nguồn gốc sản phẩm";
        // CSSOM, not a style attribute: allowed by a strict style-src.
        Object.assign(this.frame.style, { border: "0", width: "100%", height: "64px", display: "block" });
        root.appendChild(this.frame);
      }
      if (this.wanted === src.href) return;
      this.wanted = src.href;
      const wait = whenPrimed();
      if (wait) wait.then(() => this.load());
      else this.load();
    }

    /** Points the iframe at the badge last asked for (once the cache is primed). */
    load() {
      if (!this.frame || this.frame.src === this.wanted) return;
      frames.delete(this.frame.contentWindow);
      this.frame.src = this.wanted;
      frames.set(this.frame.contentWindow, this);
    }
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== widgetOrigin) return;
    const element = frames.get(event.source);
    const data = event.data;
    if (!element || !data || data.type !== "tracecheck:size") return;
    markPrimed();
    // Bounded, whatever the message says; an expanded badge in a narrow
    // column (a product grid) is easily 5,000 px tall.
    const height = Math.max(32, Math.min(20000, Number(data.height) || 0));
    element.frame.style.height = `${height}px`;
    if (typeof data.level === "string" && element.dataset.level !== data.level) {
      element.dataset.level = data.level;
      element.dispatchEvent(new CustomEvent("tracecheck:verdict", { detail: { level: data.level }, bubbles: true }));
    }
  });

  if (!customElements.get("trace-check")) customElements.define("trace-check", TraceCheck);
})();

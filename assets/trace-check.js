// <trace-check code="…" lang="vi|en"></trace-check>
//
// A retailer puts this script (from the tracecheck server) and one element
// per product on a page. Each element becomes an iframe of the widget's
// badge (/embed), sized by the height the badge reports through
// postMessage. A frame starts loading when its badge comes within a
// screen's height of the view: every badge is a verification of its own,
// and on a phone the ones far down a listing would share its one main
// thread with the badge the shopper is looking at (docs/embedding.md).
// Messages are accepted only from the widget's own origin and only from
// the element's own iframe. The element gets a `data-level` attribute and
// fires a `tracecheck:verdict` event for the page's scripts.
// No inline style or script: it works under a strict host CSP that allows
// this script and `frame-src` the widget's origin. Any number of badges
// cost one download of the widget: its files are hashed and immutable, and
// boot.js fetches the WebAssembly exactly once per frame (docs/browsers.md).
(() => {
  "use strict";
  const script = document.currentScript;
  const widgetOrigin = new URL(script ? script.src : location.href).origin;
  const frames = new Map(); // contentWindow -> element
  const waiting = new WeakMap(); // iframe -> the address it will load

  // One observer for every badge; without IntersectionObserver (old
  // browsers) each frame loads at once.
  const nearView =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              nearView.unobserve(entry.target);
              const src = waiting.get(entry.target);
              waiting.delete(entry.target);
              if (src) entry.target.src = src;
            }
          },
          { rootMargin: "100% 0px" },
        )
      : null;

  class TraceCheck extends HTMLElement {
    static get observedAttributes() {
      return ["code", "lang"];
    }

    connectedCallback() {
      this.schedule();
    }

    disconnectedCallback() {
      if (!this.frame) return;
      frames.delete(this.frame.contentWindow);
      nearView?.unobserve(this.frame);
      waiting.delete(this.frame);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.schedule();
    }

    // Each badge's frame is made in a task of its own, once for all the
    // callbacks of one change: defining the element upgrades every badge
    // on the page at once, and three frames made in that one task were a
    // main-thread task of 250 ms on a slow phone (docs/performance.md).
    schedule() {
      if (this.pending) return;
      this.pending = true;
      setTimeout(() => {
        this.pending = false;
        if (this.isConnected) this.render();
      }, 0);
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
        // The observer decides when a frame loads; the browser's own lazy
        // loading on top of it would wait for a nearer distance, and
        // WebKit's is much nearer than a screen.
        if (!nearView) this.frame.loading = "lazy";
        this.frame.referrerPolicy = "no-referrer";
        this.frame.title = lang.startsWith("en") ? "Product origin check" : "Kiểm tra nguồn gốc sản phẩm";
        // CSSOM, not a style attribute: allowed by a strict style-src.
        Object.assign(this.frame.style, { border: "0", width: "100%", height: "64px", display: "block" });
        root.appendChild(this.frame);
      }
      // A frame keeps its window across navigations: one key for good.
      frames.set(this.frame.contentWindow, this);
      if (nearView && !this.frame.src) {
        waiting.set(this.frame, src.href);
        nearView.observe(this.frame);
      } else if (this.frame.src !== src.href) {
        this.frame.src = src.href;
      }
    }
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== widgetOrigin) return;
    const element = frames.get(event.source);
    const data = event.data;
    if (!element || !data || data.type !== "tracecheck:size") return;
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

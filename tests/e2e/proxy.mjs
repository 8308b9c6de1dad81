// A pass-through proxy in front of `tracecheck serve`, giving the tests
// three things that only some browser drivers have, the same way in every
// engine (WebKitWebDriver speaks classic WebDriver only: no init scripts, no
// console events, no network emulation):
//
// - init scripts: while any is registered, every HTML page gets
//   `<script src="{origin}/__e2e__/init.js">` as the first thing in its
//   <head>, so the script runs before the page's own (a same-origin script
//   file: the widget's CSP `script-src 'self'` and the shop's `script-src
//   {widget}` both allow it);
// - page errors: init.js reports uncaught errors, unhandled rejections and
//   console.error calls to /__e2e__/error (sendBeacon: `connect-src 'self'`);
// - offline: `offline = true` drops every connection, as a dead network
//   does, so service-worker fetches fail like the page's own;
// - tampering: `tamper(pattern, change)` rewrites the bodies of the files
//   whose path matches, as a broken cache or a meddling network would;
// - answering: `answer(choose)` lets a test answer a request itself (a
//   hostile resolver's redirect), before the real server sees it.
import { request as httpRequest, createServer } from "node:http";
import { gunzipSync } from "node:zlib";

/** The page side of error reporting (runs first in init.js). */
function reportErrors() {
  const send = (text) => {
    try {
      navigator.sendBeacon("/__e2e__/error", String(text).slice(0, 2000));
    } catch {
      // reporting must never break the page
    }
  };
  addEventListener("error", (e) => send(e.error ?? e.message));
  addEventListener("unhandledrejection", (e) => send(`unhandled rejection: ${e.reason}`));
  const original = console.error.bind(console);
  console.error = (...args) => {
    send(args.map(String).join(" "));
    original(...args);
  };
}

export class Proxy {
  /** @param {string} target the real server, e.g. http://127.0.0.1:40000 */
  constructor(target) {
    this.target = new URL(target);
    this.origin = "";
    this.offline = false;
    /** Page errors reported by init.js, oldest first. */
    this.errors = [];
    this.scripts = new Map();
    this.tampering = null; // { pattern, change }
    this.answering = null; // (req) => { status, headers, body } | null
    this.nextId = 0;
    this.sockets = new Set();
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on("connection", (socket) => {
      if (this.offline) return socket.destroy();
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Listens on `port` (127.0.0.1); `origin` is what pages call it. */
  async listen(port) {
    await new Promise((ok) => this.server.listen(port, "127.0.0.1", ok));
    this.origin = `http://127.0.0.1:${port}`;
  }

  /**
   * Runs `fn(arg)` first in every page loaded from now on (in every engine);
   * returns a function that stops it.
   */
  inject(fn, arg) {
    const id = this.nextId++;
    this.scripts.set(id, `(${fn})(${JSON.stringify(arg ?? null)});`);
    return () => this.scripts.delete(id);
  }

  /** Serves `change(body)` for paths matching `pattern`; returns its undo. */
  tamper(pattern, change) {
    this.tampering = { pattern, change };
    return () => (this.tampering = null);
  }

  /**
   * Answers with `choose(req)` (`{status, headers, body}`) wherever it
   * returns one; returns its undo.
   */
  answerWith(choose) {
    this.answering = choose;
    return () => (this.answering = null);
  }

  /** Cuts (true) or restores (false) the network between browser and server. */
  setOffline(offline) {
    this.offline = offline;
    if (offline) for (const socket of this.sockets) socket.destroy();
  }

  initScript() {
    const parts = [`(${reportErrors})();`];
    // Each script on its own: one that throws must not stop the others.
    for (const body of this.scripts.values()) parts.push(`try { ${body} } catch (e) { console.error("e2e init script:", e); }`);
    return parts.join("\n");
  }

  handle(req, res) {
    if (req.url === "/__e2e__/init.js") {
      res.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "no-store" });
      return res.end(this.initScript());
    }
    if (req.url === "/__e2e__/error" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        this.errors.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const own = this.answering?.(req);
    if (own) {
      res.writeHead(own.status, own.headers ?? {});
      return res.end(own.body ?? "");
    }
    const tampered = this.tampering?.pattern.test(req.url.split("?")[0]) ? this.tampering.change : null;
    const headers = { ...req.headers };
    if (tampered) {
      // The plain, whole bytes, to change: no compression, and no 304 for
      // a copy the browser kept (the server sends ETags).
      delete headers["accept-encoding"];
      delete headers["if-none-match"];
      delete headers["if-modified-since"];
    }
    const upstream = httpRequest(
      { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers },
      (answer) => (tampered ? this.rewrite(answer, res, tampered) : this.answer(answer, res)),
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  }

  answer(answer, res) {
    const type = answer.headers["content-type"] ?? "";
    if (!type.startsWith("text/html") || this.scripts.size === 0) {
      res.writeHead(answer.statusCode, answer.headers);
      return answer.pipe(res);
    }
    const chunks = [];
    answer.on("data", (chunk) => chunks.push(chunk));
    answer.on("end", () => {
      let body = Buffer.concat(chunks);
      if (answer.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      const tag = `<script src="${this.origin}/__e2e__/init.js"></script>`;
      const html = body.toString("utf8").replace(/<head[^>]*>/i, (head) => head + tag);
      const headers = { ...answer.headers };
      delete headers["content-encoding"];
      delete headers["content-length"];
      res.writeHead(answer.statusCode, headers);
      res.end(html);
    });
  }

  rewrite(answer, res, change) {
    const chunks = [];
    answer.on("data", (chunk) => chunks.push(chunk));
    answer.on("end", () => {
      const body = change(Buffer.concat(chunks));
      const headers = { ...answer.headers, "content-length": String(body.length) };
      res.writeHead(answer.statusCode, headers);
      res.end(body);
    });
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((ok) => this.server.close(ok));
  }
}

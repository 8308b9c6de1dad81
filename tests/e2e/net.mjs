// Small helpers for the e2e harness's local processes.
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Polls `ready()` every 50 ms until it resolves truthy, for at most `ms`. */
export async function waitUntil(ready, ms, what) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await ready()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${what} did not start within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

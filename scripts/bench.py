"""``make bench``: how fast the wizard page is for a member, in headless Chromium on 127.0.0.1.

For the real page (Pyodide in a Web Worker, first question in the HTML) and for a naive embed
(Pyodide loaded on the main thread, the first question rendered only once Python runs, as
most sites do), 5 cold loads (fresh browser profile, empty cache) and 5 warm loads (same
profile, cached): time to first question visible, time to Pyodide ready, time from an answer
to the next question, bytes transferred. Prints a Markdown table of medians.

The naive page exists only while the bench runs: it is served from memory, never written
into the site.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

REPO = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("KENPO_SITE", REPO / "site"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RUNS = int(os.environ.get("KENPO_BENCH_RUNS", "5"))
NAIVE_PATH = "/wizard/_bench_naive/"

# The usual embed: a <script> that loads Pyodide on the page's own thread, then renders.
NAIVE = """<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>naive embed</title>
<link rel="stylesheet" href="../app/wizard.css"></head><body>
<main id="kenpo-wizard" class="kw"><div data-kw-screen><p>読み込み中…</p></div></main>
<script type="module">
import { loadPyodide } from "../../@RUNTIME@pyodide.mjs";
const t0 = performance.now();
const base = new URL("../../@RUNTIME@", location.href).href;
const engine = new URL("../../@ENGINE@", location.href).href;
const py = await loadPyodide({ indexURL: base, lockFileURL: engine + "pyodide-lock.json", packageBaseUrl: engine });
await py.loadPackage("kenpo-wizard", { messageCallback: () => {} });
const bridge = py.pyimport("kenpo_wizard.web");
const root = document.getElementById("kenpo-wizard");
const screen = root.querySelector("[data-kw-screen]");
const today = new Date().toISOString().slice(0, 10);
let renders = 0;
function show(q) {
  const res = JSON.parse(bridge.step(q, today));
  screen.innerHTML = res.html;
  screen.dataset.node = res.node || "";
  root.dataset.renders = String(++renders);
}
root.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const b = ev.submitter;
  const p = new URLSearchParams(ev.target.dataset.base || "");
  p.set(b.name, b.value);
  show(p.toString());
});
show("");
root.dataset.mode = "ready";
root.dataset.readyMs = String(Math.round(performance.now() - t0));
</script></body></html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    sent = 0  # body bytes served since the last reset: what crossed the wire
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            with Handler.lock:
                Handler.sent += int(value)
        super().send_header(keyword, value)

    def do_GET(self) -> None:
        if self.path.split("?")[0] == NAIVE_PATH:
            built = json.loads((SITE / "wizard" / "app" / "build.json").read_text("utf-8"))
            page = NAIVE.replace("@RUNTIME@", built["runtime"]).replace("@ENGINE@", built["engine"])
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        # Warm loads use the HTTP cache, as with any static host that sends validators.
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()


FIRST_Q = "#kenpo-wizard [data-kw-screen] button[name='since']"
RENDERS = "Number(document.getElementById('kenpo-wizard').dataset.renders || 0)"


def load(ctx: BrowserContext, url: str) -> dict[str, float]:
    """One page load: first question visible, Pyodide ready, one answer, bytes served."""
    with Handler.lock:
        Handler.sent = 0
    page: Page = ctx.new_page()
    t0 = time.monotonic()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(FIRST_Q, state="visible", timeout=180_000)
    first = time.monotonic() - t0
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'ready'",
        timeout=180_000,
        polling=5,
    )
    ready = time.monotonic() - t0
    before = int(page.evaluate(RENDERS))
    t1 = time.monotonic()
    page.click(f"{FIRST_Q}[value='before']")
    page.wait_for_function(f"{RENDERS} > {before}", timeout=60_000, polling=5)
    answer = time.monotonic() - t1
    page.close()
    return {
        "first": first * 1000,
        "ready": ready * 1000,
        "answer": answer * 1000,
        "bytes": Handler.sent,
    }


def run(url: str, label: str, browser: Browser, p: Playwright) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    cold = []
    for _ in range(RUNS):
        ctx = browser.new_context()  # a new context has its own, empty HTTP cache
        cold.append(load(ctx, url))
        ctx.close()
    # Warm: a profile on disk, as a returning visitor has. An incognito context keeps its cache
    # in memory and does not keep the 9 MB WebAssembly file, so it would measure a cold load.
    with tempfile.TemporaryDirectory() as profile:
        chromium = os.environ.get("KENPO_CHROMIUM", "/usr/bin/chromium")
        ctx = p.chromium.launch_persistent_context(profile, executable_path=chromium, args=ARGS)
        load(ctx, url)  # fill the cache
        warm = [load(ctx, url) for _ in range(RUNS)]
        ctx.close()
    for kind, rows in (("cold", cold), ("warm", warm)):
        out[kind] = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print(f"  {label}: done", file=sys.stderr)
    return out


def main() -> int:
    if not (SITE / "wizard" / "app" / "build.json").exists():
        print(f"{SITE} has no built wizard: run `make site` first", file=sys.stderr)
        return 2
    handler = functools.partial(Handler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    chromium = os.environ.get("KENPO_CHROMIUM", "/usr/bin/chromium")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            results = {
                "wizard page (worker, question 1 in HTML)": run(
                    f"{base}/wizard/", "wizard", browser, p
                ),
                "naive embed (main thread)": run(f"{base}{NAIVE_PATH}", "naive", browser, p),
            }
            browser.close()
    finally:
        server.shutdown()
    print(f"\nMedian of {RUNS} loads, headless Chromium, site on 127.0.0.1 (no network latency).\n")
    print(
        "| page | load | first question visible | Pyodide ready | answer → next question | transferred |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for name, by_kind in results.items():
        for kind, m in by_kind.items():
            print(
                f"| {name} | {kind} | {m['first']:.0f} ms | {m['ready']:.0f} ms |"
                f" {m['answer']:.0f} ms | {m['bytes'] / 1e6:.2f} MB |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

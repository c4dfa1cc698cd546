"""``make bench``: how the wizard page loads for a member, in headless Chromium.

The site is served as a host serves it (kenpo_site.serve: Brotli/gzip, the site's headers).
Each figure is the median of ``KENPO_BENCH_RUNS`` loads (5) under three profiles:
unthrottled, and a phone (CPU ×4) on 10 Mbps and on 1.6 Mbps mobile networks (Chromium's
network emulation, 40 and 150 ms latency). For the real page (Pyodide in a Web Worker, the
first question in the HTML) and for a naive embed (Pyodide on the main thread, the first
question rendered once Python runs, as most sites do):

* first question visible, engine ready, an early answer (given as soon as the question shows)
  → next screen, an answer after ready → next screen;
* main-thread long tasks (> 50 ms), the JS heap, and the worker's wasm memory (the interpreter);
* bytes on the wire (response bodies as sent; Chromium asks for Brotli on 127.0.0.1 too): a
  first visit (empty cache), and a repeat visit with the service worker (the bytes of Pyodide
  taken from the network, which should be 0), once with the worker's memory snapshot removed
  before each load (warm files, a fresh interpreter) and once booting from it.

The clerks' roster page: 1,000 generated rows pasted once the engine is ready, the time to
the first tasks and to the whole report, as rows per second (``KENPO_BENCH_ROSTER=0`` skips it).

Then Lighthouse 12.2.3 (mobile preset) on each page type, when ``npx`` can fetch it
(``KENPO_BENCH_LIGHTHOUSE=0`` skips it). The naive page exists only while the bench runs.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from kenpo_site.serve import SiteHandler, read_headers

REPO = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("KENPO_SITE", REPO / "site"))
CHROMIUM = os.environ.get("KENPO_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RUNS = int(os.environ.get("KENPO_BENCH_RUNS", "5"))
NAIVE_PATH = "/wizard/_bench_naive/"
PROFILES: dict[str, dict[str, float] | None] = {  # KENPO_BENCH_PROFILES=unthrottled picks
    "unthrottled": None,
    "phone, 10 Mbps": {"cpu": 4, "down": 10e6 / 8, "up": 5e6 / 8, "latency": 40},
    "phone, 1.6 Mbps": {"cpu": 4, "down": 1.6e6 / 8, "up": 0.75e6 / 8, "latency": 150},
}

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
const lock = await (await fetch(engine + "pyodide-lock.json")).json();
const wheel = await (await fetch(engine + lock.packages["kenpo-wizard"].file_name)).arrayBuffer();
py.unpackArchive(new Uint8Array(wheel), "wheel"); // the trimmed stdlib has no loadPackage machinery
const web = py.pyimport("kenpo_wizard.web");
const root = document.getElementById("kenpo-wizard");
const screen = root.querySelector("[data-kw-screen]");
const today = new Date().toISOString().slice(0, 10);
let renders = 0;
function show(q) {
  const res = JSON.parse(web.step(q, today));
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
# Long tasks on the page's main thread, counted from the start.
LONG_TASKS = """
window.__kwLong = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__kwLong.push(e.duration);
}).observe({ type: "longtask", buffered: true });
"""


class Handler(SiteHandler):
    """The site's own server, counting the bytes of each response body it sends. With
    ``rate`` set (bytes/s), every response shares one link of that speed, as a phone's page,
    its worker and its service worker share one radio (Chromium's own throttling leaves the
    service worker's downloads out)."""

    sent = 0
    pyodide_sent = 0
    lock = threading.Lock()
    rate = 0.0
    link_free = 0.0  # when the shared link has sent everything booked so far

    def copyfile(self, source: Any, outputfile: Any) -> None:
        while chunk := source.read(16384):
            if Handler.rate:
                with Handler.lock:  # book the chunk's time on the shared link
                    now = time.monotonic()
                    Handler.link_free = max(now, Handler.link_free) + len(chunk) / Handler.rate
                    wait = Handler.link_free - now
                time.sleep(wait)
            outputfile.write(chunk)

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

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            with Handler.lock:
                Handler.sent += int(value)
                if "/pyodide/" in self.path:
                    Handler.pyodide_sent += int(value)
        super().send_header(keyword, value)


def _throttle(page: Page, ctx: BrowserContext, profile: dict[str, float] | None) -> None:
    if profile is None:
        return
    cdp = ctx.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile["cpu"]})
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": profile["latency"],
            "downloadThroughput": profile["down"],
            "uploadThroughput": profile["up"],
        },
    )


FIRST_Q = "#kenpo-wizard [data-kw-screen] button[name='since']"
RENDERS = "Number(document.getElementById('kenpo-wizard').dataset.renders || 0)"
READY = "document.getElementById('kenpo-wizard').dataset.mode === 'ready'"
SNAPSHOT_STORED = "document.getElementById('kenpo-wizard').dataset.snapshotStoredMs !== undefined"
STEP_MS = "document.getElementById('kenpo-wizard').dataset.stepMs !== undefined"


def _step(what: str) -> None:
    if os.environ.get("KENPO_BENCH_VERBOSE"):
        print(f"    {time.strftime('%X')} {what}", file=sys.stderr)


def from_snapshot(page: Page) -> bool:
    return page.get_attribute("#kenpo-wizard", "data-ready-from") == "snapshot"


def _answer(page: Page, button: str) -> float:
    """Click an answer; the ms from the click to the frame showing the next screen, as the page
    measures it (event.timeStamp to requestAnimationFrame: Playwright's own round trips left
    out). The naive page has no such mark: the wall clock there."""
    page.evaluate("delete document.getElementById('kenpo-wizard').dataset.stepMs")
    before = int(page.evaluate(RENDERS))
    t1 = time.monotonic()
    page.click(button)
    page.wait_for_function(f"{RENDERS} > {before}", timeout=600_000, polling=5)
    wall = (time.monotonic() - t1) * 1000
    if page.get_attribute("#kenpo-wizard", "data-engine") is None:
        return wall
    page.wait_for_function(STEP_MS, timeout=10_000, polling=5)
    return float(page.get_attribute("#kenpo-wizard", "data-step-ms") or "nan")


def load(ctx: BrowserContext, url: str, profile: dict[str, float] | None) -> dict[str, float]:
    with Handler.lock:
        Handler.sent = Handler.pyodide_sent = 0
    page: Page = ctx.new_page()
    page.add_init_script(LONG_TASKS)
    _throttle(page, ctx, profile)
    t0 = time.monotonic()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(FIRST_Q, state="visible", timeout=600_000)
    first = time.monotonic() - t0
    _step("first question")
    early = float("nan")
    if "naive" not in url:  # an answer given at once, before the engine is ready
        early = _answer(page, f"{FIRST_Q}[value='before']")
    _step("early answer done")
    page.wait_for_function(READY, timeout=600_000, polling=5)
    ready = time.monotonic() - t0
    _step("ready")
    # the engine answers the question now on screen
    answer = _answer(page, "#kenpo-wizard [data-kw-screen] .kw-choice >> nth=0")
    long_tasks: list[float] = page.evaluate("window.__kwLong || []")
    stored = float("nan")
    if page.get_attribute("#kenpo-wizard", "data-engine") is not None and not from_snapshot(page):
        # a member stays on the page more than a few seconds: let the worker keep its snapshot
        page.wait_for_function(SNAPSHOT_STORED, timeout=60_000, polling=50)
        stored = float(page.get_attribute("#kenpo-wizard", "data-snapshot-stored-ms") or "nan")
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
    wasm = float(page.get_attribute("#kenpo-wizard", "data-wasm-bytes") or 0)
    warm = from_snapshot(page)
    page.close()
    return {
        "first": first * 1000,
        "early": early,
        "ready": ready * 1000,
        "answer": answer,
        "long": max(long_tasks, default=0.0),
        "heap": heap / 1e6,
        "wasm": wasm / 1e6,
        "snapshot": float(warm),
        "stored": stored,
        "bytes": Handler.sent / 1e6,
        "pyodide": Handler.pyodide_sent / 1e6,
    }


def run(
    p: Playwright, browser: Browser, url: str, profile: dict[str, float] | None
) -> dict[str, dict[str, float]]:
    cold = []
    for _ in range(RUNS):
        ctx = browser.new_context(service_workers="block", bypass_csp=True)  # a first visit
        cold.append(load(ctx, url, profile))
        ctx.close()
    # Repeat visits: a profile on disk with the service worker, as a returning member has.
    with tempfile.TemporaryDirectory() as dir_:
        ctx = p.chromium.launch_persistent_context(
            dir_,
            executable_path=CHROMIUM,
            args=ARGS,
            bypass_csp=True,  # the test predicates
        )
        first = ctx.new_page()
        first.goto(url)
        first.wait_for_function(READY, timeout=600_000)
        first.evaluate(  # the naive page registers no service worker: do not wait for one
            "Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))])"
            ".then(() => 1)"
        )
        time.sleep(2)  # the worker's install caches the engine
        if "naive" not in url:
            first.wait_for_function(SNAPSHOT_STORED, timeout=60_000, polling=50)
        first.close()
        plain = []  # warm, but the interpreter booted afresh: no memory snapshot kept
        for _ in range(RUNS):
            drop = ctx.new_page()
            drop.goto(url.rsplit("/wizard/", 1)[0] + "/404.html")
            drop.evaluate("caches.delete('kenpo.snapshots')")
            drop.close()
            plain.append(load(ctx, url, profile))
        warm = [load(ctx, url, profile) for _ in range(RUNS)]  # from the worker's snapshot
        ctx.close()
    return {
        kind: {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        for kind, rows in (
            ("first visit", cold),
            ("repeat, no snapshot", plain),
            ("repeat visit", warm),
        )
    }


STATUS = "#kenpo-wizard [data-kw-status]"
SCREEN = "#kenpo-wizard [data-kw-screen]"
SHARED = "since=before&member_type=employee"


def _visit_bytes(browser: Browser, url: str, until: str | None) -> float:
    """MB the server sends for a first visit to ``url`` with the service worker allowed (its
    own downloads included), after ``until`` holds and the worker has settled."""
    ctx = browser.new_context(service_workers="allow", bypass_csp=True)
    with Handler.lock:
        Handler.sent = 0
    page = ctx.new_page()
    page.goto(url)
    if until:
        page.wait_for_function(until, timeout=600_000)
    page.evaluate("navigator.serviceWorker.ready.then(() => 1)")
    time.sleep(3)  # the service worker's caching, which asks nothing of the page
    ctx.close()
    return Handler.sent / 1e6


def _ms_to(page: Page, selector: str, t0: float) -> float:
    page.wait_for_selector(selector, timeout=600_000)
    return (time.monotonic() - t0) * 1000


def _timed_visit(browser: Browser, url: str) -> float:
    """Seconds until a first visit (service worker allowed) has nothing more to download."""
    t0 = time.monotonic()
    _visit_bytes(browser, url, None)
    return time.monotonic() - t0 - 3


def _abort_noting(when: list[float], route: Any) -> None:
    when.append(time.monotonic())
    route.abort()


def ways_in(browser: Browser, base: str) -> list[tuple[str, str]]:
    """Bytes per page kind (first visit, service worker allowed), the ways into an answer
    without the engine (its wasm held back: the time to the screen), failure detection."""
    rows: list[tuple[str, str]] = []
    agent_ready = "document.getElementById('kenpo-agent').dataset.mode === 'ready'"
    for name, path, until in (
        ("first visit, guide page (/schedule/), all bytes", "/schedule/", None),
        ("first visit, top page, all bytes", "/", None),
        ("first visit, wizard until ready, all bytes", "/wizard/", READY),
        ("first visit, agent mode until ready, all bytes", "/call-center-agent/", agent_ready),
    ):
        rows.append((name, f"{_visit_bytes(browser, base + path, until):.2f} MB"))

    def held(days_on: int = 0) -> tuple[BrowserContext, Page]:
        ctx = browser.new_context(service_workers="block", bypass_csp=True)
        page = ctx.new_page()
        if days_on:
            page.add_init_script(f"const n = Date.now; Date.now = () => n() + {days_on} * 864e5;")
        page.route("**/pyodide/*/pyodide.asm.wasm", lambda route: None)  # never arrives
        return ctx, page

    for label, days in (("build day", 0), ("the day after", 1), ("a week after", 7)):
        ctx, page = held(days)
        page.goto(base + "/wizard/")
        page.wait_for_selector(FIRST_Q)
        t0 = time.monotonic()
        page.click(f"{FIRST_Q}[value='before']")
        shown = _ms_to(page, f"{SCREEN}[data-node='member_type'][data-source='static']", t0)
        rows.append((f"first answer without the engine, {label}", f"{shown:.0f} ms"))
        ctx.close()
    ctx, page = held(1)
    t0 = time.monotonic()
    page.goto(f"{base}/wizard/?{SHARED}")
    shown = _ms_to(page, f"{SCREEN}[data-source='static']", t0)
    rows.append(
        ("shared link (2 answers) to its screen, the day after, no engine", f"{shown:.0f} ms")
    )
    page.reload()
    page.wait_for_selector(f"{SCREEN}[data-source='static']")
    t0 = time.monotonic()
    page.go_back()  # to the blank page before: forward again is the link's own screen
    page.go_forward()
    shown = _ms_to(page, f"{SCREEN}[data-source='static']", t0)
    rows.append(("Back then Forward to a shared link's screen, no engine", f"{shown:.0f} ms"))
    ctx.close()
    for label, pattern in (
        ("wasm", "**/pyodide/*/pyodide.asm.wasm"),
        ("wheel", "**/pyodide/kenpo-*/kenpo_wizard-*.whl"),
    ):
        ctx = browser.new_context(service_workers="block", bypass_csp=True)
        page = ctx.new_page()
        aborted: list[float] = []
        page.route(pattern, partial(_abort_noting, aborted))
        page.goto(base + "/wizard/")
        page.wait_for_function(
            "document.getElementById('kenpo-wizard').dataset.mode === 'failed'", timeout=600_000
        )
        took = (time.monotonic() - aborted[0]) * 1000 if aborted else float("nan")
        rows.append((f"failed download ({label}) known after", f"{took:.0f} ms"))
        ctx.close()
    ctx, page = held(0)
    t0 = time.monotonic()
    page.goto(base + "/wizard/")
    page.wait_for_function(
        "document.getElementById('kenpo-wizard').dataset.mode === 'failed'", timeout=600_000
    )
    rows.append(
        (
            "stalled download (wasm never arrives) given up after",
            f"{(time.monotonic() - t0) * 1000:.0f} ms",
        )
    )
    ctx.close()
    return rows


ROSTER_HEADER = (
    "番号\t本人・家族\t生年月日\t資格取得日\t資格喪失日\tマイナンバーカード\t利用登録\t資格確認書"
)


def roster_text(n: int) -> str:
    """``n`` generated rows (as Excel copies them), of the kinds a clinic's list holds: new
    hires with and without a card, leavers holding a 資格確認書, people turning 70 and 75,
    dependants, and a row with missing facts."""
    kinds = [
        ("本人", "1990-04-{d:02}", "2026-12-{d:02}", "", "なし", "", ""),
        ("本人", "1985-06-{d:02}", "2026-12-{d:02}", "", "あり", "済", ""),
        ("本人", "1970-05-{d:02}", "", "2026-12-{d:02}", "あり", "未", "あり"),
        ("家族", "1951-12-{d:02}", "", "", "あり", "", ""),
        ("本人", "1956-12-{d:02}", "", "", "あり", "済", ""),
        ("家族", "2010-01-{d:02}", "", "", "", "", ""),
    ]
    lines = [ROSTER_HEADER]
    for i in range(n):
        rel, born, joined, lost, card, use, cert = kinds[i % len(kinds)]
        d = 1 + i % 28
        cells = [f"S{i:04}", rel, born.format(d=d), joined.format(d=d), lost.format(d=d)]
        lines.append("\t".join([*cells, card, use, cert]))
    return "\n".join(lines) + "\n"


def roster_rows(browser: Browser, base: str, n: int = 1000) -> list[tuple[str, str]]:
    """The clerks' roster page (issue 21): ``n`` generated rows pasted once the engine is
    ready; the time to the first tasks on screen and to the whole report (target: 1,000
    rows in 3 s)."""
    ctx = browser.new_context(service_workers="block", bypass_csp=True)
    page = ctx.new_page()
    page.goto(base + "/employers/roster/")
    page.wait_for_function(
        "document.getElementById('kenpo-roster').dataset.mode === 'ready'", timeout=600_000
    )
    page.fill("#roster-from", "2026-12-01")
    page.fill("#roster-to", "2027-01-31")
    page.fill("#roster-paste", roster_text(n))
    t0 = time.monotonic()
    page.click("[data-roster-check]")
    first = _ms_to(page, ".kw-roster__task", t0)
    page.wait_for_function(
        "document.getElementById('kenpo-roster').dataset.state === 'done'", timeout=600_000
    )
    whole = (time.monotonic() - t0) * 1000
    engine = float(page.get_attribute("#kenpo-roster", "data-engine-ms") or "nan")
    tasks = page.locator(".kw-roster__task").count()
    ctx.close()
    return [
        (f"roster page: first tasks shown ({n:,} rows pasted, engine ready)", f"{first:.0f} ms"),
        (
            f"roster page: {n:,} rows checked in the browser ({tasks:,} tasks)",
            f"{whole:.0f} ms ({n / whole * 1000:.0f} rows/s; {engine:.0f} ms of it in the worker)",
        ),
    ]


def lighthouse(base: str) -> dict[str, dict[str, float]]:
    """Lighthouse 12.2.3, mobile preset: the median of ``KENPO_BENCH_LH_RUNS`` (3) runs."""
    pages = {
        "top": "/",
        "guide (schedule)": "/schedule/",
        "table (comparison)": "/comparison/",
        "wizard": "/wizard/",
        "agent mode": "/call-center-agent/",
        "no-JS state": "/wizard/s/before.html",
    }
    runs = int(os.environ.get("KENPO_BENCH_LH_RUNS", "3"))
    scores: dict[str, dict[str, float]] = {}
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for name, path in pages.items():
        seen: dict[str, list[float]] = {}
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "lh.json"
                done = subprocess.run(
                    [
                        "npx", "--yes", "lighthouse@12.2.3", base + path, "--quiet",
                        "--output=json", f"--output-path={out}",
                        "--only-categories=performance,accessibility,best-practices",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    ],
                    env=env, capture_output=True, text=True, timeout=300, check=False,
                )  # fmt: skip
                if done.returncode != 0 or not out.exists():
                    print(f"  lighthouse {name}: {done.stderr[-300:]}", file=sys.stderr)
                    continue
                for k, v in json.loads(out.read_text())["categories"].items():
                    seen.setdefault(k, []).append(float(v["score"] or 0))
        if seen:
            scores[name] = {k: statistics.median(v) for k, v in seen.items()}
    return scores


def site_figures() -> None:
    """The built site's weight (files, bytes, per language, five languages) and build time."""
    from kenpo_site.host_limits import check

    r = check(SITE)
    log = SITE.parent / ".cache" / "build.log"
    built = (
        re.search(r"Documentation built in ([\d.]+) seconds", log.read_text("utf-8"))
        if (log.is_file())
        else None
    )
    steps = re.findall(r"kenpo: (.*)", log.read_text("utf-8")) if log.is_file() else []
    info = json.loads((SITE / "wizard" / "app" / "build.json").read_text("utf-8"))
    five_files, five_bytes = r.projected(5)
    print("\nThe built site (make site):\n")
    print("| figure | value |\n|---|---:|")
    print(f"| mkdocs build (s) | {built.group(1) if built else 'n/a'} |")
    print(f"| files | {r.files:,} |")
    print(f"| bytes | {r.total / 1e6:.1f} MB |")
    print(f"| largest file | {r.largest[0] / 1e6:.1f} MB ({r.largest[1]}) |")
    print(f"| shared files (engine, theme) | {r.shared[0]:,} / {r.shared[1] / 1e6:.1f} MB |")
    for name, (files, size) in r.languages.items():
        print(f"| language {name} | {files:,} / {size / 1e6:.1f} MB |")
    print(f"| five languages (projected) | {five_files:,} / {five_bytes / 1e6:.1f} MB |")
    print(
        f"| no-JS pages per language / answer paths | {info.get('static_pages')} / "
        f"{info.get('static_states')} |"
    )
    print(f"| pre-built answers hold until | {info.get('static_valid_until')} |")
    for line in steps:
        print(f"    {line}", file=sys.stderr)


def main() -> int:
    if not (SITE / "wizard" / "app" / "build.json").exists():
        print(f"{SITE} has no built wizard: run `make site` first", file=sys.stderr)
        return 2
    site_figures()
    if os.environ.get("KENPO_BENCH_SITE_ONLY"):
        return 0
    handler = type("Bench", (Handler,), {"rules": read_headers(SITE / "_headers")})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows: list[tuple[str, str, str, dict[str, float]]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            wanted = os.environ.get("KENPO_BENCH_PROFILES")
            for pname, profile in PROFILES.items():
                if wanted and pname not in wanted:  # e.g. "unthrottled", or several names
                    continue
                for label, url in (
                    ("wizard page", f"{base}/wizard/"),
                    ("naive embed", f"{base}{NAIVE_PATH}"),
                ):
                    for kind, m in run(p, browser, url, profile).items():
                        rows.append((pname, label, kind, m))
                    print(f"  {pname} / {label}: done", file=sys.stderr)
            ways = ways_in(browser, base) if os.environ.get("KENPO_BENCH_WAYS", "1") != "0" else []
            if os.environ.get("KENPO_BENCH_ROSTER", "1") != "0":
                ways += roster_rows(browser, base)
            if os.environ.get("KENPO_BENCH_PHONE_LINK", "1") != "0":  # one shared 1.6 Mbps link
                Handler.rate = 1.6e6 / 8
                ways.append(
                    (
                        "first visit, guide page, all bytes, on one shared 1.6 Mbps link (s)",
                        f"{_timed_visit(browser, base + '/schedule/'):.1f} s",
                    )
                )
                Handler.rate = 0.0
            browser.close()
        scores = lighthouse(base) if os.environ.get("KENPO_BENCH_LIGHTHOUSE", "1") != "0" else {}
    finally:
        server.shutdown()
    print(
        f"\nMedians of {RUNS} loads, headless Chromium, served by kenpo_site.serve on 127.0.0.1.\n"
    )
    print(
        "| profile | page | visit | first question | early answer → next | engine ready |"
        " answer → next | longest main-thread task | JS heap | wasm memory | on the wire |"
        " of it Pyodide | from snapshot | snapshot kept after |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pname, label, kind, m in rows:
        early = "—" if m["early"] != m["early"] else f"{m['early']:.0f} ms"
        kept = "—" if m["stored"] != m["stored"] else f"{m['stored']:.0f} ms"
        print(
            f"| {pname} | {label} | {kind} | {m['first']:.0f} ms | {early} | {m['ready']:.0f} ms |"
            f" {m['answer']:.0f} ms | {m['long']:.0f} ms | {m['heap']:.1f} MB |"
            f" {m['wasm']:.1f} MB | {m['bytes']:.2f} MB | {m['pyodide']:.2f} MB |"
            f" {m['snapshot']:.0%} | {kept} |"
        )
    if ways:
        print(
            "\nWays in and failures (served by kenpo_site.serve; bytes as the server counts them):\n"
        )
        print("| case | figure |\n|---|---:|")
        for name, figure in ways:
            print(f"| {name} | {figure} |")
    if scores:
        print("\nLighthouse 12.2.3, mobile preset:\n")
        print("| page | performance | accessibility | best practices |")
        print("|---|---:|---:|---:|")
        for name, s in scores.items():
            print(
                f"| {name} | {s.get('performance', 0):.2f} | {s.get('accessibility', 0):.2f} |"
                f" {s.get('best-practices', 0):.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

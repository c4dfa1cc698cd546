// The engine in a Web Worker: Pyodide loads and starts here, so the page stays responsive and
// the first question (already in the HTML) can be answered meanwhile. Everything comes from
// this site: the runtime, and the wheel pinned by sha256 in our lock, each under a versioned
// path the page sends first ({type: "init", runtime, engine}; not in the worker's URL, which a
// service worker's cached copy does not keep).
//
// Warm start: after the first boot the worker keeps a memory snapshot of the interpreter with
// the engine imported (Cache Storage, gzip), keyed by both versioned paths, and boots from it
// next time (no stdlib compile, no imports). A missing, stale or broken snapshot means a normal
// boot; where Cache Storage is missing (some private windows) nothing is stored.
let web = null;
let ready = null;
let pyodideNow = null; // for the roster's calls (kenpo_wizard.web.roster, imported when first used)
let roster = null;
let toBytes = null; // a JS Uint8Array → Python bytes

// Every download of the start (Pyodide's wasm and library, the lock, the wheel) goes through
// this: a failed one is reported at once ({type: "failed"}: the page stops waiting within
// seconds, whatever Pyodide does next), and bytes arriving keep the page's watchdog quiet
// ({type: "alive"}, at most once a second).
// A start that fails leaves promises of Pyodide's own unhandled: the failure is the page's to
// word ({type: "failed"}), not an uncaught error.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!web) postMessage({ type: "failed", reason: String((event.reason && event.reason.message) || event.reason) });
});
const networkFetch = self.fetch.bind(self);
let lastAlive = 0;
function report(href, why) {
  if (!web) postMessage({ type: "failed", reason: `download ${href}: ${why}` });
}
self.fetch = async (input, init) => {
  const href = String((input && input.url) || input);
  let response;
  try {
    response = await networkFetch(input, init);
  } catch (error) {
    report(href, String(error));
    throw error;
  }
  if (!response.ok) {
    report(href, `HTTP ${response.status}`);
    return response;
  }
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        report(href, String(error));
        controller.error(error);
        return;
      }
      if (chunk.done) return controller.close();
      const now = performance.now();
      if (now - lastAlive > 1000) {
        lastAlive = now;
        postMessage({ type: "alive" });
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperty(copy, "url", { value: response.url }); // Pyodide reads it for relative paths
  return copy;
};

const SNAPSHOTS = "kenpo.snapshots"; // not "kenpo-…": the service worker drops those per build
const quiet = () => {};

async function wheelFrom(engine) {
  // Our lock names the wheel and its sha256; the bytes are checked before they are installed.
  const lock = await (await fetch(engine + "pyodide-lock.json")).json();
  const entry = lock.packages["kenpo-wizard"];
  const response = await fetch(engine + entry.file_name);
  if (!response.ok) throw new Error(`wheel: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== entry.sha256) throw new Error("wheel: sha256 does not match the lock");
  return bytes;
}

async function snapshotStore() {
  try {
    return await caches.open(SNAPSHOTS);
  } catch (error) {
    return null; // no Cache Storage here: boot normally, store nothing
  }
}

async function readSnapshot(store, key) {
  const hit = store && (await store.match(key));
  if (!hit) return null;
  const plain = hit.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(plain).arrayBuffer());
}

async function keepSnapshot(store, key, bytes) {
  const packed = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  await store.put(key, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
  for (const old of await store.keys()) {
    if (old.url !== key) await store.delete(old); // one build's snapshot at a time
  }
}

async function start(loadPyodide, runtime, engine, wheel, snapshot) {
  const pyodide = await loadPyodide({
    indexURL: runtime,
    lockFileURL: engine + "pyodide-lock.json",
    packageBaseUrl: engine,
    stdout: quiet,
    stderr: quiet,
    ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
  });
  postMessage({ type: "progress", stage: 2 });
  // The engine's files (catalogs, templates): a snapshot holds memory, not the file system.
  pyodide.unpackArchive(await wheel, "wheel");
  postMessage({ type: "progress", stage: 3 });
  // Import and warm up everything the first answer needs (already done in a snapshot).
  pyodide.runPython("from kenpo_wizard import web\nweb.step('', '2025-01-01')");
  return pyodide;
}

async function boot(runtime, engine) {
  const started = performance.now();
  postMessage({ type: "progress", stage: 1 });
  const key = new URL(`${engine}snapshot?runtime=${encodeURIComponent(runtime)}`, self.location).href;
  const wheel = wheelFrom(engine);
  wheel.catch(quiet); // awaited below; a failure is reported there
  const [{ loadPyodide }, store] = await Promise.all([import(runtime + "pyodide.mjs"), snapshotStore()]);
  let pyodide = null;
  let from = "cold";
  try {
    const snapshot = await readSnapshot(store, key);
    if (snapshot) {
      pyodide = await start(loadPyodide, runtime, engine, wheel, snapshot);
      from = "snapshot";
    }
  } catch (error) {
    pyodide = null; // a broken or stale snapshot: drop it and boot normally
    if (store) await store.delete(key).catch(quiet);
  }
  let fresh = null;
  if (!pyodide) {
    pyodide = await start(loadPyodide, runtime, engine, wheel, null);
    fresh = pyodide.makeMemorySnapshot(); // before any proxy to Python exists on this side
  }
  web = pyodide.pyimport("kenpo_wizard.web");
  pyodideNow = pyodide;
  const ms = Math.round(performance.now() - started);
  const wasm = pyodide._module.HEAPU8.byteLength; // the interpreter's memory (for the bench)
  if (fresh && store) {
    // After "ready" is posted: storing never holds up an answer.
    setTimeout(() => {
      const t = performance.now();
      keepSnapshot(store, key, fresh).then(
        () => postMessage({ type: "stored", ms: Math.round(performance.now() - t), bytes: fresh.length }),
        quiet,
      );
    }, 0);
  }
  return { ms, from, wasm };
}

// The page's language: the engine answers in it (a language without a catalog shows the
// source language). The page sends it ({lang: document.documentElement.lang}); a page that
// does not is placed by its address: the site's languages other than Japanese live in a
// folder of their own (en/wizard/), this worker at wizard/app/ of the site's root.
const SITE_ROOT = new URL("../../", self.location).pathname;

function pageLanguage(data) {
  if (data.lang) return String(data.lang);
  const path = data.base ? new URL(data.base).pathname : "";
  const inside = path.startsWith(SITE_ROOT) ? path.slice(SITE_ROOT.length) : "";
  const folder = /^([a-z]{2}(?:-[A-Za-z]+)?)\/wizard\//.exec(inside);
  return folder ? folder[1] : "ja";
}

onmessage = async (event) => {
  const data = event.data;
  if (data.type === "init") {
    ready = boot(data.runtime, data.engine);
    ready.then(
      ({ ms, from, wasm }) => postMessage({ type: "ready", ms, from, wasm }),
      (error) => postMessage({ type: "failed", reason: String((error && error.message) || error) }),
    );
    return;
  }
  const { id, query, today, base, fn } = data;
  const lang = pageLanguage(data);
  try {
    await ready;
    // The wizard steps one screen at a time; the call center's agent mode sends every answer;
    // the clerks' roster page sends its table (fn "roster-…").
    const json = fn && fn.startsWith("roster-")
      ? rosterCall(data, lang)
      : fn === "agent" ? web.agent(query, today, lang) : web.step(query, today, base || "", lang);
    postMessage({ type: "screen", id, json });
  } catch (error) {
    postMessage({ type: "failed", id, reason: String((error && error.message) || error) });
  }
};

// The clerks' roster (kenpo_wizard.web.roster): the file's bytes arrive as a Uint8Array (read in
// the page, never sent anywhere) and go to Python as bytes, which decodes UTF-8, BOM or CP932.
// The module keeps the table between calls, so rows are checked a chunk at a time ("next").
function rosterCall(data, lang) {
  if (!roster) roster = pyodideNow.pyimport("kenpo_wizard.web.roster");
  switch (data.fn) {
    case "roster-start": {
      if (!toBytes) toBytes = pyodideNow.runPython("lambda buffer: buffer.to_bytes()");
      const input = typeof data.data === "string" ? data.data : toBytes(data.data);
      try {
        return roster.start(input, data.from || "", data.to || "", data.today, lang);
      } finally {
        if (typeof input !== "string") input.destroy();
      }
    }
    case "roster-next":
      return roster.next_rows(data.count);
    case "roster-finish":
      return roster.finish();
    case "roster-csv":
      return roster.csv(data.report, lang);
    case "roster-ics":
      return roster.ics(data.report, data.today, lang);
    case "roster-template":
      return roster.template(lang);
    default:
      throw new Error(`unknown roster call ${data.fn}`);
  }
}

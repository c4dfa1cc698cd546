// Starting the engine (worker.js) for a page that runs it (the wizard, the call center's agent
// mode): the worker, a watchdog, and the service worker told to keep the engine once it runs.
//
// A failure is known in seconds, not minutes: the worker reports a failed download (wasm,
// stdlib, wheel) the moment it fails, a worker script that cannot load raises "error" at once,
// and a start that makes no progress for STALL_MS (a stalled link, a browser that never
// answers) counts as failed. The page words each case; its answers stay where they are.
export const STALL_MS = 20000;

export function startEngine(root, { onMessage, onFailed }) {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    onFailed("no WebAssembly or Worker");
    return null;
  }
  let worker;
  let started = false; // the engine said "ready"
  let stopped = false; // the page gave up on it
  let timer = null;
  const stallMs = Number(root.dataset.engineStallMs || STALL_MS); // tests shorten it
  const failed = (reason) => {
    if (stopped || started) return;
    stopped = true;
    clearTimeout(timer);
    if (worker) worker.terminate();
    onFailed(reason);
  };
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => failed(`no progress for ${stallMs} ms`), stallMs);
  };
  try {
    worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
    // Pyodide and the engine live under versioned paths the page names (kenpo_site.pyodide_assets).
    worker.postMessage({
      type: "init",
      runtime: new URL(root.dataset.runtime, location.href).href,
      engine: new URL(root.dataset.engine, location.href).href,
    });
  } catch (error) {
    failed(String(error));
    return null;
  }
  alive();
  worker.onerror = (event) => (started ? onMessage({ type: "failed", reason: event.message }) : failed(event.message || "worker error"));
  worker.onmessage = ({ data }) => {
    if (stopped) return; // the page went on without the engine
    if (!started) {
      if (data.type === "failed" && data.id === undefined) return failed(data.reason);
      if (data.type === "progress" || data.type === "alive") alive();
      if (data.type === "ready") {
        started = true; // from here each answer succeeds or fails on its own
        clearTimeout(timer);
        keepEngine();
      }
    }
    onMessage(data);
  };
  return worker;
}

// The engine ran on this page: the service worker may now keep its files for offline use
// (from the browser's HTTP cache: nothing is downloaded again).
function keepEngine() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready
    .then((registration) => registration.active && registration.active.postMessage({ type: "engine-ready" }))
    .catch(() => {});
}

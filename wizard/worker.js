// The engine in a Web Worker: Pyodide loads and starts here, so the page stays responsive and
// the first question (already in the HTML) can be answered meanwhile. Everything comes from
// this site: the runtime, and the wheel pinned by sha256 in our lock, each under a versioned
// path the page sends first ({type: "init", runtime, engine}; not in the worker's URL, which a
// service worker's cached copy does not keep).
let web = null;
let ready = null;

async function boot(runtime, engine) {
  const started = performance.now();
  postMessage({ type: "progress", stage: 1 });
  const { loadPyodide } = await import(runtime + "pyodide.mjs");
  const pyodide = await loadPyodide({
    indexURL: runtime,
    lockFileURL: engine + "pyodide-lock.json",
    packageBaseUrl: engine,
    stdout: () => {},
    stderr: () => {},
  });
  postMessage({ type: "progress", stage: 2 });
  const problems = [];
  // loadPackage reports a failed download or a sha256 mismatch by returning [] (no throw).
  const loaded = await pyodide.loadPackage("kenpo-wizard", {
    checkIntegrity: true,
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!loaded || loaded.length === 0) {
    throw new Error("package not loaded: " + problems.join(" "));
  }
  postMessage({ type: "progress", stage: 3 });
  web = pyodide.pyimport("kenpo_wizard.web");
  web.step("", "2025-01-01"); // import and warm up everything the first answer needs
  return Math.round(performance.now() - started);
}

onmessage = async (event) => {
  const data = event.data;
  if (data.type === "init") {
    ready = boot(data.runtime, data.engine);
    ready.then(
      (ms) => postMessage({ type: "ready", ms }),
      (error) => postMessage({ type: "failed", reason: String((error && error.message) || error) }),
    );
    return;
  }
  const { id, query, today, base } = data;
  try {
    await ready;
    postMessage({ type: "screen", id, json: web.step(query, today, base || "") });
  } catch (error) {
    postMessage({ type: "failed", id, reason: String((error && error.message) || error) });
  }
};

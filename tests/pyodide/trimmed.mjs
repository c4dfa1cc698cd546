// The trimmed, byte-compiled standard library (kenpo_site.stdlib) is enough for the wizard:
// Pyodide boots with it as its only standard library, loads the engine's wheel through our
// lock file as the browser does, and every path of the golden list gives its result code.
//
//   node tests/pyodide/trimmed.mjs STDLIB_ZIP ENGINE_DIR   (make test-pyodide)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const INDEX = path.join(ROOT, "node_modules", "pyodide") + path.sep;
const [zip, engine] = process.argv.slice(2).map((p) => path.resolve(p));
const golden = readFileSync(path.join(ROOT, "tests", "engine", "golden_paths.tsv"), "utf8");

const t0 = performance.now();
const { loadPyodide } = await import(pathToFileURL(INDEX + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: INDEX,
  stdLibURL: zip,
  lockFileURL: path.join(engine, "pyodide-lock.json"),
  packageBaseUrl: engine + path.sep,
});
const t1 = performance.now();
const loaded = await pyodide.loadPackage("kenpo-wizard", { messageCallback: () => {} });
if (!loaded || loaded.length === 0) throw new Error("the wheel did not load");
pyodide.globals.set("GOLDEN", golden);
const [checked, wrong, stdlibFiles, firstBad] = pyodide.runPython(`
import json, sys
from kenpo_wizard import web

rows = [line.split("\\t") for line in GOLDEN.splitlines()[1:] if line]
wrong = []
for day, outcome, code, query in rows:
    screen = json.loads(web.step(query, day))
    if screen["kind"] != "result" or screen["result_code"] != code:
        wrong.append(f"{day} {query}: {screen['kind']} {screen.get('result_code')} != {code}")
files = {getattr(m, "__file__", "") or "" for m in list(sys.modules.values())}
from_stdlib = sorted(f for f in files if f.startswith("/lib/python314.zip/"))
(len(rows), len(wrong), len(from_stdlib), wrong[0] if wrong else "")
`).toJs();
const t2 = performance.now();
console.log(
  `trimmed stdlib: ${checked} golden paths, ${wrong} wrong; ${stdlibFiles} stdlib modules in use; ` +
    `boot ${Math.round(t1 - t0)} ms, paths ${Math.round(t2 - t1)} ms`,
);
if (wrong > 0 || checked < 1000) {
  console.error(firstBad || "too few golden paths");
  process.exit(1);
}

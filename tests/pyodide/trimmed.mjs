// The trimmed, byte-compiled standard library (kenpo_site.stdlib) is enough for the wizard:
// Pyodide boots with it as its only standard library, unpacks the engine's wheel named in
// our lock file as the browser does, and every path of the golden list gives its result code,
// on an interpreter booted from a memory snapshot as the worker's warm start boots.
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
const lock = JSON.parse(readFileSync(path.join(engine, "pyodide-lock.json"), "utf8"));
const wheel = new Uint8Array(readFileSync(path.join(engine, lock.packages["kenpo-wizard"].file_name)));
const options = { indexURL: INDEX, stdLibURL: zip, lockFileURL: path.join(engine, "pyodide-lock.json") };
const WARM_UP = "from kenpo_wizard import web\nweb.step('', '2025-01-01')";

// A first visit, as the worker boots: the trimmed library, the wheel unpacked, a snapshot made.
const cold = await loadPyodide({ ...options, _makeSnapshot: true });
cold.unpackArchive(wheel, "wheel");
cold.runPython(WARM_UP);
const snapshot = cold.makeMemorySnapshot();
const t1 = performance.now();
// The next visit boots from that snapshot (files are not in it: the wheel is unpacked again),
// and every golden path is walked there: the warm start is the one that differs most.
const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
pyodide.unpackArchive(wheel, "wheel");
pyodide.runPython(WARM_UP);
const t2 = performance.now();
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
const t3 = performance.now();
console.log(
  `trimmed stdlib: ${checked} golden paths, ${wrong} wrong; ${stdlibFiles} stdlib modules in use; ` +
    `cold boot ${Math.round(t1 - t0)} ms, from the snapshot (${(snapshot.length / 1e6).toFixed(1)} MB) ` +
    `${Math.round(t2 - t1)} ms, paths ${Math.round(t3 - t2)} ms`,
);
if (wrong > 0 || checked < 1000) {
  console.error(firstBad || "too few golden paths");
  process.exit(1);
}

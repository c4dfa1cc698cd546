// Build step (run by kenpo_site.stdlib, in Node): Pyodide's standard library cut down to what
// the wizard uses, and byte-compiled by Pyodide's own Python 3.14 (the only one here).
//
//   node stdlib.mjs PYODIDE_DIR ENGINE_DIR OUT_ZIP QUERIES_JSON
//
// 1. Boot Pyodide from the npm package, unpack the engine's wheel named in our lock file (as the
//    browser's worker does), and call the wizard's entry point for every query given (the
//    first screen, every question and result of the flow, the error screens), and the clerks'
//    roster page's calls (its template in UTF-8, CP932 and as text).
// 2. Every module then in sys.modules that came from the stdlib zip is kept, with its
//    package's __init__; nothing else is.
// 3. Each kept module is compiled (docstrings left out, as with -OO) to an unchecked-hash .pyc
//    (no source read at start-up, no timestamp checks) and stored sourceless, uncompressed, in a
//    zip with fixed timestamps and sorted names: Brotli over the whole archive (the host sends
//    it compressed) is a third smaller than deflating each member.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, engineDir, outZip, queriesFile] = process.argv.slice(2).map((p) => path.resolve(p));
const queries = JSON.parse(readFileSync(queriesFile, "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);

const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  lockFileURL: path.join(engineDir, "pyodide-lock.json"),
  packageBaseUrl: engineDir + path.sep,
  stdout: (line) => console.log(line),
  _makeSnapshot: true, // as the worker boots: whatever a warm start needs is traced too
});
const lock = JSON.parse(readFileSync(path.join(engineDir, "pyodide-lock.json"), "utf8"));
const wheel = readFileSync(path.join(engineDir, lock.packages["kenpo-wizard"].file_name));
pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
pyodide.runPython("from kenpo_wizard import web\nweb.step('', '2025-01-01')");
pyodide.makeMemorySnapshot();
pyodide.mountNodeFS("/out", path.dirname(path.resolve(outZip)));
pyodide.globals.set("QUERIES", pyodide.toPy(queries));
pyodide.globals.set("OUT", "/out/" + path.basename(outZip));
pyodide.runPython(`
import importlib._bootstrap_external as bx
import importlib.util
import sys, zipfile

from kenpo_wizard import web

for query, day in QUERIES:
    web.step(query, day)

# The clerks' roster page (kenpo_wizard.web.roster, issue 21): its own template read back as
# UTF-8 with a BOM, as CP932 (Excel in Japan) and pasted text, in each language, then every
# call the page makes (its CSV and calendar too), so the codecs and csv stay in the library.
try:
    from kenpo_wizard.web import roster
except ImportError:
    roster = None
if roster is not None:
    for lang in ("ja", "en"):
        sample = roster.template(lang)
        for data in (sample, "\ufeff".encode() + sample.encode(), sample.encode("cp932", "replace")):
            roster.start(data, "", "", "2026-12-01", lang)
            roster.next_rows(50)
            report = roster.finish()
            roster.csv(report, lang)
            roster.ics(report, "2026-12-01", lang)

STDLIB = "/lib/python314.zip/"
kept = set()
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None) or ""
    if file.startswith(STDLIB):
        kept.add(file[len(STDLIB):])
for name in list(kept):  # every package on the way holds its __init__
    parts = name.split("/")[:-1]
    for i in range(1, len(parts) + 1):
        kept.add("/".join(parts[:i]) + "/__init__.py")

with zipfile.ZipFile(STDLIB.rstrip("/")) as stock:
    present = set(stock.namelist())
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_STORED) as out:
        for name in sorted(kept & present):
            source = stock.read(name)
            code = compile(source, STDLIB + name, "exec", dont_inherit=True, optimize=2)
            data = bx._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
            info = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            out.writestr(info, bytes(data))
print(f"stdlib: {len(kept & present)} of {sum(n.endswith('.py') for n in present)} modules kept")
`);

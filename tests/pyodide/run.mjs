// Run tests/engine under Pyodide (CPython 3.14 on WebAssembly) in Node, with no network.
//
//   make test-pyodide                       builds dist/*.whl and the two caches, then runs:
//   node tests/pyodide/run.mjs [pytest args]   (paths under tests/ replace tests/engine)
//
// 1. Pyodide loads from node_modules/pyodide; every fetch or socket is refused.
// 2. The wheels in .cache/pyodide-wheels (pytest, hypothesis, ...; see requirements.txt)
//    and the project wheel in dist/ are unzipped into site-packages (not zipimported:
//    gettext cannot open .mo files inside a zip).
// 3. kenpo_wizard must import from site-packages with its gettext catalog loaded.
// 4. tests/ is mounted (NODEFS, only read) at /home/pyodide/project/tests beside a copy of
//    pyproject.toml, so its pytest options (addopts -q, ...) apply as on CPython, and
//    `pytest tests/engine -p no:cacheprovider [args]` runs there. YAML fixtures are read
//    from their JSON twins in .cache/pyodide-fixtures (see tests/engine/fixtures.py).
// Exit status: pytest's (5, "no tests ran", fails too); 1 when the setup is wrong.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const INDEX = path.join(ROOT, "node_modules", "pyodide") + path.sep;
const WHEELS = path.join(ROOT, ".cache", "pyodide-wheels");
const TWINS = path.join(ROOT, ".cache", "pyodide-fixtures");
const DIST = path.join(ROOT, "dist");
const HOME = "/home/pyodide";
const PROJECT = `${HOME}/project`; // the repository as Python sees it: tests/ + pyproject.toml

class SetupError extends Error {}

// --- no network: refuse anything that is not a local file ----------------------------------
const refused = [];
const localFetch = globalThis.fetch;
globalThis.fetch = async (resource, init) => {
  const url = String(resource?.url ?? resource);
  if (!url.startsWith("file:")) {
    refused.push(url);
    throw new Error(`network access refused: ${url}`);
  }
  return localFetch(resource, init);
};
net.Socket.prototype.connect = function refuseConnect(options) {
  refused.push(`socket to ${options?.host ?? options?.path ?? options}`);
  throw new Error("network access refused (socket)");
};

function wheelsIn(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".whl")).sort() : [];
}

function inputs() {
  const lock = JSON.parse(readFileSync(path.join(INDEX, "pyodide-lock.json"), "utf8"));
  const platform = `pyemscripten_${lock.info.abi_version}_wasm32`;
  const deps = wheelsIn(WHEELS);
  const dist = wheelsIn(DIST);
  if (deps.length === 0) throw new SetupError(`no wheels in ${WHEELS}; run \`make test-pyodide\``);
  if (dist.length !== 1) {
    throw new SetupError(`expected one wheel in dist/, found ${dist.length}; run \`make wheel\``);
  }
  for (const whl of deps) {
    const tag = whl.slice(0, -".whl".length).split("-").at(-1);
    if (tag !== "any" && tag !== platform) {
      throw new SetupError(`${whl} is for ${tag}, not ${platform}; run \`make clean test-pyodide\``);
    }
  }
  return [...deps.map((w) => `${HOME}/wheels/${w}`), `${HOME}/dist/${dist[0]}`];
}

const INSTALL = `
import importlib, site, zipfile
from pathlib import Path

def install(wheels):
    """Unpack wheels into site-packages; <name>.data/{purelib,platlib}/ go there too."""
    target = Path(site.getsitepackages()[0])
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as whl:
            for member in whl.infolist():
                top, _, rest = member.filename.partition("/")
                if top.endswith(".data"):
                    kind, _, rest = rest.partition("/")
                    if kind not in ("purelib", "platlib"):
                        continue  # scripts, headers, data: nothing the tests use
                    member.filename = rest
                whl.extract(member, target)
    importlib.invalidate_caches()
    return str(target)
`;

const CHECK = `
import sys, kenpo_wizard, kenpo_wizard.i18n
print(f"Python {sys.version.split()[0]} on {sys.platform}; "
      f"kenpo_wizard {kenpo_wizard.__version__} from {kenpo_wizard.__file__}")
print(f"gettext catalog loaded: {kenpo_wizard.i18n.catalog_loaded()}")
(kenpo_wizard.__file__, kenpo_wizard.i18n.catalog_loaded())
`;

const PYTEST = `
import os, sys, pytest

def run(args):
    sys.dont_write_bytecode = True  # tests/ is the host's directory: no __pycache__ there
    os.chdir("${PROJECT}")
    return int(pytest.main(list(args)))
`;

async function main() {
  const t0 = performance.now();
  const wheels = inputs();
  const pyodide = await loadPyodide({
    indexURL: INDEX,
    packageCacheDir: INDEX,
    env: { HOME, KENPO_WIZARD_JSON_FIXTURES: `${HOME}/fixtures` },
  });
  const writeTo = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
  pyodide.setStdout(writeTo(process.stdout));
  pyodide.setStderr(writeTo(process.stderr));
  const t1 = performance.now();

  const mount = (at, hostDir) => pyodide.mountNodeFS(at, realpathSync(hostDir));
  mount(`${HOME}/wheels`, WHEELS);
  mount(`${HOME}/dist`, DIST);
  mount(`${PROJECT}/tests`, path.join(ROOT, "tests"));
  mount(`${PROJECT}/spec`, path.join(ROOT, "spec")); // the registry test reads domain.md
  if (existsSync(TWINS)) mount(`${HOME}/fixtures`, TWINS);
  pyodide.FS.writeFile(`${PROJECT}/pyproject.toml`, readFileSync(path.join(ROOT, "pyproject.toml")));

  pyodide.runPython(INSTALL);
  const sitePackages = pyodide.globals.get("install")(pyodide.toPy(wheels));
  const t2 = performance.now();

  const [file, catalogLoaded] = pyodide.runPython(CHECK).toJs();
  if (!file.startsWith(`${sitePackages}/`)) {
    throw new SetupError(`kenpo_wizard was imported from ${file}, not from ${sitePackages}`);
  }
  if (!catalogLoaded) throw new SetupError("the wheel's .mo catalog did not load; `make wheel`");

  const extra = process.argv.slice(2);
  const paths = extra.some((a) => a.startsWith("tests/")) ? [] : ["tests/engine"];
  pyodide.runPython(PYTEST);
  const code = pyodide.globals.get("run")(pyodide.toPy([...paths, "-p", "no:cacheprovider", ...extra]));
  const t3 = performance.now();

  const s = (a, b) => ((b - a) / 1000).toFixed(2);
  console.log(
    `run.mjs: pytest exit ${code}; wall ${s(t0, t3)} s (load Pyodide ${s(t0, t1)} s, ` +
      `install wheels ${s(t1, t2)} s, import + pytest ${s(t2, t3)} s); ` +
      `network requests: ${refused.length}`,
  );
  if (refused.length) throw new SetupError(`network access was attempted: ${refused.join(", ")}`);
  return code;
}

try {
  process.exitCode = await main();
} catch (error) {
  // One line, not Node's dump of Pyodide's minified source.
  const detail = error instanceof SetupError ? error.message : (error?.stack ?? String(error));
  console.error(`run.mjs: ${detail.split("\n").slice(0, 30).join("\n")}`);
  process.exitCode = 1;
}

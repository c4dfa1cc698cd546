// The clerks' roster page (issue 21): a staff list checked in the browser, each task with its
// day. The file is read here (FileReader's bytes; Python decodes UTF-8, BOM or CP932) or the
// table is pasted, and both go to the wizard's own engine worker (engine.js, worker.js →
// kenpo_wizard.web.roster), a chunk of rows at a time so the first rows show while the rest
// are checked. Nothing is sent anywhere and nothing is stored: no request carries a row, the
// address never holds one, and the form keeps what the clerk typed whatever goes wrong.
import { startEngine } from "./engine.js";

const CHUNK = 50; // rows of the first call: the first tasks show after it
const LATER_CHUNK = 200; // rows per later call: fewer round trips to the worker
const DRAW_MS = 250; // the first wait between draws while rows are checked, four times longer each time

const root = document.getElementById("kenpo-roster");
const $ = (sel) => root.querySelector(sel);
const { tokyoToday, both, wareki, t } = window.kenpoDates;
const sectionsEl = document.getElementById("kenpo-roster-sections");
const SECTIONS = sectionsEl ? JSON.parse(sectionsEl.textContent) : {};

// An error the engine worded (the face's {"kind": "error", "message"}): shown as it is.
class Said extends Error {}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let worker = null;
let engineReady = null; // resolves on "ready", rejects when the engine cannot start
let seq = 0;
const waiting = new Map(); // message id → {resolve, reject}
let runs = 0; // the newest check; an older one stops at its next step
let queue = Promise.resolve(); // checks run one after another (the worker keeps one table)
let lastReport = null; // the JSON of the last finished check, for the downloads

// ----------------------------------------------------------------------------- the engine
function call(message, transfer = []) {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ ...message, id, lang: document.documentElement.lang }, transfer);
  });
}

function start() {
  const status = $("[data-roster-status]");
  status.textContent = t("準備中です（数秒かかります）。そのあいだに名簿を用意できます。");
  let ready;
  let failed;
  engineReady = new Promise((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  engineReady.catch(() => {}); // a check that waits for it words the failure
  worker = startEngine(root, {
    onFailed: (reason) => {
      console.warn("kenpo-roster: engine unavailable:", reason);
      root.dataset.mode = "failed";
      status.textContent = t("確認に使うエンジンを起動できませんでした。入力はそのまま残っています。ページを読み込み直してください。");
      failed(new Error(reason));
    },
    onMessage: (data) => {
      if (data.type === "ready") {
        root.dataset.mode = "ready";
        status.textContent = t("準備ができました。名簿を開くか貼り付けて「確認する」を押してください。");
        ready();
      } else if (data.type === "screen" && waiting.has(data.id)) {
        waiting.get(data.id).resolve(data.json);
        waiting.delete(data.id);
      } else if (data.type === "failed" && waiting.has(data.id)) {
        waiting.get(data.id).reject(new Error(data.reason));
        waiting.delete(data.id);
      }
    },
  });
}

// ----------------------------------------------------------------------------- the period
function showWareki(input) {
  const out = root.querySelector(`[data-wareki-for="${input.id}"]`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
  out.textContent = m ? wareki(Number(m[1]), Number(m[2]), Number(m[3])) : "";
}

// The page is built with the build day's period (kenpo_wizard.roster.default_period): this month
// and the next. A page opened in a later month moves both ends to today's.
function currentPeriod(fromEl, toEl) {
  const today = tokyoToday();
  if (today.slice(0, 7) === root.dataset.buildDay.slice(0, 7)) return;
  if (fromEl.value !== fromEl.defaultValue || toEl.value !== toEl.defaultValue) return; // the clerk's
  const [y, m] = today.split("-").map(Number);
  const end = new Date(Date.UTC(y, m + 1, 0)); // day 0 of the month after next: next month's last
  fromEl.value = `${today.slice(0, 7)}-01`;
  toEl.value = end.toISOString().slice(0, 10);
}

// ----------------------------------------------------------------------------- drawing
function where(p) {
  if (p.row && p.column) return t("{row}行目・「{column}」列", { row: p.row, column: p.column });
  if (p.row) return t("{row}行目", { row: p.row });
  if (p.column) return t("「{column}」列", { column: p.column });
  return t("ファイル全体");
}

// The engine's message names the row and column itself where it knows them; where it does
// not, the page says where.
function problemItem(p) {
  const named = !p.row || p.message.includes(String(p.row));
  return named ? `<li>${esc(p.message)}</li>` : `<li><strong>${esc(where(p))}</strong>：${esc(p.message)}</li>`;
}

function problemsHtml(problems) {
  const errors = problems.filter((p) => p.level !== "note");
  const notes = problems.filter((p) => p.level === "note");
  let html = "";
  if (errors.length) {
    // (the words outside the template literals: the catalog's extractor reads t() there)
    const title = t("読めなかったところ（{n}件）", { n: errors.length });
    html += `<div class="kw-error-summary kw-roster__problems" role="alert">
<h3>${esc(title)}</h3>
<p>${esc(t("名簿を直して、もう一度「確認する」を押してください。ほかの行は確認しました。"))}</p>
<ul>${errors.map(problemItem).join("")}</ul></div>`;
  }
  if (notes.length) {
    html += `<div class="kw-roster__notes"><h3>${esc(t("名簿についての補足"))}</h3>
<ul>${notes.map(problemItem).join("")}</ul></div>`;
  }
  return html;
}

function missingHtml(missing) {
  if (!missing.length) return "";
  const who = (m) => t("{row}行目（{label}）", { row: m.row, label: m.label });
  const open = t("この方の答えをウィザードで開く");
  const link = (m) => (m.wizard_query ? ` <a href="${esc(wizardHref(m.wizard_query))}">${esc(open)}</a>` : "");
  const items = missing.map((m) => `<li><strong>${esc(who(m))}</strong>：${esc(m.message)}${link(m)}</li>`).join("");
  const title = t("本人に確かめること（{n}件）", { n: missing.length });
  return `<div class="kw-roster__missing">
<h3>${esc(title)}</h3>
<ul>${items}</ul></div>`;
}

function mondayOf(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  day.setUTCDate(d - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function wizardHref(query) {
  const q = String(query || "").replace(/^\?/, "");
  return new URL(root.dataset.wizard + (q ? `?${q}` : ""), location.href).href;
}

// The day as the site writes it (和暦 first, 西暦 in brackets), the brackets on a line of their
// own in a narrow column.
function dayHtml(iso) {
  const m = /^(.*?)(\s?[（(].*)$/.exec(both(iso));
  return m ? `${esc(m[1])}<span class="kw-roster__day2">${esc(m[2])}</span>` : esc(both(iso));
}

function taskHtml(task) {
  const sources = (task.sections || [])
    .filter((s) => SECTIONS[s])
    .map((s) => `<a href="${esc(new URL(SECTIONS[s].href, location.href).href)}">${esc(SECTIONS[s].title)}</a>`)
    .join("、");
  const ref = task.reference ? `<span class="kw-roster__ref">${esc(t("参考"))}</span> ` : "";
  const codeText = t("結果コード {code}", { code: task.result_code });
  const open = t("（この方の答えをウィザードで開く）");
  const code = task.result_code
    ? `<a class="kw-roster__code" href="${esc(wizardHref(task.wizard_query))}">${esc(codeText)}<span class="kw-vh">${esc(open)}</span></a>`
    : "";
  const row = t("（{row}行目）", { row: task.row });
  const who = t("する人：{who}", { who: task.who });
  return `<li class="kw-roster__task" data-kind="${esc(task.kind)}" data-row="${esc(task.row)}" data-day="${esc(task.day)}">
<span class="kw-roster__head"><span class="kw-roster__day">${dayHtml(task.day)}</span>
<span class="kw-roster__who-row"><strong>${esc(task.label)}</strong>${esc(row)}</span></span>
<span class="kw-roster__text">${ref}${esc(task.text)}</span>
<span class="kw-roster__meta"><span>${esc(who)}</span>${sources ? `<span class="kw-roster__src">${esc(t("根拠："))}${sources}</span>` : ""}${code}</span>
</li>`;
}

function byDay(a, b) {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.row - b.row || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

function tasksHtml(tasks, done) {
  if (!tasks.length) {
    return done ? `<h3>${esc(t("すること"))}</h3><p>${esc(t("この期間にすることはありません。"))}</p>` : "";
  }
  const weeks = new Map();
  for (const task of [...tasks].sort(byDay)) {
    const week = mondayOf(task.day);
    if (!weeks.has(week)) weeks.set(week, []);
    weeks.get(week).push(task);
  }
  const title = t("すること（{n}件、日付の順）", { n: tasks.length });
  let html = `<h3>${esc(title)}</h3>`;
  for (const [week, list] of weeks) {
    const title = t("{date}からの週", { date: both(week) });
    html += `<section class="kw-roster__week"><h4>${esc(title)}</h4>
<ul class="kw-roster__tasks">${list.map(taskHtml).join("")}</ul></section>`;
  }
  return html;
}

function draw(state) {
  $("[data-roster-problems]").innerHTML = problemsHtml(state.problems);
  $("[data-roster-missing]").innerHTML = missingHtml(state.missing);
  $("[data-roster-tasks]").innerHTML = tasksHtml(state.tasks, state.done);
}

function progress(text) {
  $("[data-roster-progress]").textContent = text;
}

function alertText(text) {
  $("[data-roster-alert]").innerHTML = text
    ? `<div class="kw-error-summary" role="alert"><p>${esc(text)}</p></div>`
    : "";
}

// ----------------------------------------------------------------------------- a check
async function check(run) {
  if (run !== runs) return; // a newer check was asked for while this one waited
  const fileEl = $("[data-roster-file]");
  const pasteEl = $("[data-roster-paste]");
  const file = fileEl.files && fileEl.files[0];
  const out = $("[data-roster-out]");
  out.hidden = false;
  alertText("");
  $("[data-roster-actions]").hidden = true;
  lastReport = null;
  root.dataset.state = "checking";
  if (!file && !pasteEl.value.trim()) {
    root.dataset.state = "error";
    progress("");
    draw({ problems: [], missing: [], tasks: [], done: false });
    alertText(t("名簿のファイルを選ぶか、表を貼り付けてください。"));
    pasteEl.focus();
    return;
  }
  $("#roster-out-title").focus();
  progress(root.dataset.mode === "ready" ? t("確認しています…") : t("準備ができしだい確認します…"));
  let data;
  try {
    data = file ? new Uint8Array(await file.arrayBuffer()) : pasteEl.value;
  } catch (error) {
    root.dataset.state = "error";
    alertText(t("ファイル「{name}」を読めませんでした。もう一度選んでください。", { name: file.name }));
    return;
  }
  try {
    await engineReady;
  } catch (error) {
    root.dataset.state = "error";
    progress("");
    alertText(t("確認に使うエンジンを起動できませんでした。入力はそのまま残っています。ページを読み込み直してください。"));
    return;
  }
  if (run !== runs) return;
  const t0 = performance.now();
  try {
    const from = $("[data-roster-from]").value;
    const to = $("[data-roster-to]").value;
    const head = JSON.parse(
      await call({ fn: "roster-start", data, from, to, today: tokyoToday() }, data instanceof Uint8Array ? [data.buffer] : []),
    );
    if (head.kind === "error") {
      root.dataset.state = "error";
      progress("");
      draw({ problems: [], missing: [], tasks: [], done: false });
      alertText(head.message);
      return;
    }
    const state = { problems: [...(head.problems || [])], missing: [], tasks: [], done: false };
    let checked = 0;
    let drawn = 0;
    let wait = DRAW_MS;
    let engineMs = 0; // waiting for the worker (the bench tells it from drawing)
    progress(t("{done} / {total} 行を確認しました", { done: 0, total: head.rows }));
    draw(state);
    for (;;) {
      const asked = performance.now();
      const chunk = JSON.parse(await call({ fn: "roster-next", count: checked ? LATER_CHUNK : CHUNK }));
      engineMs += performance.now() - asked;
      if (run !== runs) return; // a newer check has begun; it starts the table again
      if (chunk.kind === "error") throw new Said(chunk.message);
      for (const r of chunk.results) {
        state.problems.push(...r.problems);
        state.missing.push(...r.missing);
        state.tasks.push(...r.tasks);
      }
      checked += chunk.results.length;
      progress(t("{done} / {total} 行を確認しました", { done: checked, total: head.rows }));
      root.dataset.checked = String(checked);
      if (chunk.done || !chunk.results.length) break;
      if (performance.now() - drawn > wait) {
        draw(state);
        drawn = performance.now();
        wait *= 4; // a long list is drawn a few times, not once per chunk
      }
    }
    const json = await call({ fn: "roster-finish" });
    if (run !== runs) return;
    const report = JSON.parse(json);
    if (report.kind === "error") throw new Said(report.message);
    draw({ problems: report.problems, missing: report.missing, tasks: report.tasks, done: true });
    progress(
      t("{done} / {total} 行を確認しました。することは {tasks} 件、読めなかったところは {problems} 件です。", {
        done: report.rows,
        total: head.rows,
        tasks: report.tasks.length,
        problems: report.problems.filter((p) => p.level !== "note").length,
      }),
    );
    $("[data-roster-printhead]").textContent = printHead(report);
    lastReport = json;
    $("[data-roster-actions]").hidden = false;
    root.dataset.ms = String(Math.round(performance.now() - t0));
    root.dataset.engineMs = String(Math.round(engineMs));
    root.dataset.state = "done";
    root.dataset.runs = String(Number(root.dataset.runs || 0) + 1);
  } catch (error) {
    console.warn("kenpo-roster:", error);
    root.dataset.state = "error";
    const again = t("確認の途中で止まりました。入力はそのまま残っています。もう一度「確認する」を押してください。");
    alertText(error instanceof Said ? `${error.message} ${again}` : again);
  }
}

function printHead(report) {
  const site = document.querySelector(".md-header__topic .md-ellipsis");
  return [
    site ? site.textContent.trim() : "",
    t("期間：{from}〜{to}", { from: both(report.from), to: both(report.to) }),
    t("印刷日：{date}", { date: both(tokyoToday()) }),
  ]
    .filter(Boolean)
    .join("　");
}

// ----------------------------------------------------------------------------- take it away
function save(name, parts, type) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileName(ext) {
  const report = JSON.parse(lastReport);
  return `${t("名簿の手続き")}_${report.from}_${report.to}.${ext}`;
}

async function download(kind) {
  if (!lastReport) return;
  try {
    const text = kind === "csv"
      ? await call({ fn: "roster-csv", report: lastReport })
      : await call({ fn: "roster-ics", report: lastReport, today: tokyoToday() });
    if (text.startsWith("{")) throw new Said(JSON.parse(text).message); // the face's error
    if (!text) return alertText(t("この期間に、カレンダーに入れる予定はありません。"));
    alertText("");
    if (kind === "csv") {
      // UTF-8 with a BOM: Excel in Japan opens it without garbled text
      save(fileName("csv"), ["\ufeff", text], "text/csv;charset=utf-8");
    } else {
      save(fileName("ics"), [text], "text/calendar;charset=utf-8");
    }
  } catch (error) {
    const again = t("ファイルを作れませんでした。もう一度押してください。");
    alertText(error instanceof Said ? `${error.message} ${again}` : again);
  }
}

// ----------------------------------------------------------------------------- wiring
if (root) {
  const form = $("[data-roster-form]");
  const fromEl = $("[data-roster-from]");
  const toEl = $("[data-roster-to]");
  currentPeriod(fromEl, toEl);
  for (const input of [fromEl, toEl]) {
    showWareki(input);
    input.addEventListener("input", () => showWareki(input));
    input.addEventListener("change", () => showWareki(input));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const run = ++runs;
    queue = queue.then(() => check(run));
  });
  $("[data-roster-print]").addEventListener("click", () => window.print());
  $("[data-roster-csv]").addEventListener("click", () => download("csv"));
  $("[data-roster-ics]").addEventListener("click", () => download("ics"));
  start();
}

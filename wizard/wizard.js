// The wizard page, enhanced. Without this script (or if the engine cannot start) every
// button already leads to a static page built from the same engine (../wizard/s/...).
// With it, answers go to the engine in a Web Worker and each screen's HTML comes back;
// the answers live only in the address bar (?question=answer), never leave the device.
import { startEngine } from "./engine.js";

const root = document.getElementById("kenpo-wizard");
const screenEl = root && root.querySelector("[data-kw-screen]");
const statusEl = root && root.querySelector("[data-kw-status]");
// 和暦 comes from the engine's era table, through the site's dates.js (window.kenpoDates),
// and so do the page's words, t().
const { eras: ERAS, tokyoToday, wareki, both, t } = window.kenpoDates;
const STAGES = [t("準備を始めています"), t("必要なファイルを読み込んでいます"), t("起動しています"), t("質問を用意しています")];
const siteTitle = document.title.includes(" - ") ? document.title.slice(document.title.indexOf(" - ") + 3) : document.title;

let mode = "loading"; // loading → ready, or failed (static pages from then on)
let stage = 0;
let pending = null; // an answer given before the engine was ready
let lastButton = null;
let seq = 0;
let renders = 0;
const calls = new Map();
let worker = null;
// the last day any of the build's static pages holds: in the page itself, so a page and the
// day it holds always come from the same build (a cached build.json could be an older one's)
const staticUntil = (root && root.dataset.staticUntil) || null;
let staleUntil = null; // a static page that would have answered held only until this day
const staticSeen = new Map(); // query → the static page that showed it (Back steps there again)
let stepStarted = null; // when the answer being stepped to was given (event.timeStamp)
let staticOnly = false; // a range standing for a typed answer was chosen: keep to the static pages
let calendar = null; // the shown result's reminders, made by the engine: {text, name}

function exists(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const norm = (s) => (s || "").normalize("NFKC").trim();

// 和暦 beside 西暦 while typing (the engine checks the date when the form is sent).
function preview(group) {
  const k = group.id.replace(/^kw-/, "");
  const f = (name) => group.querySelector(`[name="${k}__${name}"]`);
  const out = group.querySelector(".kw-preview");
  if (!f("y") || !out) return;
  const era = f("era").value;
  const y = parseInt(norm(f("y").value), 10), m = parseInt(norm(f("m").value), 10), d = parseInt(norm(f("d").value), 10);
  let text = "";
  if (y && m && d) {
    const info = ERAS.find((e) => e[0] === era);
    const year = info ? info[2] + y - 1 : y;
    if (year >= 1873 && exists(year, m, d)) {
      const w = wareki(year, m, d);
      const ok = !info || w.startsWith(info[1]);
      text = ok ? t("＝ {wareki}（{year}年{month}月{day}日）", { wareki: w, year, month: m, day: d }) : t("その元号の期間にない日付です");
    }
  }
  out.textContent = text;
}

function dateValue(form, k) {
  const f = (name) => norm(form.elements[`${k}__${name}`] && form.elements[`${k}__${name}`].value);
  const [era, y, m, d] = [f("era"), f("y"), f("m"), f("d")];
  if (!y && !m && !d) return " "; // the engine answers 「日付を入力してください」
  return era ? `${era}${y}.${m}.${d}` : `${y}-${m}-${d}`;
}

function setStatus(html) {
  statusEl.innerHTML = html;
  statusEl.hidden = !html;
}

function waiting() {
  const skip = pending && pending.fallback
    ? t('<a href="{href}">待たずに簡易版で進む</a>（基準日は {date} になります）', { href: pending.fallback, date: both(root.dataset.buildDay) })
    : "";
  const progress = t("準備中（{stage}/3）：{label}…", { stage, label: STAGES[stage] });
  const staleLine = t("事前に用意した答えは{date}までのものです。今日の答えをこの端末で計算しています。", { date: both(staleUntil || root.dataset.buildDay) });
  const stale = staleUntil ? `<p>${staleLine}</p>` : "";
  setStatus(
    `<p><strong>${t("回答を受け付けました。")}</strong>${t("質問の準備ができしだい、自動で次に進みます。")}</p>` + stale +
    `<p><label>${progress} <progress max="3" value="${stage}">${stage}/3</progress></label></p>` +
    (skip ? `<p>${skip}</p>` : ""),
  );
}

function dayLine() {
  const line = screenEl.querySelector(".kw-day");
  if (!line || screenEl.dataset.enhanced) return;
  const change = new URLSearchParams(location.search);
  change.set("edit", "on");
  const day = t("基準日（受診日）：<strong>{date}</strong>（今日）", { date: both(tokyoToday()) });
  line.innerHTML = `${day} <a href="?${change}" data-kw>${t("基準日を変更")}</a>`;
}

// The .ics of the result on screen, as a download made here (the answers never leave the
// device; CSP allows blob: downloads). A phone saves it and opens it in its calendar app.
function downloadCalendar() {
  if (!calendar) return;
  const url = URL.createObjectURL(new Blob([calendar.text], { type: "text/calendar;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = calendar.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000); // Safari reads it after the click returns
}

function call(query) {
  return new Promise((resolve, reject) => {
    const id = ++seq;
    calls.set(id, { resolve, reject });
    // base: the wizard page's address, so the calendar's events link back to the result
    worker.postMessage({
      id,
      query,
      today: tokyoToday(),
      base: location.origin + location.pathname,
      lang: document.documentElement.lang,
    });
  });
}

async function show(query, push) {
  let res;
  try {
    res = JSON.parse(await call(query));
  } catch (error) {
    return fail(String(error));
  }
  screenEl.innerHTML = res.html;
  calendar = res.ics ? { text: res.ics, name: res.ics_name } : null;
  screenEl.dataset.enhanced = "1";
  delete screenEl.dataset.source;
  delete screenEl.dataset.validUntil;
  screenEl.dataset.kind = res.kind;
  screenEl.dataset.node = res.node || "";
  screenEl.dataset.code = res.result_code || "";
  document.title = `${res.title} - ${siteTitle}`;
  const url = (res.query ? `?${res.query}` : location.pathname) + (push ? "" : location.hash);
  if (push) history.pushState({ kw: 1 }, "", url);
  else history.replaceState({ kw: 1 }, "", url);
  let robots = document.querySelector('meta[name="robots"]');
  if (res.kind === "result" && !robots) {
    robots = document.createElement("meta");
    robots.name = "robots";
    robots.content = "noindex";
    document.head.append(robots);
  }
  setStatus("");
  screenEl.querySelectorAll(".kw-date").forEach(preview);
  land();
  rendered(res.kind);
}

// After a step the question is the page: the introduction goes (start screen only), and focus
// and scroll land on the question's h1 (or the error summary), clear of the sticky header.
function land() {
  document.body.classList.toggle("kw-stepped", location.search.length > 1);
  const target = screenEl.querySelector(".kw-error-summary") || screenEl.querySelector(".kw-question");
  if (!target) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
}

// Lets tests and the bench see a finished step; the bench reads how long the step took, from
// the member's click or key to the frame that shows the next screen.
function rendered(kind) {
  root.dataset.renders = String(++renders);
  root.dispatchEvent(new CustomEvent("kw:render", { detail: kind }));
  const since = stepStarted;
  if (since !== null) requestAnimationFrame(() => { root.dataset.stepMs = String(Math.round(performance.now() - since)); });
  stepStarted = null;
}

// Until the engine is ready, an answer steps through the build's static pages in place (same
// markup, same address), as long as the build day's answers still hold today and no other
// 基準日 was asked for. A typed date or another day waits for the engine, with progress shown.
function canStepStatic(query) {
  const today = tokyoToday();
  if (!staticUntil || new URLSearchParams(query).has("on")) return false;
  if (today > staticUntil) staleUntil = staticUntil;
  return root.dataset.buildDay <= today && today <= staticUntil;
}

// The build's static pages, parsed: a walk and the step after it read each page once.
const staticDocs = new Map();
async function staticDoc(href) {
  if (!staticDocs.has(href)) {
    const response = await fetch(href);
    if (!response.ok) return null;
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    staticDocs.set(href, { doc, url: response.url });
  }
  return staticDocs.get(href);
}

// The static page that shows the answers of ``query``, found by following its answers from the
// first question (a shared link, Back or Forward after a reload): null where an answer has no
// button of its own (a typed date, another 基準日) or a page no longer holds. Then the engine.
async function walkStatic(query) {
  const params = new URLSearchParams(query);
  if (params.has("on") || params.has("edit")) return null;
  const keys = new Set(params.keys());
  const used = new Set();
  let href = new URL(`../wizard/${root.dataset.static}`, location.href).href;
  for (let step = 0; step < 40; step++) {
    const page = await staticDoc(href);
    const screen = page && page.doc.querySelector(".kw-screen");
    if (!screen || (screen.dataset.validUntil && screen.dataset.validUntil < tokyoToday())) return null;
    const form = screen.querySelector("[data-kw-form]");
    const key = form && form.dataset.key;
    if (!key || !keys.has(key)) return used.size === keys.size ? href : null;
    const value = params.get(key);
    const button = Array.from(form.querySelectorAll("button[formaction]")).find((b) => b.name === key && b.value === value);
    if (!button) return null;
    used.add(key);
    href = new URL(button.getAttribute("formaction"), page.url).href;
  }
  return null;
}

async function stepStatic(href, query, push) {
  const page = await staticDoc(href);
  if (!page) return false;
  const { doc } = page;
  const response = { url: page.url };
  const screen = doc.querySelector(".kw-screen");
  if (!screen) return false;
  // each page says how long it holds (a result until its next change): after that, the engine
  if (screen.dataset.validUntil && screen.dataset.validUntil < tokyoToday()) {
    staleUntil = screen.dataset.validUntil;
    return false;
  }
  // its links were relative to the static page: make them absolute (they lead to static pages)
  for (const a of screen.querySelectorAll("a[href]")) {
    a.href = new URL(a.getAttribute("href"), response.url).href;
    a.removeAttribute("data-kw");
  }
  for (const b of screen.querySelectorAll("[formaction]")) {
    b.setAttribute("formaction", new URL(b.getAttribute("formaction"), response.url).href);
  }
  // a date typed exactly: the field the page alone cannot use (the engine answers it)
  for (const typed of screen.querySelectorAll("[data-kw-typed]")) typed.hidden = false;
  for (const line of screen.querySelectorAll("[data-kw-nojs]")) line.remove();
  // one static page stands for every path to it: its way back is the previous address here
  const back = screen.querySelector("[data-kw-back]");
  if (back) {
    const link = doc.createElement("a");
    link.href = new URL(location.search.length > 1 ? location.search : location.pathname, location.href).href;
    link.dataset.kw = "";
    link.textContent = t("戻る");
    back.className = "kw-back";
    back.removeAttribute("data-kw-back");
    back.replaceChildren(link);
  }
  screenEl.innerHTML = screen.innerHTML;
  setStatus(mode === "failed" ? `<p>${failedLine()}</p>` : "");
  staticSeen.set(query, href);
  calendar = null; // a static result carries its calendar in the link
  delete screenEl.dataset.enhanced;
  screenEl.dataset.kind = screen.dataset.kind || "";
  screenEl.dataset.node = screen.dataset.node || "";
  screenEl.dataset.code = screen.dataset.code || "";
  screenEl.dataset.source = "static";
  screenEl.dataset.validUntil = screen.dataset.validUntil || ""; // the last day it holds
  // a new step starts at the top; the same screen again (a link, a reload) keeps its #fragment
  const url = (query ? `?${query}` : location.pathname) + (push ? "" : location.hash);
  if (push) history.pushState({ kw: 1 }, "", url);
  else history.replaceState({ kw: 1 }, "", url);
  dayLine(); // today's line (the static page's note speaks of pages without JavaScript)
  const title = screen.querySelector(".kw-question");
  if (title) document.title = `${title.textContent} - ${siteTitle}`;
  land();
  rendered(screenEl.dataset.kind);
  return true;
}

async function go(query, { push = false, fallback = null } = {}) {
  fallback = fallback || staticSeen.get(query) || null; // Back to a page already stepped through
  // Before the engine is ready (or if it failed), the build's pages answer while they hold.
  if (staticOnly || (mode !== "ready" && canStepStatic(query))) {
    try {
      const href = fallback || (await walkStatic(query));
      if (href && (await stepStatic(href, query, push))) return;
    } catch (error) {
      console.warn("kenpo-wizard: static page unavailable:", error);
    }
  }
  if (mode === "ready") return show(query, push);
  pending = { query, push, fallback };
  if (mode === "failed") return fail("");
  waiting();
}

function failedLine() {
  return t("この端末では通常版を動かせないため、事前に用意した答えで続けます（基準日は {date}）。回答はそのまま残っています。", { date: both(root.dataset.buildDay) });
}

async function fail(reason) {
  if (reason) console.warn("kenpo-wizard: engine unavailable:", reason);
  const first = mode !== "failed";
  mode = "failed";
  root.dataset.mode = "failed";
  if (first) {
    root.dataset.failedAfterMs = String(Math.round(performance.now()));
    document.dispatchEvent(new Event("kenpo:engine"));
  }
  if (worker) worker.terminate();
  if (pending) {
    // the answer the member gave (or the link's) from the pre-built pages, in place
    const { query, push, fallback } = pending;
    const href = fallback || (canStepStatic(query) ? await walkStatic(query).catch(() => null) : null);
    if (href && (await stepStatic(href, query, push).catch(() => false))) {
      pending = null;
      return;
    }
    if (fallback) return location.assign(fallback); // the no-JS page (the build day's answer)
  }
  const start = `../wizard/${root.dataset.static}`;
  const why = t("この端末では通常版を動かせないため、簡易版で続けます。簡易版の基準日は {date} です。", { date: both(root.dataset.buildDay) });
  setStatus(
    `<p>${why}</p>` +
    (pending ? `<p><a href="${start}">${t("簡易版で最初から始める")}</a></p>` : ""),
  );
}

function ready() {
  mode = "ready";
  root.dataset.mode = "ready";
  document.dispatchEvent(new Event("kenpo:engine"));
  if (pending) {
    const { query, push } = pending;
    pending = null;
    setStatus(`<p>${t("準備ができました。")}</p>`);
    show(query, push);
  }
}

function start() {
  // A failed download or a stalled start is known within seconds (engine.js): the build's
  // pages take over, with the member's answers.
  worker = startEngine(root, { onMessage: received, onFailed: fail });
}

function received(data) {
  if (data.type === "progress") {
    stage = data.stage;
    if (pending) waiting();
  } else if (data.type === "ready") {
    root.dataset.readyMs = String(data.ms);
    root.dataset.readyFrom = data.from || ""; // cold, or snapshot (a warm start)
    root.dataset.wasmBytes = String(data.wasm || 0);
    ready();
  } else if (data.type === "stored") {
    root.dataset.snapshotStoredMs = String(data.ms); // for the bench: the next visit is warm
  } else if (data.type === "screen") {
    const c = calls.get(data.id);
    calls.delete(data.id);
    if (c) c.resolve(data.json);
  } else if (data.type === "failed") {
    const c = calls.get(data.id);
    if (c) c.reject(new Error(data.reason));
    fail(data.reason);
  }
}

if (root && screenEl && statusEl) {
  root.dataset.mode = mode;
  dayLine();
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button && button.type === "submit") lastButton = button;
    if (event.target.closest("[data-kw-print]")) window.print();
    if (event.target.closest("[data-kw-ics]")) downloadCalendar();
    const link = event.target.closest("a[data-kw]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    go(new URL(link.href).search.slice(1), { push: true });
  });
  root.addEventListener("submit", (event) => {
    const form = event.target.closest("[data-kw-form]");
    if (!form) return;
    event.preventDefault();
    stepStarted = event.timeStamp;
    const k = form.dataset.key;
    const button = event.submitter || lastButton;
    let value;
    if (button && button.name === k) value = button.value;
    else if (form.dataset.kind === "date") value = dateValue(form, k);
    else value = norm(form.elements[k] && form.elements[k].value) || " ";
    // a static page is shared by many paths: the answers so far are the address's
    const params = new URLSearchParams(screenEl.dataset.source === "static" ? location.search : form.dataset.base || "");
    params.set(k, value);
    params.delete("edit");
    // the first screen (built HTML) does not know a 基準日 given in the address: keep it
    const here = new URLSearchParams(location.search);
    if (here.has("on") && !params.has("on")) params.set("on", here.get("on"));
    const fallback = button && button.hasAttribute("formaction") ? button.formAction : null;
    if (button && button.hasAttribute("data-kw-band")) staticOnly = true;
    go(params.toString(), { push: true, fallback });
  });
  root.addEventListener("input", (event) => {
    const group = event.target.closest(".kw-date");
    if (group) preview(group);
  });
  root.addEventListener("change", (event) => {
    const group = event.target.closest(".kw-date");
    if (group) preview(group);
  });
  window.addEventListener("popstate", () => go(location.search.slice(1)));
  // a printed result has its background too (the disclosure opens, and closes again after)
  let opened = [];
  // on paper: the site's name and the day it was printed head the sheet
  const printHead = root.querySelector("[data-kw-printhead]");
  const stampPrintHead = () => {
    if (printHead) printHead.textContent = t("{site}　印刷日：{day}", { site: siteTitle, day: both(tokyoToday()) });
  };
  stampPrintHead();
  window.addEventListener("beforeprint", () => {
    stampPrintHead();
    opened = Array.from(root.querySelectorAll("details.kw-more:not([open])"));
    for (const d of opened) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
  if (location.search.length > 1) {
    // A shared link: its screen from the pre-built pages where they hold, else the engine's;
    // meanwhile say so rather than show question 1.
    screenEl.innerHTML = `<p class="kw-loading">${t("リンクの回答を読み込んでいます…")}</p>`;
    const query = location.search.slice(1);
    go(query).then(() => {
      if (pending && mode === "loading") setStatus(statusEl.innerHTML.replace(t("回答を受け付けました。"), t("リンクを開きました。")));
    });
  }
  start();
}

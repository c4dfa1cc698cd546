// Agent mode (call center): every question on one screen, answered in any order. At each
// change the answers go to the engine (the wizard's own Web Worker, web.agent) and the result
// with its code shows beside them, or the question the flow still needs. The answers live in
// the address bar only (?question=answer, as the wizard's), and the link to send a member is
// the wizard's own URL for the same answers.
import { startEngine } from "./engine.js";

const root = document.getElementById("kenpo-agent");
const form = root && root.querySelector("[data-agent-form]");
const out = root && root.querySelector("[data-agent-result]");
const linkEl = root && root.querySelector("[data-agent-link]");
const statusEl = root && root.querySelector("[data-agent-status]");
// The page's words (t) and dates, in its language, through the site's dates.js.
const { tokyoToday, both, t } = window.kenpoDates;

let worker = null;
const codeEl = root && root.querySelector("[data-agent-code]");
const saidEl = root && root.querySelector("[data-agent-code-said]");
const codesEl = document.getElementById("kenpo-codes");
const CODES = codesEl ? JSON.parse(codesEl.textContent) : {}; // code → answers with that result
let seq = 0;
let latest = 0;
let renders = 0;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const norm = (s) => (s || "").normalize("NFKC").trim();

function answers() {
  const params = new URLSearchParams();
  for (const el of form.elements) {
    if (!el.name || (el.type === "radio" && !el.checked)) continue;
    const value = norm(el.value);
    if (value) params.set(el.name, value);
  }
  params.sort();
  return params.toString();
}

function fill(query) {
  const params = new URLSearchParams(query);
  for (const [name, value] of params) {
    const field = form.elements[name];
    if (!field) continue;
    if (field instanceof RadioNodeList) {
      for (const radio of field) radio.checked = radio.value === value;
    } else {
      field.value = value;
    }
  }
}

function clearAnswers() {
  for (const el of form.elements) {
    if (el.type === "radio") el.checked = el.value === "";
    else if (el.name && el.name !== "on") el.value = "";
  }
}

// A code read out by a caller: "a-k7qa", "Ａ－Ｋ７ＱＡ" and "AK7QA" are all A-K7QA.
function codeTyped() {
  const typed = norm(codeEl.value).toUpperCase().replace(/[\s\-ー－―‐]/g, "");
  if (!typed) return (saidEl.textContent = "");
  const code = typed.length > 1 ? `${typed[0]}-${typed.slice(1)}` : typed;
  const query = CODES[code];
  if (!query) {
    saidEl.textContent = typed.length >= 5 ? t("{code} という結果コードは一覧にありません。お客さまに、結果ページの内容を読み上げていただいてください。", { code }) : "";
    return;
  }
  const day = form.elements.on.value; // the caller's day, if the agent typed one
  clearAnswers();
  fill(query);
  if (day) form.elements.on.value = day;
  saidEl.textContent = t("{code} になる回答の例を入れました。お客さまの回答と違うところは直してください。", { code });
  changed();
}

function changed() {
  if (root.dataset.mode === "ready") update();
  else if (root.dataset.mode === "failed") linkOnly();
}

function mark(node) {
  for (const fs of form.querySelectorAll("[data-agent-q]")) {
    const next = fs.dataset.agentQ === node;
    fs.classList.toggle("kw-agent__q--next", next);
    const flag = fs.querySelector(".kw-agent__flag");
    if (next && !flag) {
      fs.querySelector("legend").insertAdjacentHTML("beforeend", `<span class="kw-agent__flag">${t("（次に必要な回答）")}</span>`);
    } else if (!next && flag) {
      flag.remove();
    }
  }
}

function show(res) {
  const wizard = new URL(`../wizard/${res.query ? `?${res.query}` : ""}`, location.href).href;
  history.replaceState(null, "", res.query ? `?${res.query}` : location.pathname);
  linkEl.value = wizard;
  const unused = (res.unused || [])
    .map((k) => form.querySelector(`#agent-q-${CSS.escape(k)} .kw-question`))
    .filter(Boolean)
    .map((q) => `<li>${esc(q.textContent)}</li>`)
    .join("");
  const why = res.kind === "result"
    ? t("次の回答は、この条件では結果に使いません：")
    : t("次の回答を使うかどうかは、足りない回答のあとで決まります：");
  const unusedNote = unused ? `<div class="kw-agent__unused"><p>${why}</p><ul>${unused}</ul></div>` : "";
  const day = res.on ? `<p class="kw-day">${esc(t("基準日：{date}", { date: both(res.on) }))}</p>` : "";
  if (res.kind === "result") {
    // under this page's h1 and the section's h2: the result's own h1/h2 step down two levels
    out.innerHTML = day + res.html.replace(/<(\/?)h([12])\b/g, (_m, slash, n) => `<${slash}h${Number(n) + 2}`) + unusedNote;
    mark(null);
  } else if (res.kind === "question") {
    out.innerHTML = `${day}<p class="kw-agent__need"><strong>${t("次に必要な回答：")}</strong>${esc(res.question)}</p>` + unusedNote;
    mark(res.node);
  } else {
    out.innerHTML = `<div class="kw-error-summary" role="alert"><p><strong>${t("入力を確かめてください：")}</strong>${esc(res.message)}</p></div>`;
    mark(res.node || null);
  }
  root.dataset.kind = res.kind;
  root.dataset.code = res.code || "";
  root.dataset.node = res.node || "";
  root.dataset.renders = String(++renders); // lets tests see a finished update
}

function update() {
  const id = ++seq;
  latest = id;
  worker.postMessage({ id, query: answers(), today: tokyoToday(), fn: "agent", lang: document.documentElement.lang });
}

function failed(reason) {
  console.warn("kenpo-agent: engine unavailable:", reason);
  root.dataset.mode = "failed";
  root.dataset.failedAfterMs = String(Math.round(performance.now()));
  statusEl.textContent = t("エンジンを起動できませんでした。入力はそのまま残っています。「ウィザードで開く」で、事前に用意した答えを表示できます。");
  linkOnly();
}

// Without the engine: the link to send is still the wizard's, with the answers so far (the
// wizard shows it from the pre-built answers where they hold).
function linkOnly() {
  const query = answers();
  linkEl.value = new URL(`../wizard/${query ? `?${query}` : ""}`, location.href).href;
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function start() {
  statusEl.textContent = t("準備中です（数秒かかります）。入力はそのまま続けられます。");
  // a failed download or a stalled start is known within seconds (engine.js)
  worker = startEngine(root, {
    onFailed: failed,
    onMessage: (data) => {
      if (data.type === "ready") {
        statusEl.textContent = t("準備ができました。回答を変えるたびに結果が変わります。");
        root.dataset.mode = "ready";
        update();
      } else if (data.type === "screen" && data.id === latest) {
        show(JSON.parse(data.json)); // an older answer's reply is dropped: the newest wins
      } else if (data.type === "failed") {
        failed(data.reason);
      }
    },
  });
}

if (root && form && out && linkEl && statusEl) {
  fill(location.search.slice(1));
  if (codeEl) codeEl.addEventListener("input", codeTyped);
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  linkEl.addEventListener("focus", () => linkEl.select());
  start();
}

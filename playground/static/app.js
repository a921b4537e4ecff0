// The playground's chat page: plain JavaScript, no build step, no libraries.
// Everything shown comes from the playground's JSON API; text is put into the page only through
// DOM nodes (textContent), never parsed as HTML, so nothing typed or sent can inject markup.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = {
  texts: null,
  lang: localStorage.getItem("playground-lang") === "en" ? "en" : "hi",
  config: null,
  persona: null,
  entries: new Map(),
  meta: { keyboard: null, commands: [], alerts: [] },
  alertsSeen: 0,
  nodes: new Map(),
  source: null,
  lastCount: 0,
};

function t(key) {
  const texts = state.texts || { hi: {}, en: {} };
  return texts[state.lang][key] ?? texts.en[key] ?? key;
}

async function getJSON(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// ---- talking to the playground -------------------------------------------------------------

async function post(action, body, form) {
  const url = `/api/chats/${state.persona.id}/${action}`;
  const init = { method: "POST" };
  if (form) {
    form.append("lang", state.lang);
    init.body = form;
  } else {
    init.headers = { "Content-Type": "application/json" };
    init.body = JSON.stringify({ ...(body || {}), lang: state.lang });
  }
  try {
    const response = await fetch(url, init);
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      toast(`${t("error")}: ${answer.error || response.status}`);
    }
  } catch (error) {
    toast(`${t("error")}: ${error.message}`);
  }
}

function sendText(text) {
  if (text.trim()) post("message", { text });
}

function connect() {
  if (state.source) state.source.close();
  state.entries.clear();
  state.nodes.clear();
  setStatus(false);
  const url = `/api/chats/${state.persona.id}/events?lang=${state.lang}`;
  const source = new EventSource(url);
  source.onopen = () => setStatus(true);
  source.onerror = () => setStatus(false);
  source.onmessage = (event) => apply(JSON.parse(event.data));
  state.source = source;
}

function apply(delta) {
  if (delta.reset) {
    state.entries.clear();
    state.alertsSeen = delta.meta ? delta.meta.alerts.length : 0;
  }
  for (const entry of delta.entries) state.entries.set(entry.key, entry);
  for (const key of delta.removed) state.entries.delete(key);
  if (delta.meta) {
    state.meta = delta.meta;
    for (const alert of delta.meta.alerts.slice(state.alertsSeen)) toast(alert);
    state.alertsSeen = delta.meta.alerts.length;
    renderKeyboard();
    renderMenu();
  }
  renderMessages();
}

function setStatus(online) {
  const status = $("#status");
  status.dataset.online = online ? "1" : "0";
  status.textContent = online ? `@${state.config.bot.username} · ${t("status_online")}` : t("status_connecting");
}

// ---- screens ---------------------------------------------------------------------------------

function personaName(persona) {
  return persona.name[state.lang] || persona.name.en;
}

function renderPicker() {
  const list = $("#personas");
  list.replaceChildren(...state.config.personas.map((persona) => {
    const item = el("li");
    item.dataset.id = persona.id;
    const avatar = el("div", `avatar role-${persona.role}`, personaName(persona).slice(0, 1));
    const text = el("div", "grow");
    text.append(el("div", "name", personaName(persona)));
    text.append(el("div", "role", `${t(`role_${persona.role}`)} — ${t(`about_${persona.role}`)}`));
    const tab = el("a", "new-tab", t("new_tab"));
    tab.href = `#u=${persona.id}`;
    tab.target = "_blank";
    tab.addEventListener("click", (event) => event.stopPropagation());
    item.append(avatar, text, tab);
    item.addEventListener("click", () => { location.hash = `u=${persona.id}`; });
    return item;
  }));
}

function applyTexts() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-label]")) {
    node.title = t(node.dataset.tLabel);
    node.setAttribute("aria-label", t(node.dataset.tLabel));
  }
  for (const node of document.querySelectorAll("[data-t-placeholder]")) node.placeholder = t(node.dataset.tPlaceholder);
  for (const node of document.querySelectorAll("[data-lang-toggle]")) {
    node.textContent = state.lang === "hi" ? "EN" : "हिं";
    node.title = t("switch_language");
  }
  renderSamples();
  if (state.config) renderPicker();
}

function renderSamples() {
  if (!state.config) return;
  $("#samples").replaceChildren(...state.config.samples.map((sample) => {
    const node = el("button", "sample");
    node.type = "button";
    node.dataset.sample = sample.key;
    const img = el("img");
    img.src = sample.url;
    img.alt = "";
    node.append(img, el("span", null, t(`sample_${sample.key}`)));
    node.addEventListener("click", () => {
      closeSheets();
      post("sample", { sample: sample.key });
    });
    return node;
  }));
}

function showMe() {
  const persona = state.persona;
  $("#me").textContent = `${t("you_are")}: ${personaName(persona)} · ${t(`role_${persona.role}`)} · id ${persona.id}`;
  $("#bot-name").textContent = state.config.bot.name;
}

async function route() {
  const match = /^#u=(\d+)$/.exec(location.hash);
  closeSheets();
  if (!match) {
    if (state.source) state.source.close();
    state.source = null;
    state.persona = null;
    $("#chat").hidden = true;
    $("#picker").hidden = false;
    document.title = t("title");
    return;
  }
  const id = Number(match[1]);
  let persona = state.config.personas.find((p) => p.id === id);
  if (!persona) {
    state.config = await getJSON("/api/config");
    persona = state.config.personas.find((p) => p.id === id);
  }
  if (!persona) {
    toast(t("not_found"));
    location.hash = "";
    return;
  }
  state.persona = persona;
  $("#picker").hidden = true;
  $("#chat").hidden = false;
  document.title = `${personaName(persona)} — ODOP`;
  showMe();
  renderKeyboard();
  connect();
  $("#text").focus();
}

function closeSheets() {
  $("#sheet").hidden = true;
  $("#menu").hidden = true;
}

function toggle(selector) {
  const node = $(selector);
  const show = node.hidden;
  closeSheets();
  node.hidden = !show;
}

function wire() {
  for (const node of document.querySelectorAll("[data-lang-toggle]")) {
    node.addEventListener("click", () => {
      state.lang = state.lang === "hi" ? "en" : "hi";
      localStorage.setItem("playground-lang", state.lang);
      applyTexts();
      if (state.persona) {
        showMe();
        connect();
      }
    });
  }
  $("#back").addEventListener("click", () => { location.hash = ""; });
  $("#add-artisan").addEventListener("click", async () => {
    const response = await fetch("/api/personas", { method: "POST" });
    const persona = await response.json();
    state.config = await getJSON("/api/config");
    renderPicker();
    location.hash = `u=${persona.id}`;
  });
  $("#composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("#text");
    const text = input.value;
    input.value = "";
    closeSheets();
    sendText(text);
  });
  $("#attach-btn").addEventListener("click", () => toggle("#sheet"));
  $("#menu-btn").addEventListener("click", () => toggle("#menu"));
  $("#pick-photo").addEventListener("click", () => $("#file-input").click());
  $("#file-input").addEventListener("change", (event) => {
    const files = [...event.target.files];
    event.target.value = "";
    closeSheets();
    if (!files.length) return;
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    post("photos", null, form);
  });
  $("#send-voice").addEventListener("click", () => { closeSheets(); post("voice"); });
  $("#send-contact").addEventListener("click", () => { closeSheets(); post("contact"); });
  $("#send-location").addEventListener("click", () => { closeSheets(); post("location"); });
  $("#messages").addEventListener("click", closeSheets);
  window.addEventListener("hashchange", route);
}

async function boot() {
  const [texts, config] = await Promise.all([getJSON("/static/i18n.json"), getJSON("/api/config")]);
  state.texts = texts;
  state.config = config;
  wire();
  applyTexts();
  await route();
}

boot();

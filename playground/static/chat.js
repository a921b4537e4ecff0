// The chat itself: message bubbles (albums grouped), media, inline and reply keyboards, menu.
"use strict";

function bubbles(entries) {
  const groups = [];
  for (const entry of entries) {
    const previous = groups[groups.length - 1];
    if (entry.group && previous && previous[0].group === entry.group && previous[0].from === entry.from) {
      previous.push(entry);
    } else {
      groups.push([entry]);
    }
  }
  return groups;
}

function renderMessages() {
  const box = $("#messages");
  const entries = [...state.entries.values()].sort((a, b) => a.id - b.id);
  const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 80;
  if (!entries.length) {
    const empty = el("div", "empty");
    empty.append(el("p", null, t("empty")));
    const start = el("button", null, t("start"));
    start.type = "button";
    start.addEventListener("click", () => sendText("/start"));
    empty.append(start);
    box.replaceChildren(empty);
    state.nodes.clear();
    state.lastCount = 0;
    return;
  }
  const fresh = new Map();
  const children = [];
  for (const items of bubbles(entries)) {
    const signature = state.lang + JSON.stringify(items);
    const cached = state.nodes.get(items[0].key);
    const node = cached && cached.signature === signature ? cached.node : bubble(items);
    fresh.set(items[0].key, { signature, node });
    children.push(node);
  }
  state.nodes = fresh;
  box.replaceChildren(...children);
  if (atBottom || entries.length > state.lastCount) box.scrollTop = box.scrollHeight;
  state.lastCount = entries.length;
}

function bubble(items) {
  const first = items[0];
  const row = el("div", `msg ${first.from}`);
  row.dataset.key = first.key;
  row.dataset.id = first.id;
  const body = el("div", "bubble");
  if (first.reply) body.append(el("div", "quote", first.reply));
  const photos = items.filter((item) => item.media && ["photo", "sticker"].includes(item.media.kind));
  if (items.length > 1 && photos.length) {
    const album = el("div", "album");
    for (const item of photos) album.append(mediaNode(item.media));
    body.append(album);
  } else if (first.media) {
    body.append(mediaNode(first.media));
  }
  if (first.contact) {
    const contact = el("div", "contact");
    contact.append(el("div", "avatar", "👤"));
    const who = el("div");
    who.append(el("div", null, first.contact.name || t("contact")), el("div", "meta", first.contact.phone));
    contact.append(who);
    body.append(contact);
  }
  if (first.location) {
    body.append(el("div", "location", `📍 ${first.location.latitude}, ${first.location.longitude}`));
  }
  const withText = items.find((item) => item.text);
  if (withText) body.append(richText(withText.text, withText.entities, sendText));
  const time = first.date ? new Date(first.date * 1000) : null;
  const two = (n) => String(n).padStart(2, "0");
  const stamp = time ? `${two(time.getHours())}:${two(time.getMinutes())}` : "";
  const edited = items.some((item) => item.edited) ? `${t("edited")} ` : "";
  body.append(el("div", "meta", edited + stamp));
  const stack = el("div", "stack");
  stack.append(body);
  const keyboard = items.find((item) => item.buttons);
  if (keyboard) stack.append(inlineKeyboard(keyboard));
  row.append(stack);
  return row;
}

function mediaNode(media) {
  if (media.kind === "photo" || media.kind === "sticker") {
    const img = el("img", "photo");
    img.src = media.url;
    img.alt = "";
    if (media.width && media.height) {
      img.width = media.width;
      img.height = media.height;
    }
    img.addEventListener("click", () => window.open(media.url, "_blank", "noopener"));
    return img;
  }
  if (media.kind === "voice" || media.kind === "audio") {
    const box = el("div", "voice");
    const play = el("button", null, "▶");
    play.type = "button";
    play.addEventListener("click", () => new Audio(media.url).play().catch(() => toast("🔇")));
    box.append(play, el("span", null, `🎤 ${t("voice")} · 0:${String(media.duration || 0).padStart(2, "0")}`));
    return box;
  }
  if (media.kind === "video" || media.kind === "animation" || media.kind === "video_note") {
    const video = el("video", "photo");
    video.src = media.url;
    video.controls = true;
    return video;
  }
  const box = el("div", "file");
  const link = el("a", null, `📄 ${media.file_name || t("file")}`);
  link.href = media.url;
  link.download = media.file_name || "file";
  box.append(link);
  if (media.file_size) box.append(el("span", "meta", `${Math.ceil(media.file_size / 1024)} KB`));
  return box;
}

function inlineKeyboard(item) {
  const box = el("div", "inline-kb");
  item.buttons.forEach((buttons, rowIndex) => {
    const row = el("div", "kb-row");
    buttons.forEach((button, colIndex) => {
      const node = el("button", null, button.text + (button.url ? " ↗" : ""));
      node.type = "button";
      node.addEventListener("click", () => {
        if (button.url) {
          if (SAFE_LINK.test(button.url)) window.open(button.url, "_blank", "noopener");
          return;
        }
        node.classList.add("busy");
        setTimeout(() => node.classList.remove("busy"), 1200);
        post("press", { message_id: item.id, row: rowIndex, col: colIndex });
      });
      row.append(node);
    });
    box.append(row);
  });
  return box;
}

function renderKeyboard() {
  const box = $("#keyboard");
  const keyboard = state.meta.keyboard;
  box.hidden = !keyboard;
  $("#text").placeholder = (keyboard && keyboard.placeholder) || t("placeholder");
  if (!keyboard) return box.replaceChildren();
  const rows = keyboard.rows.map((buttons, rowIndex) => {
    const row = el("div", "kb-row");
    buttons.forEach((button, colIndex) => {
      const node = el("button", null, button.text);
      node.type = "button";
      node.addEventListener("click", () =>
        post("press", { message_id: keyboard.message_id, row: rowIndex, col: colIndex }));
      row.append(node);
    });
    return row;
  });
  box.replaceChildren(...rows);
}

function renderMenu() {
  const box = $("#menu");
  const commands = state.meta.commands || [];
  if (!commands.length) return box.replaceChildren(el("div", "sheet-title", t("menu_empty")));
  box.replaceChildren(...commands.map((command) => {
    const item = el("button", "menu-item");
    item.type = "button";
    item.append(el("b", null, `/${command.command}`), document.createTextNode(command.description));
    item.addEventListener("click", () => {
      box.hidden = true;
      sendText(`/${command.command}`);
    });
    return item;
  }));
}

let toastTimer = null;
function toast(text) {
  const box = $("#toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 3500);
}

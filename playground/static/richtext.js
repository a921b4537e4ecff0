// Telegram's way of formatting: plain text plus entities (offsets in UTF-16 units, the same unit
// as JavaScript strings). Nodes are built with textContent only: nothing is ever parsed as HTML.
"use strict";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

const SAFE_LINK = /^(https?:|tg:|mailto:)/i;
const COMMAND = /(^|[\s(])(\/[A-Za-z][A-Za-z0-9_]{0,31})(?![A-Za-z0-9_@])/g;

function richText(text, entities, onCommand) {
  const root = el("div", "text");
  const sorted = (entities || [])
    .filter((e) => e.length > 0)
    .slice()
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(root, text, 0, text.length, sorted, onCommand);
  return root;
}

function build(parent, text, start, end, entities, onCommand) {
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const from = Math.max(entity.offset, pos);
    const to = Math.min(entity.offset + entity.length, end);
    let j = i + 1;
    const inner = [];
    while (j < entities.length && entities[j].offset < to) inner.push(entities[j++]);
    if (from > pos) plain(parent, text.slice(pos, from), onCommand);
    if (to > from) {
      const node = entityNode(entity, text.slice(from, to));
      build(node, text, from, to, inner, onCommand);
      parent.append(node);
      pos = to;
    }
    i = j;
  }
  if (pos < end) plain(parent, text.slice(pos, end), onCommand);
}

function entityNode(entity, covered) {
  const tags = {
    bold: "b", italic: "i", underline: "u", strikethrough: "s", code: "code", pre: "pre",
    blockquote: "blockquote", expandable_blockquote: "blockquote",
  };
  if (tags[entity.type]) return el(tags[entity.type]);
  if (entity.type === "text_link" || entity.type === "url") {
    const href = entity.type === "url" ? covered : entity.url || "";
    if (!SAFE_LINK.test(href)) return el("span");
    const link = el("a");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  if (entity.type === "spoiler") {
    const node = el("span", "spoiler");
    node.addEventListener("click", () => node.classList.add("shown"));
    return node;
  }
  return el("span");
}

// Plain text, with /commands clickable as in Telegram.
function plain(parent, text, onCommand) {
  let last = 0;
  for (const match of text.matchAll(COMMAND)) {
    const at = match.index + match[1].length;
    if (at > last) parent.append(document.createTextNode(text.slice(last, at)));
    const command = match[2];
    const link = el("a", "cmd", command);
    link.addEventListener("click", () => onCommand(command));
    parent.append(link);
    last = at + command.length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

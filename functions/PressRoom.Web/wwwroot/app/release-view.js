// One release: the original and the English side by side, paragraph by paragraph, with entities highlighted.
import { ApiError, download, getRelease } from "./api.js";
import {
  KNOWN_CATEGORIES, appendBidiText, categoryClass, categoryLabel, failureAdvice, formatValue, formatWhen, h, isRtl,
  languageName, rejectionText, sentence, statusBadgeClass, statusLabel,
} from "./format.js";
import { EntityPopover } from "./popover.js";

export class ReleaseView {
  constructor(container, popoverElement) {
    this.container = container;
    this.popover = new EntityPopover(popoverElement);
    this.generation = 0;
    this.hidden = new Set();
    this.empty = container.querySelector(".empty-view")?.cloneNode(true) ?? h("div", { class: "empty-view" });
  }

  showEmpty() {
    this.generation++;
    this.popover.close();
    this.container.replaceChildren(this.empty.cloneNode(true));
  }

  async show(id) {
    const generation = ++this.generation;
    this.popover.close();
    this.container.replaceChildren(h("p", { class: "loading", role: "status" }, "Opening the release…"));
    try {
      const release = await getRelease(id);
      if (generation !== this.generation) return;
      this.render(release);
    } catch (e) {
      if (generation !== this.generation) return;
      this.container.replaceChildren(h("div", { class: "error-box", role: "alert" },
        h("strong", {}, e instanceof ApiError && e.status === 404 ? "This release was not found." : "The release could not be opened."),
        h("p", {}, e.message)));
    }
    this.container.focus({ preventScroll: true });
  }

  render(release) {
    this.release = release;
    const sourceLang = release.language || "";
    const rtl = isRtl(sourceLang);
    const english = sourceLang === "en" ? null : release.translations.find(t => t.language === "en");
    const sourceEntities = release.entities[sourceLang] || [];
    const englishEntities = english?.blocks ? (release.entities.en || []) : [];

    const parts = [this.head(release, english)];
    parts.push(...this.notices(release, english, sourceLang));
    if (release.sourceBlocks) {
      const all = [...sourceEntities, ...englishEntities];
      if (all.length) parts.push(this.legend(all));
      parts.push(this.columns(release, withOffsets(release.sourceBlocks), sourceEntities, english, englishEntities, rtl));
    }
    this.container.replaceChildren(...parts);
    this.applyFilter();
  }

  head(release, english) {
    const lang = release.language || undefined;
    const id = encodeURIComponent(release.id);
    const meta = [
      ["Status", h("span", { class: `badge ${statusBadgeClass(release.status)}` }, statusLabel(release.status))],
      ["Language", languageName(release.language)],
      ["Received", formatWhen(release.receivedAt)],
      release.dateline?.place || release.dateline?.date ? ["Dateline", datelineParts(release.dateline)] : null,
      release.format ? ["Format", release.format.toUpperCase()] : null,
      release.sourceBlob ? ["File", h("bdi", {}, release.sourceBlob)] : null,
    ].filter(Boolean);
    const sourceText = release.texts[release.language];
    const actions = h("div", { class: "actions" },
      this.downloadLink(`/api/releases/${id}`, `${release.id}.release.json`, "Download release JSON"),
      release.texts.en && release.language !== "en" ? this.downloadLink(release.texts.en, `${release.id}.en.txt`, "Download English text") : null,
      sourceText ? this.downloadLink(sourceText, `${release.id}.${release.language}.txt`, `Download ${languageName(release.language)} text`) : null);
    return h("header", { class: "release-head" },
      h("h1", { lang, dir: isRtl(lang) ? "rtl" : "auto" }, release.title || release.sourceBlob || release.id),
      release.titleEn && release.language !== "en" ? h("p", { class: "title-en", lang: "en" }, release.titleEn) : null,
      h("dl", { class: "meta" }, meta.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))),
      actions);
  }

  downloadLink(path, fileName, label) {
    return h("a", {
      class: "button button-small", href: path, download: fileName,
      onclick: async e => {
        e.preventDefault();
        try { await download(path, fileName); } catch (err) { this.container.dispatchEvent(new CustomEvent("toast", { bubbles: true, detail: err.message })); }
      },
    }, label);
  }

  notices(release, english, sourceLang) {
    const out = [];
    if (release.status === "Rejected") {
      out.push(h("div", { class: "notice notice-warn", role: "note" },
        h("strong", {}, "Rejected — this file was not processed."),
        h("span", { class: "reason" }, release.reason || rejectionText(release.reasonCode))));
    } else if (release.status === "Failed") {
      out.push(h("div", { class: "notice notice-bad", role: "note" },
        h("strong", {}, "Processing failed."),
        h("span", { class: "reason" }, release.reason || ""), " ",
        h("span", {}, failureAdvice(release.reasonCode))));
    } else if (release.status !== "Completed") {
      out.push(h("div", { class: "notice notice-info", role: "note" },
        h("strong", {}, "Still being processed."), "Open it again in a moment to read it."));
    } else if (english && !english.blocks) {
      out.push(h("div", { class: "notice notice-info", role: "note", "data-translation": english.status || "Skipped" },
        h("strong", {}, english.status === "Failed" ? "The English translation failed." : "The English translation was skipped."),
        `${english.reason ? sentence(english.reason.replace(/^(Skipped|Failed):\s*/i, "")) + " " : ""}`
        + "The English column lists the names found in each paragraph, in English, instead. "
        + "A full English translation needs a translation provider (Translation:Provider azure or chat)."));
    }
    return out;
  }

  legend(entities) {
    const counts = new Map();
    for (const e of entities) counts.set(categoryClass(e.category), (counts.get(categoryClass(e.category)) || 0) + 1);
    const order = [...KNOWN_CATEGORIES, "Other"].filter(c => counts.has(c));
    return h("div", { class: "legend", role: "group", "aria-label": "Highlighted entities: show or hide by category" },
      h("span", { class: "legend-label" }, "Highlight:"),
      order.map(c => h("button", {
        type: "button", class: "chip", "aria-pressed": this.hidden.has(c) ? "false" : "true", dataset: { category: c },
        onclick: ev => {
          if (this.hidden.has(c)) this.hidden.delete(c); else this.hidden.add(c);
          ev.currentTarget.setAttribute("aria-pressed", this.hidden.has(c) ? "false" : "true");
          this.applyFilter();
        },
      }, h("span", { class: `swatch sw-${c}`, "aria-hidden": "true" }), categoryLabel(c), h("span", { class: "count" }, String(counts.get(c))))));
  }

  applyFilter() {
    for (const mark of this.container.querySelectorAll(".ent")) {
      const off = this.hidden.has(mark.dataset.category);
      mark.classList.toggle("is-off", off);
      mark.tabIndex = off ? -1 : 0;
    }
  }

  columns(release, sourceParas, sourceEntities, english, englishEntities, rtl) {
    const sourceLang = release.language || "und";
    const single = !english;
    const englishParas = english?.blocks ? withOffsets(english.blocks) : [];
    const wrap = h("div", { class: "release-body" });
    if (!single) {
      wrap.append(h("div", { class: "columns-head", "aria-hidden": "true" },
        h("div", { dir: rtl ? "rtl" : "ltr", lang: sourceLang }, rtl ? `${languageName(sourceLang)} — النص الأصلي` : `${languageName(sourceLang)} — original`),
        h("div", {}, english.blocks ? "English" : "English — names found")));
    }
    const rows = Math.max(sourceParas.length, englishParas.length);
    for (let i = 0; i < rows; i++) {
      const row = h("div", { class: single ? "para-row para-row-single" : "para-row", dataset: { paragraph: String(i) } });
      const src = sourceParas[i];
      const srcEl = h(i === 0 ? "h2" : "p", {
        class: `para para-source${i === 0 ? " para-title" : ""}`, lang: sourceLang, dir: rtl ? "rtl" : "ltr", dataset: { column: "source" },
      });
      if (src) this.fill(srcEl, src, sourceEntities, rtl, sourceLang);
      row.append(srcEl);
      if (!single) {
        const en = englishParas[i];
        const enEl = h(i === 0 ? "h2" : "p", { class: `para para-en${i === 0 ? " para-title" : ""}`, lang: "en", dir: "ltr", dataset: { column: "en" } });
        if (en) this.fill(enEl, en, englishEntities, false, "en");
        else if (!english.blocks && src) this.namesInstead(enEl, src, sourceEntities);
        row.append(enEl);
      }
      wrap.append(row);
    }
    return wrap;
  }

  /** Paragraph text with its entities wrapped in focusable marks. Overlapping mentions keep the first, longest one. */
  fill(el, para, entities, rtl, lang) {
    const end = para.start + para.text.length;
    const inside = entities
      .map(e => locate(e, para))
      .filter(e => e && e.offset >= para.start && e.offset + e.length <= end)
      .sort((a, b) => a.offset - b.offset || b.length - a.length);
    let cursor = para.start;
    for (const e of inside) {
      if (e.offset < cursor) continue;
      appendBidiText(el, para.text.slice(cursor - para.start, e.offset - para.start), rtl);
      el.append(this.mark(e.entity, para.text.slice(e.offset - para.start, e.offset - para.start + e.length), lang));
      cursor = e.offset + e.length;
    }
    appendBidiText(el, para.text.slice(cursor - para.start), rtl);
  }

  mark(entity, text, lang) {
    const category = categoryClass(entity.category);
    const mark = h("mark", {
      class: `ent ent-${category}`, tabindex: "0", role: "button", "aria-haspopup": "dialog", "aria-expanded": "false",
      "aria-label": `${text}: ${categoryLabel(entity.category)}${entity.english && entity.english !== text ? `, ${entity.english}` : ""}`,
      dataset: { category, key: entity.key, value: entity.value || "" },
    }, text);
    this.popover.attach(mark, entity, lang, () => this.release?.id);
    return mark;
  }

  /** When there is no English text: the paragraph's names in English, so staff can still see who and what it is about. */
  namesInstead(el, para, entities) {
    const seen = new Set();
    const items = [];
    for (const e of entities) {
      const at = locate(e, para);
      if (!at || at.offset < para.start || at.offset >= para.start + para.text.length) continue;
      const id = e.key || `${e.category}:${e.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const value = formatValue(e.value, e.category);
      const name = e.english || value || e.text;
      const extra = value && value !== name && !value.startsWith(`${name} `) ? `, ${value}` : "";
      items.push(h("li", {},
        this.mark(e, name, "en"),
        h("span", { class: "count" }, ` — ${categoryLabel(e.category)}${extra}`)));
    }
    el.classList.add("para-missing");
    if (items.length) el.append(h("span", {}, "Names in this paragraph:"), h("ul", {}, items));
    else el.append(h("span", {}, "No names in this paragraph."));
  }
}

/** "الدوحة, 29 March 2026": each part isolated so an Arabic place and a date keep their own direction. */
function datelineParts(dateline) {
  const parts = [];
  if (dateline.place) parts.push(h("bdi", {}, dateline.place));
  if (dateline.date) {
    if (parts.length) parts.push(", ");
    const value = formatValue(dateline.date, "DateTime");
    parts.push(h("bdi", {}, value.replace(/\s*\(.*\)$/, "")));
  }
  return parts;
}

/** Title and paragraphs with their offsets in the text the entities were found in (blocks joined by blank lines). */
function withOffsets(blocks) {
  let start = 0;
  return blocks.map(text => {
    const block = { start, text: text || "" };
    start += block.text.length + 2;
    return block;
  });
}

/** Finds an entity inside a paragraph: at its offset when the text matches there, else by its text nearby. */
function locate(e, para) {
  if (e.offset < 0 || !e.text) return null;
  const local = e.offset - para.start;
  if (local >= 0 && para.text.substr(local, e.length || e.text.length) === e.text) {
    return { entity: e, offset: e.offset, length: e.text.length };
  }
  if (local < -50 || local > para.text.length + 50) return null;
  const near = para.text.indexOf(e.text, Math.max(0, local - 50));
  return near >= 0 && Math.abs(near - local) <= 50 ? { entity: e, offset: para.start + near, length: e.text.length } : null;
}

// Recent releases: newest first, filtered by language and status, searchable by title or entity name in Arabic or English.
import { entityReleases, listReleases, searchEntities } from "./api.js";
import { categoryClass, categoryLabel, formatWhen, h, isRtl, languageName, statusBadgeClass, statusLabel } from "./format.js";

const PAGE = 20;

/** Folds what Arabic and Latin spellings vary in: diacritics, alef/yeh/teh marbuta forms, tatweel, case, accents. */
export function fold(text) {
  return String(text || "")
    .normalize("NFKD")
    .replace(/[\u064B-\u065F\u0670\u0640\u0300-\u036f]/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .toLowerCase()
    .trim();
}

export class ReleaseList {
  constructor({ form, search, language, status, list, more, state, matches, refresh }) {
    Object.assign(this, { form, search, language, status, list, more, state, matches });
    this.items = [];
    this.continuation = "";
    this.entity = null;
    this.currentId = "";
    this.generation = 0;
    form.addEventListener("submit", e => e.preventDefault());
    language.addEventListener("change", () => this.reload());
    status.addEventListener("change", () => this.reload());
    refresh.addEventListener("click", () => this.reload());
    more.addEventListener("click", () => this.load(true));
    let timer;
    search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.onSearch(), 300);
    });
  }

  async reload() {
    this.continuation = "";
    this.items = [];
    await this.load(false);
  }

  async load(append) {
    const generation = ++this.generation;
    this.state.textContent = "Loading…";
    try {
      const page = this.entity
        ? { items: await entityReleases(this.entity.key), continuation: "" }
        : await listReleases({ language: this.language.value, status: this.status.value, top: PAGE, continuation: append ? this.continuation : "" });
      if (generation !== this.generation) return;
      this.items = append ? [...this.items, ...page.items] : page.items;
      this.continuation = page.continuation;
      this.render();
    } catch (e) {
      if (generation !== this.generation) return;
      this.state.textContent = e.message;
    }
  }

  async onSearch() {
    const q = this.search.value.trim();
    this.matches.replaceChildren();
    this.matches.hidden = true;
    if (this.entity) { this.entity = null; await this.reload(); }
    this.render();
    if (q.length < 2) return;
    try {
      const found = (await searchEntities(q)).filter(e => e.key).slice(0, 8);
      if (this.search.value.trim() !== q || found.length === 0) return;
      this.matches.append(h("p", {}, "Names that match — choose one to list every release that mentions it:"));
      for (const e of found) {
        this.matches.append(h("button", {
          type: "button", class: "chip", "aria-pressed": "false", dataset: { key: e.key },
          onclick: ev => this.pickEntity(e, ev.currentTarget),
        },
        h("span", { class: `swatch sw-${categoryClass(e.category)}`, "aria-hidden": "true" }),
        h("bdi", {}, e.english && e.text && e.english !== e.text ? `${e.english} · ${e.text}` : (e.english || e.text)),
        h("span", { class: "visually-hidden" }, `, ${categoryLabel(e.category)}`)));
      }
      this.matches.hidden = false;
    } catch {
      // Name search is a help, not a must: titles are still filtered locally.
    }
  }

  async pickEntity(entity, button) {
    const same = this.entity?.key === entity.key;
    for (const b of this.matches.querySelectorAll(".chip")) b.setAttribute("aria-pressed", "false");
    this.entity = same ? null : entity;
    if (!same) button.setAttribute("aria-pressed", "true");
    await this.reload();
  }

  visibleItems() {
    const q = fold(this.search.value);
    if (!q || this.entity) return this.items;
    return this.items.filter(r => fold(r.title).includes(q) || fold(r.titleEn).includes(q) || fold(r.sourceBlob).includes(q));
  }

  render() {
    const items = this.visibleItems();
    this.list.replaceChildren(...items.map(r => this.row(r)));
    this.more.hidden = !this.continuation || !!this.entity;
    if (this.entity) {
      this.state.textContent = `${items.length} release${items.length === 1 ? "" : "s"} mention ${this.entity.english || this.entity.text}.`;
    } else if (items.length === 0) {
      this.state.textContent = this.items.length ? "No loaded release matches. Try a name below, or clear the search." : "No releases yet. Upload one above.";
    } else {
      this.state.textContent = "";
    }
  }

  row(r) {
    const lang = r.language || undefined;
    return h("li", {},
      h("a", { class: "release-link", href: `#/release/${encodeURIComponent(r.id)}`, "aria-current": r.id === this.currentId ? "page" : undefined, dataset: { releaseId: r.id } },
        h("span", { class: "release-title", lang, dir: isRtl(lang) ? "rtl" : "auto" }, r.title || r.sourceBlob || r.id),
        h("span", { class: `badge ${statusBadgeClass(r.status)}` }, statusLabel(r.status)),
        r.titleEn ? h("span", { class: "release-en", lang: "en" }, r.titleEn) : null,
        h("span", { class: "release-sub" }, [r.language ? languageName(r.language) : "", formatWhen(r.receivedAt), r.sourceBlob].filter(Boolean).join(" · "))));
  }

  /** Marks the open release and refreshes the list when one of ours finished. */
  setCurrent(id) {
    this.currentId = id;
    for (const a of this.list.querySelectorAll(".release-link")) {
      if (a.dataset.releaseId === id) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
  }
}

// The card that opens on an entity: hover or focus shows it, click or Enter pins it, Escape closes it.
import { entityReleases } from "./api.js";
import { categoryClass, categoryLabel, formatValue, formatWhen, h, isRtl } from "./format.js";

const HIDE_DELAY_MS = 250;
const UNINDEXED_CATEGORIES = new Set(["DateTime", "Quantity", "PhoneNumber", "Email", "URL", "IP"]);

export class EntityPopover {
  constructor(element) {
    this.el = element;
    this.el.id ||= "entity-popover";
    this.related = new Map(); // entity key → Promise of releases; one request per key per page load
    this.anchor = null;
    this.pinned = false;
    this.hideTimer = 0;
    this.el.addEventListener("mouseenter", () => clearTimeout(this.hideTimer));
    this.el.addEventListener("mouseleave", () => this.scheduleHide());
    document.addEventListener("keydown", e => {
      if (e.key === "Escape" && !this.el.hidden) {
        const anchor = this.anchor;
        this.close();
        anchor?.focus();
      }
    });
    document.addEventListener("click", e => {
      if (!this.el.hidden && !this.el.contains(e.target) && !e.target.closest?.(".ent")) this.close();
    });
    window.addEventListener("resize", () => this.place());
  }

  attach(mark, entity, lang, currentReleaseId) {
    mark.addEventListener("mouseenter", () => { if (!this.pinned) this.open(mark, entity, lang, currentReleaseId); });
    mark.addEventListener("mouseleave", () => { if (!this.pinned) this.scheduleHide(); });
    mark.addEventListener("focus", () => { if (!this.pinned || this.anchor !== mark) this.open(mark, entity, lang, currentReleaseId); });
    mark.addEventListener("blur", e => { if (!this.pinned && !this.el.contains(e.relatedTarget)) this.scheduleHide(); });
    const toggle = () => {
      if (this.pinned && this.anchor === mark) { this.close(); return; }
      this.open(mark, entity, lang, currentReleaseId);
      this.pinned = true;
    };
    mark.addEventListener("click", e => { e.preventDefault(); toggle(); });
    mark.addEventListener("keydown", e => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); }
    });
  }

  open(mark, entity, lang, currentReleaseId) {
    clearTimeout(this.hideTimer);
    if (mark.classList.contains("is-off")) return;
    if (this.anchor && this.anchor !== mark) this.release(this.anchor);
    this.pinned = false;
    this.anchor = mark;
    mark.classList.add("is-open");
    mark.setAttribute("aria-expanded", "true");
    mark.setAttribute("aria-describedby", this.el.id);
    this.el.replaceChildren(...this.content(entity, lang, currentReleaseId()));
    this.el.dataset.key = entity.key || "";
    this.el.hidden = false;
    this.place();
  }

  content(entity, lang, currentId) {
    const category = categoryClass(entity.category);
    const rows = [];
    const add = (term, value, attrs = {}) => { if (value) rows.push(h("dt", {}, term), h("dd", attrs, value)); };
    const name = entity.english || entity.text;
    add("In the text", entity.text, { lang: lang || undefined, dir: "auto", class: isRtl(lang) ? "pop-source" : undefined });
    add("English", entity.english || "—", { lang: "en", class: "pop-english" });
    add("Value", formatValue(entity.value, entity.category), { class: "pop-value", dir: "ltr" });
    add("Type", entity.subcategory);
    // Dates and numbers are not in the entity index (docs/output-contract.md), so there is nothing to look up.
    const linked = entity.key && !UNINDEXED_CATEGORIES.has(entity.category);
    const related = h("div", { class: "pop-related" }, h("strong", {}, "Other releases"), h("p", { class: "hint" }, linked ? "Looking…" : "Not linked to other releases."));
    if (linked) this.fillRelated(related, entity.key, currentId);
    return [
      h("span", { class: "pop-cat" }, h("span", { class: `swatch sw-${category}`, "aria-hidden": "true" }), categoryLabel(entity.category)),
      h("h3", { lang: entity.english ? "en" : undefined }, name),
      h("dl", {}, rows),
      related,
    ];
  }

  async fillRelated(container, key, currentId) {
    if (!this.related.has(key)) this.related.set(key, entityReleases(key).catch(() => null));
    const releases = await this.related.get(key);
    const others = (releases || []).filter(r => r.id && r.id !== currentId);
    const body = releases === null
      ? h("p", { class: "hint" }, "Could not look up other releases.")
      : others.length === 0
        ? h("p", { class: "hint" }, "No other release mentions it yet.")
        : h("ul", {}, others.slice(0, 6).map(r => h("li", {},
          h("a", { href: `#/release/${encodeURIComponent(r.id)}`, dir: "auto", lang: r.language || undefined }, r.title || r.id),
          r.receivedAt ? h("span", { class: "count" }, ` · ${formatWhen(r.receivedAt)}`) : null)));
    container.replaceChildren(container.firstChild, body);
    if (others.length > 6) container.append(h("p", { class: "hint" }, `and ${others.length - 6} more`));
    this.place();
  }

  place() {
    if (this.el.hidden || !this.anchor) return;
    const r = this.anchor.getBoundingClientRect();
    const pw = this.el.offsetWidth;
    const ph = this.el.offsetHeight;
    const vw = document.documentElement.clientWidth;
    let left = Math.min(Math.max(8, r.left + r.width / 2 - pw / 2), vw - pw - 8);
    let top = r.bottom + 8;
    if (top + ph > window.innerHeight - 8 && r.top - ph - 8 > 0) top = r.top - ph - 8;
    this.el.style.left = `${left + window.scrollX}px`;
    this.el.style.top = `${top + window.scrollY}px`;
  }

  scheduleHide() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.close(), HIDE_DELAY_MS);
  }

  release(mark) {
    mark.classList.remove("is-open");
    mark.setAttribute("aria-expanded", "false");
    mark.removeAttribute("aria-describedby");
  }

  close() {
    clearTimeout(this.hideTimer);
    if (this.anchor) this.release(this.anchor);
    this.anchor = null;
    this.pinned = false;
    this.el.hidden = true;
  }
}

// Words and numbers as staff read them: stage names, statuses, amounts, dates, languages.

/** The stages staff see, in order. Pipeline activity names map onto them. */
export const STAGES = [
  { id: "received", label: "Received" },
  { id: "reading", label: "Reading" },
  { id: "translating", label: "Translating" },
  { id: "extracting", label: "Extracting" },
  { id: "saved", label: "Saved" },
];

const STAGE_OF_ACTIVITY = {
  readdocument: "reading",
  detectlanguage: "reading",
  translate: "translating",
  extractentities: "extracting",
  saveresults: "saved",
  done: "saved",
};

/** Final outcomes; anything else is still in progress. */
export const FINAL = new Set(["Completed", "Rejected", "Failed", "Superseded", "Withdrawn"]);

/** Index into STAGES of the stage a status is in (the active one while running). */
export function stageIndex({ status, stage }) {
  if (status === "Completed") return STAGES.length;
  const mapped = STAGE_OF_ACTIVITY[String(stage || "").toLowerCase()] || String(stage || "").toLowerCase();
  const i = STAGES.findIndex(s => s.id === mapped);
  if (i >= 0) return i;
  return status === "Processing" || status === "Running" ? 1 : 0;
}

export function statusBadgeClass(status) {
  switch (status) {
    case "Completed": return "badge-completed";
    case "Rejected": return "badge-rejected";
    case "Failed": return "badge-failed";
    case "Superseded": case "Withdrawn": return "badge-muted";
    default: return "badge-progress";
  }
}

export function statusLabel(status) {
  switch (status) {
    case "Received": case "Processing": case "Running": case "Pending": case "": return "In progress";
    default: return status;
  }
}

/** What an admin can do about a failed release, in plain words. */
export function failureAdvice(reasonCode) {
  switch (reasonCode) {
    case "ProviderRejected":
      return "A translation or language service refused the text. An administrator can check the service settings, then retry this release from the admin dashboard.";
    case "Timeout": case "Unreachable":
      return "A cloud service did not answer. An administrator can retry this release from the admin dashboard once the service is reachable.";
    default:
      return "Nothing was lost: the original is kept. An administrator can see the details and retry this release from the admin dashboard (/admin).";
  }
}

/** Plain-language reasons by rejection code, used when the server sent only a code. */
export function rejectionText(reasonCode) {
  switch (reasonCode) {
    case "UnsupportedFormat": return "This kind of file is not supported. Upload Word (.docx), PDF, HTML, email (.eml) or text.";
    case "Empty": return "The file is empty.";
    case "TooLarge": return "The file is too large.";
    case "Encrypted": return "The file is password-protected. Save an unprotected copy and upload that.";
    case "Corrupt": return "The file is damaged and cannot be opened.";
    case "NoText": return "The file holds no text — if it is a PDF, it looks scanned.";
    case "DecodingFailed": return "The text could not be read: it is not in an encoding PressRoom recognises.";
    case "LimitExceeded": return "The file is too long (too many pages or characters).";
    case "UnsafeContent": return "The file has an unsafe structure and was not opened.";
    case "Overwritten": return "A newer upload under the same name replaced this one before it was read; the newer upload is processed instead.";
    default: return "The file could not be processed.";
  }
}

const LANGUAGES = { ar: "Arabic", en: "English", fr: "French", es: "Spanish", de: "German", ru: "Russian", zh: "Chinese", fa: "Persian", ur: "Urdu", tr: "Turkish", he: "Hebrew" };
export const languageName = code => LANGUAGES[String(code || "").toLowerCase()] || (code ? String(code).toUpperCase() : "Unknown");
export const isRtl = code => ["ar", "fa", "ur", "he", "ps", "ku", "yi"].includes(String(code || "").toLowerCase().split("-")[0]);

const CATEGORY_LABELS = {
  Person: "Person", PersonType: "Role", Organization: "Organization", Location: "Place",
  DateTime: "Date & time", Quantity: "Amount", Event: "Event", Other: "Other",
};
export const KNOWN_CATEGORIES = ["Person", "PersonType", "Organization", "Location", "DateTime", "Quantity", "Event"];
export const categoryClass = c => (KNOWN_CATEGORIES.includes(c) ? c : "Other");
export const categoryLabel = c => CATEGORY_LABELS[categoryClass(c)] || c;

const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const UNITS = { Y: "year", M: "month", W: "week", D: "day" };

/** An ISO 8601 date or part of one in words: 2024-03-29 → 29 March 2024, 2018-12 → December 2018, 2019 → 2019. */
function isoDateWords(v) {
  const dayOfYear = /^--(\d{2})-(\d{2})$/.exec(v);
  if (dayOfYear && MONTHS[+dayOfYear[1] - 1]) return `${+dayOfYear[2]} ${MONTHS[+dayOfYear[1] - 1]}`;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  if (!m[2]) return m[1];
  const month = MONTHS[+m[2] - 1];
  if (!month) return null;
  return m[3] ? `${+m[3]} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** An ISO 8601 duration in words: P3Y → 3 years, P1M → 1 month. */
function durationWords(v) {
  const m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return `${amountFormat.format(n)} ${UNITS[m[2]]}${n === 1 ? "" : "s"}`;
}

/**
 * A normalized value as staff read it, the ISO form kept beside the words:
 * "15000000 USD" → "15,000,000 USD"; "2024-03-29" → "29 March 2024 (2024-03-29)"; "2019/2023" → "2019 to 2023 (2019/2023)";
 * "P3Y" → "3 years (P3Y)"; "R/P1Y" → "every year (R/P1Y)". Unknown shapes are shown as they are.
 */
export function formatValue(value, category) {
  if (value === undefined || value === null || value === "") return "";
  const v = String(value).trim();
  if (category === "DateTime" && /^\d{4}$/.test(v)) return v;
  const money = /^(-?\d+(?:\.\d+)?)\s*([A-Z]{3})$/.exec(v);
  if (money) return `${amountFormat.format(Number(money[1]))} ${money[2]}`;
  if (/^-?\d+(?:\.\d+)?$/.test(v)) return amountFormat.format(Number(v));
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(v);
  if (percent) return `${amountFormat.format(Number(percent[1]))}%`;
  const date = isoDateWords(v);
  if (date) return date === v ? v : `${date} (${v})`;
  const range = /^([^/]+)\/([^/]+)$/.exec(v);
  if (range && isoDateWords(range[1]) && isoDateWords(range[2])) return `${isoDateWords(range[1])} to ${isoDateWords(range[2])} (${v})`;
  const duration = durationWords(v);
  if (duration) return `${duration} (${v})`;
  const repeat = /^R\/P1([YMWD])$/.exec(v);
  if (repeat) return `every ${UNITS[repeat[1]]} (${v})`;
  const unit = /^(-?\d+(?:\.\d+)?)\s+(.+)$/.exec(v);
  if (unit) return `${amountFormat.format(Number(unit[1]))} ${unit[2]}`;
  return v;
}

/** "no translation provider configured" → "No translation provider configured." */
export function sentence(text) {
  const t = String(text || "").trim();
  if (!t) return "";
  return t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

export function formatWhen(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Builds an element: h("p", { class: "x", dir: "rtl" }, "text", child). Text is always text, never HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Appends text to a parent, isolating Latin words and numbers when the paragraph is right-to-left,
 * so "UNOCT", "2019" or "15" keep their order and punctuation inside Arabic sentences.
 */
export function appendBidiText(parent, text, rtl) {
  if (!rtl) { parent.append(text); return; }
  const re = /[A-Za-z0-9][A-Za-z0-9.,'’&/%:-]*(?:\s+[A-Za-z0-9][A-Za-z0-9.,'’&/%:-]*)*/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    let run = m[0];
    let trail = "";
    const t = /[.,:]+$/.exec(run);
    if (t) { trail = t[0]; run = run.slice(0, -trail.length); }
    parent.append(h("bdi", { dir: "ltr" }, run));
    if (trail) parent.append(trail);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

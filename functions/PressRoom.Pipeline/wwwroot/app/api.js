// The releases HTTP API (issue 6), called with the key kept in this tab's sessionStorage.
// Every response is turned into plain objects here, so the rest of the page never reads raw JSON shapes.

const KEY_STORAGE = "pressroom.apiKey";

/** An error a person can read: never a stack trace, never a raw server dump. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const auth = {
  get key() {
    try { return sessionStorage.getItem(KEY_STORAGE) || ""; } catch { return ""; }
  },
  set key(value) {
    try {
      if (value) sessionStorage.setItem(KEY_STORAGE, value); else sessionStorage.removeItem(KEY_STORAGE);
    } catch { /* storage disabled: the key lives only until the next request fails */ }
  },
  /** Called on 401; resolves true when the user entered a key to retry with. Set by the page. */
  onKeyNeeded: async () => false,
};

function headers(extra) {
  const h = new Headers(extra || {});
  const key = auth.key;
  if (key) {
    h.set("X-Api-Key", key);          // local host (Api:Key)
    h.set("x-functions-key", key);    // Azure Functions app (Function key)
  }
  return h;
}

/** Removes anything that looks like a stack trace or exception dump and keeps the first sentence-sized part. */
export function humanText(text) {
  if (!text) return "";
  let t = String(text);
  const cut = t.search(/(\r?\n\s+at\s|\bat [\w.$<>]+\(|\n---\s*End of|\bStackTrace\b|Exception:\s*\n|   at )/);
  if (cut >= 0) t = t.slice(0, cut);
  t = t.replace(/\b(System|Microsoft|Azure)\.[\w.]+Exception:\s*/g, "").trim();
  if (/<\/?(html|body|pre|div)\b/i.test(t)) return "";
  return t.length > 400 ? t.slice(0, 397) + "…" : t;
}

async function errorFrom(response) {
  let code = "";
  let message = "";
  const type = response.headers.get("content-type") || "";
  try {
    if (type.includes("json")) {
      const body = await response.json();
      const err = body && (body.error || body);
      code = (err && (err.code || err.reasonCode || err.title)) || "";
      message = (err && (err.message || err.detail || err.reason)) || "";
    } else {
      message = await response.text();
    }
  } catch { /* unreadable body: fall back to the status */ }
  message = humanText(message);
  if (!message) message = describeStatus(response.status);
  return new ApiError(response.status, String(code), message);
}

function describeStatus(status) {
  switch (status) {
    case 400: return "The server could not use this request.";
    case 401: return "This PressRoom needs its API key.";
    case 403: return "This PressRoom only accepts requests from the computer it runs on, because no API key is configured. Ask the administrator to set one.";
    case 404: return "Not found. It may have been removed.";
    case 413: return "The file is too large to upload.";
    case 415: return "This kind of file is not supported.";
    case 429: return "The server is busy. Try again in a minute.";
    default: return status >= 500
      ? `The server could not complete the request (error ${status}). Try again; if it keeps happening, tell the administrator.`
      : `The request failed (error ${status}).`;
  }
}

/** fetch with the key; on 401 asks for a key once and retries. Network failures become ApiError(0). */
export async function request(path, options = {}, retried = false) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: headers(options.headers), credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "Network", "PressRoom cannot be reached. Check that it is running and that this computer is online.");
  }
  if (response.status === 401 && !retried && await auth.onKeyNeeded()) {
    return request(path, options, true);
  }
  if (!response.ok && response.status !== 202) throw await errorFrom(response);
  return response;
}

export async function getJson(path) {
  const response = await request(path, { headers: { Accept: "application/json" } });
  return response.json();
}

const pick = (o, ...names) => {
  if (!o) return undefined;
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
};

// ---------- Releases ----------

/** Uploads one file (multipart, field "file"); returns { releaseId, statusUrl, status }. */
export async function uploadRelease(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await request("/api/releases", { method: "POST", body: form, headers: { "X-File-Name": encodeURIComponent(file.name) } });
  let body = {};
  try { body = await response.json(); } catch { /* 202 with no body: fall back to Location */ }
  const releaseId = pick(body, "releaseId", "id");
  const statusUrl = pick(body, "statusUrl", "statusQueryGetUri") || response.headers.get("Location")
    || (releaseId ? `/api/releases/${encodeURIComponent(releaseId)}/status` : undefined);
  if (!releaseId) throw new ApiError(response.status, "NoReleaseId", "The server accepted the file but did not say which release it became.");
  return { releaseId, statusUrl, status: normalizeStatus(body) };
}

/** The live state of a release: { status, stage, reasonCode, reason }. */
export async function getStatus(statusUrl) {
  return normalizeStatus(await getJson(statusUrl));
}

export function normalizeStatus(body) {
  const custom = pick(body, "customStatus", "runtime") || {};
  return {
    status: pick(body, "status", "Status") || "",
    stage: pick(body, "stage", "Stage") || pick(custom, "stage", "Stage") || "",
    runtimeStatus: pick(body, "runtimeStatus") || pick(custom, "runtimeStatus") || "",
    reasonCode: pick(body, "reasonCode", "ReasonCode") || "",
    reason: humanText(pick(body, "reason", "Reason", "message") || ""),
    language: pick(body, "language") || "",
  };
}

/** One row of the list or the head of a release, whatever the server called its fields. */
export function normalizeSummary(r) {
  const titles = pick(r, "translatedTitles", "titles") || {};
  const title = pick(r, "title", "Title");
  return {
    id: pick(r, "releaseId", "ReleaseId", "id"),
    status: pick(r, "status", "Status") || "",
    reasonCode: pick(r, "reasonCode", "ReasonCode") || "",
    reason: humanText(pick(r, "reason", "Reason") || ""),
    language: pick(r, "language", "Language") || "",
    title: typeof title === "object" ? pick(title, "source", "text") : (title || ""),
    titleEn: (typeof title === "object" ? pick(title, "en", "english") : undefined) || pick(r, "titleEn", "TitleEn", "englishTitle") || titles.en || "",
    sourceBlob: pick(r, "sourceBlob", "SourceBlob", "fileName", "blobName") || "",
    format: pick(r, "format", "Format") || "",
    receivedAt: pick(r, "receivedAt", "ReceivedAt", "timestamp") || "",
    completedAt: pick(r, "completedAt", "CompletedAt") || "",
    dateline: pick(r, "dateline") || (pick(r, "datelinePlace") ? { place: r.datelinePlace, date: r.datelineDate } : null),
    entityCount: pick(r, "entityCount", "EntityCount"),
    paragraphs: pick(r, "paragraphs", "Paragraphs"),
  };
}

/** GET /api/releases with filters; returns { items, continuation }. */
export async function listReleases({ language, status, entity, top = 20, continuation } = {}) {
  const q = new URLSearchParams();
  if (language) q.set("language", language);
  if (status) q.set("status", status);
  if (entity) q.set("entity", entity);
  if (top) q.set("top", String(top));
  if (continuation) q.set("continuation", continuation);
  const body = await getJson(`/api/releases?${q}`);
  const items = Array.isArray(body) ? body : (pick(body, "items", "releases", "value", "results") || []);
  return {
    items: items.map(normalizeSummary),
    continuation: Array.isArray(body) ? "" : (pick(body, "continuation", "continuationToken", "next", "nextContinuation") || ""),
  };
}

/** GET /api/releases/{id}: summary, translations and entities by language. */
export async function getRelease(id) {
  const body = await getJson(`/api/releases/${encodeURIComponent(id)}`);
  const r = pick(body, "release") || body;
  const summary = normalizeSummary(r);
  let translations = pick(r, "translations") || [];
  const single = pick(body, "translation");
  if (!translations.length && single) translations = Array.isArray(single) ? single : [single];
  translations = translations.map(t => ({
    language: pick(t, "targetLanguage", "language", "to") || "",
    status: pick(t, "status") || "",
    reason: humanText(pick(t, "reason") || ""),
    provider: pick(t, "provider") || "",
    paragraphs: pick(t, "paragraphs") || null,
  }));
  return {
    ...summary,
    translations,
    entities: groupEntities(pick(body, "entities") ?? pick(r, "entities")),
    entitySummaries: pick(r, "entitySummaries") || [],
    blobs: pick(r, "blobs") || {},
    raw: body,
  };
}

/** Entities arrive either as { lang: [..] } (release.json) or as one list with a language per entity (table rows). */
function groupEntities(entities) {
  const byLanguage = {};
  if (!entities) return byLanguage;
  const add = (lang, e) => (byLanguage[lang] ||= []).push(normalizeEntity(e));
  if (Array.isArray(entities)) {
    for (const e of entities) add(pick(e, "language", "Language") || "source", e);
  } else {
    for (const [lang, list] of Object.entries(entities)) for (const e of list || []) add(lang, e);
  }
  return byLanguage;
}

function normalizeEntity(e) {
  return {
    category: pick(e, "category", "Category") || "Other",
    subcategory: pick(e, "subcategory", "Subcategory") || "",
    text: pick(e, "text", "Text") || "",
    offset: Number(pick(e, "offset", "Offset") ?? -1),
    length: Number(pick(e, "length", "Length") ?? 0),
    english: pick(e, "english", "English") || "",
    value: pick(e, "value", "Value") || "",
    key: pick(e, "key", "entityKey", "EntityKey") || "",
    confidence: pick(e, "confidence", "Confidence"),
    provider: pick(e, "provider", "Provider") || "",
  };
}

/** The text of a release in one language ("source" for the original). Null when there is none. */
export async function getText(id, lang) {
  try {
    const response = await request(`/api/releases/${encodeURIComponent(id)}/text?lang=${encodeURIComponent(lang)}`, { headers: { Accept: "text/plain" } });
    return await response.text();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return null;
    throw e;
  }
}

// ---------- Entities ----------

export async function searchEntities(q, category) {
  const p = new URLSearchParams({ q });
  if (category) p.set("category", category);
  const body = await getJson(`/api/entities?${p}`);
  const items = Array.isArray(body) ? body : (pick(body, "items", "entities", "value", "results") || []);
  return items.map(e => ({
    key: pick(e, "key", "entityKey", "EntityKey") || "",
    category: pick(e, "category", "Category") || "Other",
    text: pick(e, "text", "Text", "name") || "",
    english: pick(e, "english", "English") || "",
    releases: pick(e, "releaseCount", "releases", "count"),
  }));
}

export async function entityReleases(key) {
  const body = await getJson(`/api/entities/${encodeURIComponent(key)}/releases`);
  const items = Array.isArray(body) ? body : (pick(body, "items", "releases", "value", "results") || []);
  return items.map(normalizeSummary);
}

/** Downloads an API resource with the key (a plain link cannot send a header) and saves it under a file name. */
export async function download(path, fileName) {
  const response = await request(path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

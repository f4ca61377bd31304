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
  /** Called after each request the server accepted, so the page can say how it is signed in. */
  onAccepted: () => {},
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

/** fetch with the key; on 401 asks for a key and retries for as long as the user enters one. Network failures become ApiError(0). */
export async function request(path, options = {}) {
  for (;;) {
    let response;
    try {
      response = await fetch(path, { ...options, headers: headers(options.headers), credentials: "same-origin" });
    } catch {
      throw new ApiError(0, "Network", "PressRoom cannot be reached. Check that it is running and that this computer is online.");
    }
    if (response.status === 401 && await auth.onKeyNeeded()) continue;
    if (!response.ok && response.status !== 202) throw await errorFrom(response);
    auth.onAccepted();
    return response;
  }
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

// ---------- Releases (shapes: UploadAccepted, ReleaseStatusView, ReleaseListResponse, ReleaseView) ----------

/** Uploads one file as multipart (the part's file name names the release); returns { releaseId, statusUrl, status }. */
export async function uploadRelease(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await request("/api/releases", { method: "POST", body: form });
  let body = {};
  try { body = await response.json(); } catch { /* no body: the id check below reports it */ }
  if (!body.releaseId) throw new ApiError(response.status, "NoReleaseId", "The server accepted the file but did not say which release it became.");
  return {
    releaseId: body.releaseId,
    statusUrl: body.statusUrl || `/api/releases/${encodeURIComponent(body.releaseId)}/status`,
    status: normalizeStatus(body),
  };
}

/** The live state of a release: { status, stage, reasonCode, reason }. */
export async function getStatus(statusUrl) {
  return normalizeStatus(await getJson(statusUrl));
}

/** The status row knows no stage; a stage is used when a server reports one (e.g. the orchestration's custom status). */
export function normalizeStatus(body) {
  return {
    status: body.status || "",
    stage: pick(body, "stage") || pick(body.customStatus, "stage") || "",
    reasonCode: body.reasonCode || "",
    reason: humanText(body.reason || ""),
    language: body.language || "",
  };
}

/** A list row (ReleaseSummary) or the head of a ReleaseView. */
export function normalizeSummary(r) {
  const title = r.title;
  const titled = title && typeof title === "object";
  return {
    id: r.releaseId,
    status: r.status || "",
    reasonCode: r.reasonCode || "",
    reason: humanText(r.reason || ""),
    language: r.language || "",
    title: (titled ? title.source : title) || "",
    titleEn: (titled ? title.en : r.titleEn) || "",
    sourceBlob: r.sourceBlob || "",
    format: r.format || "",
    receivedAt: r.receivedAt || "",
    completedAt: r.completedAt || "",
    dateline: r.dateline || (r.datelinePlace || r.datelineDate ? { place: r.datelinePlace, date: r.datelineDate } : null),
    entityCount: r.entityCount,
    supersededBy: r.supersededBy || "",
  };
}

/** GET /api/releases with filters; returns { items, continuation }. */
export async function listReleases({ language, status, top = 20, continuation } = {}) {
  const q = new URLSearchParams();
  if (language) q.set("language", language);
  if (status) q.set("status", status);
  if (top) q.set("top", String(top));
  if (continuation) q.set("continuation", continuation);
  const body = await getJson(`/api/releases?${q}`);
  return { items: (body.items || []).map(normalizeSummary), continuation: body.continuation || "" };
}

/**
 * GET /api/releases/{id}: the release shaped for reading. Text comes as blocks (title, then paragraphs) per language;
 * entity offsets count from the start of that language's blocks joined by blank lines.
 */
export async function getRelease(id) {
  const body = await getJson(`/api/releases/${encodeURIComponent(id)}`);
  const blocks = text => (text ? [text.title, ...(text.paragraphs || [])] : null);
  const entities = {};
  for (const [lang, list] of Object.entries(body.entities || {})) entities[lang] = (list || []).map(normalizeEntity);
  return {
    ...normalizeSummary(body),
    sourceBlocks: blocks(body.source),
    translations: (body.translations || []).map(t => ({
      language: t.language,
      status: t.status || "",
      reason: humanText(t.reason || ""),
      provider: t.provider || "",
      blocks: t.status === "Translated" && t.title != null ? blocks(t) : null,
    })),
    entities,
    texts: body.links?.texts || {},
  };
}

function normalizeEntity(e) {
  return {
    category: e.category || "Other",
    subcategory: e.subcategory || "",
    text: e.text || "",
    offset: Number(e.offset ?? -1),
    length: Number(e.length ?? 0),
    english: e.english || "",
    value: e.value || "",
    key: e.key || "",
  };
}

// ---------- Entities ----------

export async function searchEntities(q, category) {
  const p = new URLSearchParams({ q });
  if (category) p.set("category", category);
  const body = await getJson(`/api/entities?${p}`);
  return (body.items || []).map(e => ({ key: e.key, category: e.category || "Other", text: e.name || "", english: e.english || "" }));
}

/** Every release that mentions an entity, newest first (first page). */
export async function entityReleases(key) {
  const body = await getJson(`/api/entities/${encodeURIComponent(key)}/releases`);
  return (body.items || []).map(normalizeSummary);
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

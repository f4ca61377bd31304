// PressRoom comms page: wiring, the key dialog and the #/release/{id} route.
import { auth } from "./api.js";
import { ReleaseList } from "./releases.js";
import { ReleaseView } from "./release-view.js";
import { initUploads } from "./uploads.js";

const $ = id => document.getElementById(id);

const view = new ReleaseView($("view"), $("popover"));
const list = new ReleaseList({
  form: $("filters"), search: $("search"), language: $("filter-language"), status: $("filter-status"),
  list: $("releases"), more: $("more"), state: $("list-state"), matches: $("entity-matches"), refresh: $("refresh"),
});

// ---------- Key: entered once per tab, sent as X-Api-Key / x-functions-key ----------
let accepted = false; // a request went through: the key (or loopback access) works
let keyPrompt = null;
function askForKey(message) {
  if (keyPrompt) return keyPrompt;
  const dialog = $("key-dialog");
  const error = $("key-error");
  error.hidden = !message;
  error.textContent = message || "";
  $("key-input").value = "";
  keyPrompt = new Promise(resolve => {
    dialog.addEventListener("close", () => {
      const saved = dialog.returnValue === "save" && $("key-input").value.trim() !== "";
      if (saved) { auth.key = $("key-input").value.trim(); accepted = false; }
      keyPrompt = null;
      showAuthState();
      resolve(saved);
    }, { once: true });
  });
  dialog.showModal();
  $("key-input").focus();
  return keyPrompt;
}

auth.onKeyNeeded = () => askForKey(auth.key ? "That key was not accepted. Check it and try again." : "");

$("key-button").addEventListener("click", async () => {
  if (await askForKey("")) await list.reload();
});
// Cancel is not a submit button, so Enter in the key field always means "Use this key".
$("key-cancel").addEventListener("click", () => $("key-dialog").close("cancel"));
$("key-forget").addEventListener("click", () => {
  auth.key = "";
  $("key-dialog").close("cancel");
  toast("The key is forgotten for this tab.");
});

auth.onAccepted = () => { if (!accepted) { accepted = true; showAuthState(); } };

function showAuthState() {
  const hasKey = !!auth.key;
  $("auth-state").textContent = hasKey ? "Using your API key" : accepted ? "Local access, no key needed" : "";
  $("key-button").textContent = hasKey ? "Change key" : "Enter API key";
}

// ---------- Messages ----------
let toastTimer;
function toast(message) {
  const el = $("toast");
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 5000);
}
document.addEventListener("toast", e => toast(e.detail));

// ---------- Upload ----------
initUploads({
  dropzone: $("dropzone"),
  input: $("file-input"),
  list: $("uploads"),
  onFinished: () => list.reload(),
  onOpen: id => { location.hash = `#/release/${encodeURIComponent(id)}`; },
});

// ---------- Routing ----------
function route() {
  const m = /^#\/release\/([^/?#]+)/.exec(location.hash);
  if (m) {
    const id = decodeURIComponent(m[1]);
    list.setCurrent(id);
    view.show(id);
  } else if (location.hash === "" || location.hash === "#/" || location.hash === "#") {
    list.setCurrent("");
    view.showEmpty();
  }
  // Other fragments (#view from the skip link) are in-page jumps, not routes.
}
window.addEventListener("hashchange", route);

showAuthState();
route();
list.reload().then(() => list.setCurrent(list.currentId));

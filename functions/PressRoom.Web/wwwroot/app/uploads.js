// Upload: drag-and-drop or file picker, several files at once, each followed live until it ends.
import { ApiError, getStatus, uploadRelease } from "./api.js";
import { FINAL, STAGES, failureAdvice, formatSize, h, rejectionText, stageIndex } from "./format.js";

const POLL_FIRST_MS = 700;
const POLL_MAX_MS = 3000;
const GIVE_UP_MS = 15 * 60 * 1000;

/**
 * Wires the drop zone and the file input to the upload list.
 * onFinished(releaseId, status) is called once per upload that reaches an outcome.
 */
export function initUploads({ dropzone, input, list, onFinished, onOpen }) {
  const start = files => {
    for (const file of files) new UploadItem(file, list, onFinished, onOpen).run();
  };

  input.addEventListener("change", () => {
    start([...input.files]);
    input.value = "";
  });

  // Drops anywhere on the page go to the upload, so a missed drop never opens the file in the browser instead.
  let depth = 0;
  const hasFiles = e => [...(e.dataTransfer?.types || [])].includes("Files");
  document.addEventListener("dragenter", e => { if (hasFiles(e)) { depth++; dropzone.classList.add("is-over"); } });
  document.addEventListener("dragleave", e => { if (hasFiles(e) && --depth <= 0) { depth = 0; dropzone.classList.remove("is-over"); } });
  document.addEventListener("dragover", e => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } });
  document.addEventListener("drop", e => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    dropzone.classList.remove("is-over");
    start([...e.dataTransfer.files]);
  });
}

class UploadItem {
  constructor(file, list, onFinished, onOpen) {
    this.file = file;
    this.onFinished = onFinished;
    this.onOpen = onOpen;
    this.steps = STAGES.map(s => h("li", { class: "step" }, s.label));
    this.state = h("span", { class: "visually-hidden" });
    this.outcome = h("div", { class: "upload-outcome" }, "Uploading…");
    this.el = h("li", { class: "upload", dataset: { file: file.name } },
      h("div", { class: "upload-head" },
        h("span", { class: "upload-name", dir: "auto" }, file.name),
        h("span", { class: "upload-size" }, formatSize(file.size))),
      h("ol", { class: "steps", "aria-label": `Progress of ${file.name}` }, this.steps),
      this.state,
      this.outcome);
    list.prepend(this.el);
  }

  async run() {
    let accepted;
    try {
      accepted = await uploadRelease(this.file);
    } catch (e) {
      this.rejectedAtUpload(e);
      return;
    }
    this.el.dataset.releaseId = accepted.releaseId;
    this.show({ status: "Received", stage: "received", ...stripEmpty(accepted.status) });
    await this.follow(accepted.statusUrl, accepted.releaseId);
  }

  async follow(statusUrl, releaseId) {
    let delay = POLL_FIRST_MS;
    const until = Date.now() + GIVE_UP_MS;
    while (Date.now() < until) {
      await sleep(delay);
      delay = Math.min(POLL_MAX_MS, Math.round(delay * 1.3));
      let status;
      try {
        status = await getStatus(statusUrl);
      } catch (e) {
        // The row may not exist for a moment after the upload; other errors are shown but polling goes on.
        if (e instanceof ApiError && e.status === 404) continue;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) { this.stopped(e.message); return; }
        continue;
      }
      this.show(status);
      if (FINAL.has(status.status)) {
        this.finish(status, releaseId);
        return;
      }
    }
    this.stopped("Still not finished after 15 minutes. It keeps going on the server; check the recent releases list later.");
  }

  show(status) {
    const at = reachedStage(status);
    this.steps.forEach((step, i) => {
      step.classList.toggle("is-done", i < at);
      step.classList.toggle("is-active", i === at && !FINAL.has(status.status));
      step.toggleAttribute("aria-current", i === at && !FINAL.has(status.status));
    });
    if (!FINAL.has(status.status)) {
      const label = STAGES[Math.min(at, STAGES.length - 1)].label;
      this.outcome.textContent = `${label}…`;
      this.state.textContent = `${this.file.name}: ${label}`;
    }
  }

  finish(status, releaseId) {
    this.el.dataset.status = status.status;
    this.outcome.replaceChildren();
    if (status.status === "Completed") {
      this.el.classList.add("is-completed");
      this.outcome.append(
        h("strong", {}, "Completed"),
        h("button", { type: "button", class: "button button-primary button-small", onclick: () => this.onOpen(releaseId) }, "Open release"));
    } else if (status.status === "Rejected") {
      this.el.classList.add("is-rejected");
      this.markStopped(reachedStage(status));
      this.outcome.append(
        h("strong", {}, "Rejected"),
        h("span", { class: "reason", "data-reason": status.reasonCode || "" }, status.reason || rejectionText(status.reasonCode)));
    } else if (status.status === "Failed") {
      this.el.classList.add("is-failed");
      this.markStopped(reachedStage(status));
      this.outcome.append(
        h("strong", {}, "Failed"),
        h("span", { class: "reason" }, status.reason || "Processing stopped."),
        h("p", { class: "hint" }, failureAdvice(status.reasonCode)));
    } else {
      this.outcome.append(h("strong", {}, status.status));
    }
    this.state.textContent = `${this.file.name}: ${status.status}`;
    this.onFinished(releaseId, status.status);
  }

  /** The server refused the file before processing (too large, unsupported, no key): shown as a rejection. */
  rejectedAtUpload(error) {
    this.el.classList.add("is-rejected");
    this.el.dataset.status = "Rejected";
    this.markStopped(0);
    this.outcome.replaceChildren(
      h("strong", {}, error.status === 0 || error.status >= 500 ? "Not uploaded" : "Rejected"),
      h("span", { class: "reason", "data-reason": error.code || "" }, error.message));
    this.state.textContent = `${this.file.name}: ${error.message}`;
  }

  stopped(message) {
    this.outcome.replaceChildren(h("span", { class: "reason" }, message));
  }

  markStopped(at) {
    this.steps.forEach((s, i) => {
      s.classList.remove("is-active");
      s.removeAttribute("aria-current");
      s.classList.toggle("is-done", i < at);
      s.classList.toggle("is-stopped", i === at);
    });
  }
}

/** The stage a release got to: a rejection stops at reading; a failure at the stage it failed in. */
function reachedStage(status) {
  if (status.status === "Rejected") return 1;
  if (status.status === "Failed") return Math.min(stageIndex({ stage: status.stage }) || 1, STAGES.length - 1);
  return stageIndex(status);
}

const sleep = ms => new Promise(r => setTimeout(r, ms));
const stripEmpty = o => Object.fromEntries(Object.entries(o || {}).filter(([, v]) => v));

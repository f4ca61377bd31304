// PressRoom admin dashboard: plain JS, no dependencies. Talks to /api/admin/instances with the key in X-Api-Key.
'use strict';

const api = '/api/admin/instances';
const state = { key: sessionStorage.getItem('pressroom.key') || '', pages: [null], page: 0, next: null, selected: null, refresh: null };
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'style') Object.assign(node.style, value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function call(method, path, reason) {
  const headers = { 'Accept': 'application/json' };
  if (state.key) { headers['X-Api-Key'] = state.key; }
  const init = { method, headers };
  if (reason !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify({ reason }); }
  const response = await fetch(path, init);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (response.status === 401) { showSignedOut(); }
  return { status: response.status, body };
}

function showSignedOut() {
  $('whoami').textContent = 'key required';
  $('whoami').className = 'pill';
}

function toast(message, bad) {
  const t = $('toast');
  t.textContent = message;
  t.className = bad ? 'toast bad' : 'toast';
  clearTimeout(t.timer);
  t.timer = setTimeout(() => t.classList.add('hidden'), 6000);
}

function fmtTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function fmtMs(ms) {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

function windowStart() {
  return new Date(Date.now() - Number($('window').value) * 60000).toISOString();
}

async function loadCounts() {
  const { status, body } = await call('GET', `${api}/counts?since=${encodeURIComponent(windowStart())}`);
  if (status !== 200) return;
  for (const s of ['Running', 'Pending', 'Completed', 'Failed', 'Terminated']) $(`count-${s}`).textContent = body.byStatus[s] || 0;
  $('throughput').textContent = (body.throughputPerMinute * 60).toFixed(1);
  $('unhandled').textContent = body.unhandledFailures;
  $('stuck').textContent = body.stuck.count;
  $('tokens').textContent = (body.tokens.prompt + body.tokens.completion).toLocaleString();
  $('tokens-sub').textContent = `${body.tokens.prompt.toLocaleString()} prompt + ${body.tokens.completion.toLocaleString()} completion, ${body.tokens.releases} releases`;
  $('stuck-sub').textContent = `no progress for > ${body.stuck.threshold}`;
  const reasons = $('reasons');
  reasons.replaceChildren(...Object.entries(body.failuresByReason).map(([reason, n]) => el('li', {}, el('span', { text: reason }), el('strong', { text: String(n) }))));
  if (!reasons.children.length) reasons.append(el('li', { class: 'muted', text: 'No failures in this window' }));
  const latency = $('latency').tBodies[0];
  latency.replaceChildren(...Object.entries(body.stageLatencyMs).map(([stage, p]) =>
    el('tr', {}, el('td', { text: stage }), el('td', { text: fmtMs(p.p50) }), el('td', { text: fmtMs(p.p90) }), el('td', { text: fmtMs(p.p99) }), el('td', { class: 'muted', text: `n=${p.count}` }))));
  if (!latency.children.length) latency.append(el('tr', {}, el('td', { class: 'muted', text: 'No finished releases in this window' })));
}

function filterQuery() {
  const params = new URLSearchParams();
  const add = (name, value) => { if (value) params.set(name, value); };
  add('status', $('f-status').value);
  add('name', $('f-name').value.trim());
  add('release', $('f-release').value.trim());
  if ($('f-from').value) add('createdFrom', new Date($('f-from').value).toISOString());
  if ($('f-to').value) add('createdTo', new Date($('f-to').value).toISOString());
  params.set('top', '25');
  const continuation = state.pages[state.page];
  if (continuation) params.set('continuation', continuation);
  return params.toString();
}

async function loadInstances() {
  const { status, body } = await call('GET', `${api}?${filterQuery()}`);
  const tbody = $('instances').tBodies[0];
  if (status !== 200) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: status === 401 ? 'Enter an API key above to see the orchestrations.' : (body?.error?.message || `Error ${status}`) })));
    return;
  }

  $('whoami').textContent = state.key ? 'signed in with key' : 'loopback access';
  $('whoami').className = 'pill';
  tbody.replaceChildren(...body.instances.map(row => {
    const tr = el('tr', { 'data-instance': row.instanceId, class: row.instanceId === state.selected ? 'selected' : null },
      el('td', { class: 'mono', text: row.releaseId || row.instanceId }),
      el('td', { text: row.fileName || '–' }),
      el('td', {}, el('span', { class: `badge ${row.status}`, text: row.status })),
      el('td', { text: row.stage ? (row.reasonCode ? `${row.stage} · ${row.reasonCode}` : row.stage) : '–' }),
      el('td', { text: fmtTime(row.createdAt) }),
      el('td', { class: 'num', text: fmtMs(row.durationMs) }),
      el('td', { class: 'err', title: row.lastError || '', text: row.lastError || '' }));
    tr.addEventListener('click', () => openInstance(row.instanceId));
    return tr;
  }));
  if (!body.instances.length) tbody.append(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: 'No instances match.' })));
  state.next = body.continuation;
  $('next').disabled = !state.next;
  $('prev').disabled = state.page === 0;
  $('page-info').textContent = `Page ${state.page + 1}`;
}

function renderTimeline(entries) {
  const box = $('timeline');
  const timed = entries.filter(e => e.kind !== 'admin');
  if (!entries.length) { box.replaceChildren(el('div', { class: 'muted', text: 'No history (purged or not started yet).' })); return; }
  const starts = entries.map(e => Date.parse(e.start));
  const ends = entries.map(e => Date.parse(e.end || e.start) + (e.end ? 0 : (e.durationMs || 0)));
  const t0 = Math.min(...starts);
  const t1 = Math.max(...ends, t0 + 1);
  const span = t1 - t0;
  box.replaceChildren(...entries.map(e => {
    const start = Date.parse(e.start) - t0;
    const width = e.kind === 'admin' ? 0 : Math.max(((e.durationMs || 0) / span) * 100, 0.4);
    const bar = el('div', { class: `tl-bar ${e.kind === 'wait' ? 'wait' : e.kind === 'admin' ? 'admin' : e.outcome}`, title: `${e.name}: ${e.outcome} ${fmtMs(e.durationMs)}`, style: { left: `${(start / span) * 100}%`, width: `${width}%` } });
    const label = el('div', { class: 'tl-name', title: e.name }, e.kind === 'admin' ? `⚑ ${e.name}` : e.name, e.attempt > 1 ? el('span', { class: 'attempt', text: `attempt ${e.attempt}` }) : null);
    const row = el('div', { class: `tl-row ${e.kind} ${e.outcome}`, 'data-kind': e.kind, 'data-name': e.name, 'data-outcome': e.outcome },
      label, el('div', { class: 'tl-track' }, bar), el('div', { class: 'num', text: e.kind === 'admin' ? e.outcome : fmtMs(e.durationMs) }));
    if (e.detail) row.append(el('div', { class: 'tl-detail', text: e.detail }));
    return row;
  }));
  return timed;
}

async function openInstance(instanceId) {
  state.selected = instanceId;
  const { status, body } = await call('GET', `${api}/${encodeURIComponent(instanceId)}`);
  const detail = $('detail');
  if (status !== 200) { toast(body?.error?.message || `Error ${status}`, true); return; }
  detail.classList.remove('hidden');
  detail.dataset.instance = instanceId;
  detail.dataset.status = body.summary.status;
  const s = body.summary;
  $('d-title').replaceChildren(el('span', { class: 'mono', text: s.releaseId || s.instanceId }), ' ', el('span', { id: 'd-status', class: `badge ${s.status}`, text: s.status }));
  $('d-sub').textContent = `${s.fileName || s.name} · created ${fmtTime(s.createdAt)} · ${fmtMs(s.durationMs)}${s.stage ? ` · stage ${s.stage}` : ''}`;
  const failure = $('d-failure');
  if (body.failure) {
    const parts = [el('strong', { text: body.failure.errorType + ': ' }), body.failure.message];
    for (let inner = body.failure.inner; inner; inner = inner.inner) parts.push(el('div', { class: 'inner', text: `${inner.errorType}: ${inner.message}` }));
    failure.replaceChildren(...parts);
    failure.classList.remove('hidden');
  } else {
    failure.classList.add('hidden');
  }
  renderTimeline(body.timeline);
  $('d-input').textContent = JSON.stringify(body.input, null, 2);
  $('d-output').textContent = JSON.stringify(body.output, null, 2);
  const ended = ['Completed', 'Failed', 'Terminated'].includes(s.status);
  detail.querySelector('[data-action=restart]').disabled = !ended;
  detail.querySelector('[data-action=purge]').disabled = !ended;
  detail.querySelector('[data-action=terminate]').disabled = ended;
  const rewind = detail.querySelector('[data-action=rewind]');
  rewind.disabled = s.status !== 'Failed' || !body.canRewind;
  rewind.title = body.canRewind ? 'Re-run the failed activities' : 'This backend cannot rewind: use Restart';
  for (const tr of $('instances').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.instance === instanceId);
}

function confirmAction(title, text) {
  return new Promise(resolve => {
    const dialog = $('confirm');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-reason').value = '';
    dialog.onclose = () => resolve(dialog.returnValue === 'ok' ? $('confirm-reason').value.trim() : null);
    dialog.showModal();
    $('confirm-reason').focus();
  });
}

const actionText = {
  restart: 'Run this release again from the start with the same input?',
  rewind: 'Re-run only the failed activities?',
  terminate: 'Stop this orchestration now? It can be restarted later.',
  purge: 'Delete this instance and its history? The admin log keeps a record.',
};

async function act(action) {
  const id = state.selected;
  const reason = await confirmAction(`${action[0].toUpperCase()}${action.slice(1)} ${id}`, actionText[action]);
  if (!reason) return;
  const { status, body } = action === 'purge'
    ? await call('DELETE', `${api}/${encodeURIComponent(id)}`, reason)
    : await call('POST', `${api}/${encodeURIComponent(id)}/${action}`, reason);
  const message = body?.message || body?.error?.message || `HTTP ${status}`;
  toast(`${action}: ${message}`, status >= 400);
  if (action === 'purge' && status === 200) { $('detail').classList.add('hidden'); state.selected = null; }
  await refresh();
}

async function retryAllFailed() {
  const reason = await confirmAction('Retry all failed', `Restart every failed release created in the ${$('window').selectedOptions[0].text}?`);
  if (!reason) return;
  const { status, body } = await call('POST', `${api}/retry-failed?since=${encodeURIComponent(windowStart())}`, reason);
  toast(status === 200 ? `Retried ${body.succeeded} of ${body.matched} failed releases` : (body?.error?.message || `HTTP ${status}`), status !== 200);
  await refresh();
}

async function refresh() {
  try {
    await Promise.all([loadCounts(), loadInstances()]);
    if (state.selected && !$('detail').classList.contains('hidden')) await openInstance(state.selected);
  } catch (error) {
    toast(`Refresh failed: ${error.message}`, true);
  }
}

function init() {
  $('api-key').value = state.key;
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.key = $('api-key').value.trim();
    sessionStorage.setItem('pressroom.key', state.key);
    refresh();
  });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); state.pages = [null]; state.page = 0; loadInstances(); });
  $('filters').addEventListener('reset', () => setTimeout(() => { state.pages = [null]; state.page = 0; loadInstances(); }));
  $('next').addEventListener('click', () => { state.pages[state.page + 1] = state.next; state.page++; loadInstances(); });
  $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadInstances(); });
  $('window').addEventListener('change', loadCounts);
  $('retry-failed').addEventListener('click', retryAllFailed);
  $('close-detail').addEventListener('click', () => { $('detail').classList.add('hidden'); state.selected = null; });
  for (const button of document.querySelectorAll('[data-action]')) button.addEventListener('click', () => act(button.dataset.action));
  for (const card of document.querySelectorAll('.card[data-status]')) card.addEventListener('click', () => { $('f-status').value = card.dataset.status; state.pages = [null]; state.page = 0; loadInstances(); });
  refresh();
  state.refresh = setInterval(refresh, 5000);
}

document.addEventListener('DOMContentLoaded', init);

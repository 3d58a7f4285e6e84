// cognito-emulator console: plain JavaScript over the emulator's own /_emulator JSON routes.
// Everything shown is built with DOM calls and textContent (no HTML from data).

const refreshMs = 1000;
const poolsRefreshMs = 3000;
const actionLabels = { confirm: 'Confirm', disable: 'Disable', enable: 'Enable', 'reset-password': 'Reset password', delete: 'Delete' };

const state = { pools: [], poolId: poolFromHash(), rendered: {} };

function poolFromHash() {
  const match = /pool=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

async function api(path, options = {}) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, ...options });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error(body.message || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Re-renders a region only when its data changed, so buttons stay put under the pointer. */
function renderIfChanged(key, data, render) {
  const json = JSON.stringify(data);
  if (state.rendered[key] === json) return;
  state.rendered[key] = json;
  render(data);
}

function setConnection(ok) {
  const node = document.getElementById('connection');
  node.textContent = ok ? 'connected' : 'emulator not reachable';
  node.className = ok ? 'ok' : 'down';
}

async function refreshPools() {
  const { pools } = await api('/_emulator/pools');
  state.pools = pools;
  if (!state.poolId || !pools.some((pool) => pool.id === state.poolId)) state.poolId = pools[0]?.id;
  renderIfChanged('pools', { pools, selected: state.poolId }, renderPools);
  renderIfChanged('pool', pools.find((pool) => pool.id === state.poolId) ?? null, renderPool);
}

function renderPools({ pools, selected }) {
  document.getElementById('no-pools').hidden = pools.length > 0;
  document.getElementById('pools').replaceChildren(
    ...pools.map((pool) =>
      el('li', {},
        el('button', { type: 'button', 'aria-current': String(pool.id === selected), 'data-pool-id': pool.id, onclick: () => selectPool(pool.id) },
          pool.name, el('span', { class: 'id' }, pool.id), el('span', { class: 'id' }, `${pool.userCount} users`))),
    ),
  );
}

function selectPool(id) {
  state.poolId = id;
  history.replaceState(null, '', `#pool=${encodeURIComponent(id)}`);
  state.rendered = {};
  void tick();
}

function renderPool(pool) {
  const section = document.getElementById('pool');
  section.hidden = !pool;
  if (!pool) return;
  document.getElementById('pool-title').textContent = pool.name;
  const facts = [
    ['pool id', pool.id],
    ['created', new Date(pool.createdAt).toLocaleString()],
    ['sign-in with', pool.usernameAttributes.length ? pool.usernameAttributes.join(' or ') : 'username'],
    ['token issuer', pool.issuer],
    ['JWKS', pool.jwksUri],
  ];
  document.getElementById('pool-facts').replaceChildren(...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
  document.querySelector('#clients tbody').replaceChildren(
    ...pool.clients.map((client) =>
      el('tr', {}, el('td', { class: 'mono' }, client.id), el('td', {}, client.name), el('td', {}, client.hasSecret ? 'yes' : 'no'),
        el('td', { class: 'mono' }, client.explicitAuthFlows.join(' '))),
    ),
  );
  document.querySelector('#groups tbody').replaceChildren(
    ...pool.groups.map((group) => el('tr', {}, el('td', {}, group.name), el('td', {}, group.precedence ?? ''), el('td', {}, group.description ?? ''))),
  );
}

async function refreshUsersAndOutbox() {
  if (!state.poolId) {
    renderIfChanged('messages', [], renderMessages);
    return;
  }
  const poolId = state.poolId;
  const [{ users }, { messages }] = await Promise.all([
    api(`/_emulator/pools/${encodeURIComponent(poolId)}/users`),
    api(`/_emulator/pools/${encodeURIComponent(poolId)}/messages`),
  ]);
  if (poolId !== state.poolId) return;
  renderIfChanged('users', users, renderUsers);
  renderIfChanged('messages', [...messages].reverse(), renderMessages);
}

function actionsFor(user) {
  const actions = [];
  if (user.status === 'UNCONFIRMED') actions.push('confirm');
  actions.push(user.enabled ? 'disable' : 'enable');
  if (user.status === 'CONFIRMED') actions.push('reset-password');
  actions.push('delete');
  return actions;
}

/** In email/phone-as-username pools the username is the sub; people know the user by the address. */
function usernameCell(user) {
  const address = user.username === user.sub ? user.attributes.email ?? user.attributes.phone_number : undefined;
  return address
    ? [el('strong', {}, address), el('div', { class: 'id' }, user.username)]
    : [el('strong', {}, user.username), el('div', { class: 'id' }, `sub ${user.sub}`)];
}

function renderUsers(users) {
  document.getElementById('user-count').textContent = `(${users.length})`;
  document.querySelector('#users tbody').replaceChildren(
    ...users.map((user) =>
      el('tr', { 'data-username': user.username },
        el('td', {}, ...usernameCell(user)),
        el('td', { 'data-field': 'status', class: `status-${user.status}` }, user.status),
        el('td', { 'data-field': 'enabled' }, user.enabled ? 'yes' : 'no'),
        el('td', {}, el('ul', { class: 'attributes' }, ...Object.entries(user.attributes).map(([name, value]) => el('li', {}, el('code', {}, name), ' = ', value)))),
        el('td', { 'data-field': 'groups' }, user.groups.join(', ')),
        el('td', { class: 'actions' }, ...actionsFor(user).map((action) =>
          el('button', { type: 'button', 'data-action': action, class: action === 'delete' ? 'danger' : undefined, onclick: (event) => runAction(event.currentTarget, user.username, action) }, actionLabels[action]))),
      ),
    ),
  );
}

function renderMessages(messages) {
  document.getElementById('no-messages').hidden = messages.length > 0;
  document.getElementById('outbox').replaceChildren(
    ...messages.map((message) =>
      el('li', { 'data-testid': 'message', 'data-username': message.username, 'data-kind': message.kind },
        el('div', {}, el('strong', {}, message.kind), ' to ', message.destination, message.code ? ' ' : '', message.code ? el('span', { class: 'code', 'data-testid': 'code' }, message.code) : null),
        el('div', { class: 'meta' }, `${message.deliveryMedium} · user ${message.username} · ${new Date(message.createdAt).toLocaleTimeString()}`)),
    ),
  );
}

const pendingDeletes = new Map();

async function runAction(button, username, action) {
  const result = document.getElementById('action-result');
  if (action === 'delete' && !pendingDeletes.has(username)) {
    // Two clicks for a delete: the first arms it for a few seconds.
    pendingDeletes.set(username, setTimeout(() => pendingDeletes.delete(username), 4000));
    button.textContent = 'Click again to delete';
    return;
  }
  clearTimeout(pendingDeletes.get(username));
  pendingDeletes.delete(username);
  button.disabled = true;
  try {
    const path = `/_emulator/pools/${encodeURIComponent(state.poolId)}/users/${encodeURIComponent(username)}/${action}`;
    const { operation } = await api(path, { method: 'POST' });
    result.className = 'result';
    result.textContent = `${operation} ${username}: done`;
  } catch (error) {
    result.className = 'result error';
    result.textContent = `${actionLabels[action]} ${username}: ${error.message}`;
  } finally {
    state.rendered.users = undefined;
    void tick();
  }
}

async function refreshClock() {
  const node = document.getElementById('clock');
  try {
    const clock = await api('/_emulator/clock');
    const offset = Math.round(clock.offsetSeconds);
    node.textContent = `${new Date(clock.now).toLocaleString()}${clock.pinned ? ' (pinned)' : ''}${Math.abs(offset) >= 1 ? ` (${offset > 0 ? '+' : ''}${offset}s from system time)` : ''}`;
    node.dateTime = clock.now;
  } catch (error) {
    node.textContent = error.status === 404 ? 'system time' : '…';
  }
}

let lastPools = 0;
let ticking = false;
async function tick() {
  if (ticking) return;
  ticking = true;
  try {
    if (Date.now() - lastPools >= poolsRefreshMs || !state.pools.length) {
      lastPools = Date.now();
      await refreshPools();
    }
    await Promise.all([refreshUsersAndOutbox(), refreshClock()]);
    setConnection(true);
  } catch (error) {
    setConnection(false);
    console.error(error);
  } finally {
    ticking = false;
  }
}

window.addEventListener('hashchange', () => selectPool(poolFromHash()));
void tick();
setInterval(tick, refreshMs);

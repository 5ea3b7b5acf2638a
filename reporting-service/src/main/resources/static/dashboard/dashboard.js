import { signIn } from './auth.js';
import { areaButton, byId, el } from './dom.js';
import { overviewView } from './overview.js';
import { progressView } from './progress.js';

/** The earliest year the reports accept (contract: reporting.yaml). */
const FIRST_YEAR = 2014;
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' })
  .format(new Date()));

const main = byId('main');
let session;
let areas;
let loads = 0;
const overview = overviewView(open);
const progress = progressView(open);

/** The divisions the user may see (their own area is the root), each with its parent, by code. */
function index(root) {
  const byCode = new Map();
  (function walk(node, parent) {
    byCode.set(node.code, { ...node, parent });
    node.children.forEach((child) => walk(child, node.code));
  })(root, null);
  return { root: root.code, byCode };
}

/** Year and area live in the address, so a reload or a shared link shows the same view. */
function current() {
  const query = new URLSearchParams(location.search);
  const year = Number(query.get('year'));
  const area = query.get('area');
  return {
    year: year >= FIRST_YEAR && year <= THIS_YEAR ? year : THIS_YEAR,
    area: areas.byCode.has(area) ? area : areas.root,
  };
}

function remember(change) {
  const query = new URLSearchParams(location.search);
  Object.entries(change).forEach(([name, value]) => query.set(name, value));
  history.replaceState(null, '', `?${query}`);
}

function open(area) {
  remember({ area });
  load();
}

function fillFilters() {
  const years = [];
  for (let year = THIS_YEAR; year >= FIRST_YEAR; year--) {
    years.push(el('option', { value: year }, `${year}年`));
  }
  byId('year').replaceChildren(...years);
  const root = areas.byCode.get(areas.root);
  byId('area').replaceChildren(el('option', { value: root.code }, root.name),
    ...root.children.map((child) => el('option', { value: child.code }, `　${child.name}`)));
  byId('year').addEventListener('change', (event) => {
    remember({ year: event.target.value });
    load();
  });
  byId('area').addEventListener('change', (event) => open(event.target.value));
  // the reports follow the events: a moment later they may have moved on
  byId('refresh').addEventListener('click', () => load());
}

/** Root › … › the area shown; every level above it opens that level. */
function showPath(area) {
  const path = [];
  for (let code = area; code; code = areas.byCode.get(code)?.parent) {
    path.unshift(areas.byCode.get(code));
  }
  byId('breadcrumb').replaceChildren(...path.map((node, i) => el('li', {},
    i === path.length - 1
      ? el('span', { 'aria-current': 'page' }, node.name)
      : areaButton(node.code, node.name, open))));
  const listed = path.map((node) => node.code).filter((code) => byId('area').querySelector(`option[value="${code}"]`));
  byId('area').value = listed.at(-1);
}

function showError(error) {
  byId('message').textContent = `数据加载失败：${error.message}`;
  byId('message').hidden = false;
}

async function load() {
  const { year, area } = current();
  const mine = ++loads;
  main.setAttribute('aria-busy', 'true');
  byId('message').hidden = true;
  byId('year').value = String(year);
  showPath(area);
  try {
    const [overviewReport, progressReport] = await Promise.all([
      session.getJson(`/api/v1/reports/overview?areaCode=${area}&year=${year}`),
      session.getJson(`/api/v1/reports/progress?year=${year}`),
    ]);
    if (mine !== loads) {
      return;
    }
    overview.show(overviewReport);
    progress.show(progressReport, area);
  }
  catch (error) {
    showError(error);
  }
  finally {
    if (mine === loads) {
      main.dataset.year = String(year);
      main.setAttribute('aria-busy', 'false');
    }
  }
}

try {
  session = await signIn();
  byId('user-name').textContent = session.userName;
  byId('logout').addEventListener('click', session.logout);
  areas = index(await session.getJson('/api/v1/areas'));
  fillFilters();
  await load();
}
catch (error) {
  showError(error);
  main.setAttribute('aria-busy', 'false');
}

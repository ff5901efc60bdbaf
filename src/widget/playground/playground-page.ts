// /playground: pick a brand, fill a claim generated from its vocabulary, see the decision with the
// sheet rows behind it. The address bar always holds the claim, so a link re-runs it on load.

import type { Claim, CompiledTable, Decision } from '../../contract.js';
import type { BrandDetail, BrandSummary, SheetDocument, SheetList } from './api-types.js';
import { buildClaimForm, type ClaimForm } from './claim-form.js';
import { decodeClaim, encodeClaim } from './claim-url.js';
import { startDevBanner } from './dev-banner.js';
import { byId, h } from './dom.js';
import { groupFacts } from './fact-groups.js';
import { fetchJson } from './fetch-json.js';
import { type Suggestion, suggestedValues } from './product-lines.js';
import { renderDecision } from './render-decision.js';

const brandSelect = byId<HTMLSelectElement>('brand');
const langSelect = byId<HTMLSelectElement>('lang');
const form = byId<HTMLFormElement>('claim-form');
const fields = byId<HTMLElement>('fields');
const result = byId<HTMLElement>('result');
const status = byId<HTMLElement>('status');
const share = byId<HTMLAnchorElement>('share');

let claimForm: ClaimForm | undefined;
let current: BrandDetail | undefined;

const say = (text: string, decided = false) => {
  status.textContent = text;
  status.classList.toggle('decided', decided);
};

/** The brand's decision tables (for the values its rules name), once per policy version. */
const tablesByVersion = new Map<string, Promise<CompiledTable[]>>();
function brandTables(brand: BrandDetail): Promise<CompiledTable[]> {
  const key = `${brand.brand} ${brand.policy_version}`;
  let tables = tablesByVersion.get(key);
  if (!tables) {
    const base = `/v1/brands/${encodeURIComponent(brand.brand)}/sheets`;
    tables = fetchJson<SheetList>(base).then(async (list) => {
      if (!list.ok) return [];
      const sheets = list.data.sheets.filter((s) => s.kind === 'table');
      const docs = await Promise.all(sheets.map((s) => fetchJson<SheetDocument>(`${base}/${encodeURIComponent(s.sheet)}`)));
      return docs.flatMap((d) => (d.ok && d.data.kind === 'table' ? [d.data.table] : []));
    });
    tablesByVersion.set(key, tables);
  }
  return tables;
}

/** Loads the brand's vocabulary in the chosen language and builds its form; false (and says why) when it cannot. */
async function selectBrand(brand: string): Promise<boolean> {
  const lang = langSelect.value;
  const answer = await fetchJson<BrandDetail>(`/v1/brands/${encodeURIComponent(brand)}`, lang ? { headers: { 'Accept-Language': lang } } : {});
  if (!answer.ok) {
    say(`Cannot load ${brand}: ${answer.problem.detail ?? answer.problem.title}`);
    return false;
  }
  current = answer.data;
  brandSelect.value = brand;
  langSelect.replaceChildren(...current.locales.map((l) => h('option', { value: l }, l)));
  langSelect.value = current.locales.includes(lang) ? lang : current.default_locale;
  const tables = await brandTables(current);
  const suggestions = new Map<string, Suggestion[]>(current.facts.filter((f) => f.type === 'text').map((f) => [f.name, suggestedValues(tables, f.name)]));
  const reasons = new Set((current.reasons ?? []).map((r) => r.code));
  claimForm = buildClaimForm(fields, groupFacts(current.facts, reasons), suggestions);
  result.replaceChildren();
  return true;
}

function updateAddress(claim: Claim): void {
  const query = `?${encodeClaim(current!.brand, claim, langSelect.value)}`;
  history.replaceState(null, '', query);
  share.href = query;
  share.hidden = false;
}

async function decide(claim: Claim): Promise<void> {
  if (!current || !claimForm) return;
  say('Deciding…');
  updateAddress(claim);
  const answer = await fetchJson<Decision>('/v1/eligibility?explain=1', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': langSelect.value },
    body: JSON.stringify({ brand: current.brand, claim }),
  });
  if (!answer.ok) {
    const unplaced = claimForm.showProblems(answer.problem.errors ?? []);
    result.replaceChildren(
      h(
        'div',
        { class: 'problem', role: 'alert' },
        h('p', {}, h('strong', {}, answer.problem.title), answer.problem.detail ? ` — ${answer.problem.detail}` : ''),
        unplaced.length
          ? h(
              'ul',
              {},
              unplaced.map((line) => h('li', {}, line)),
            )
          : null,
      ),
    );
    say(`The claim was not decided: ${answer.problem.title}`);
    return;
  }
  claimForm.showProblems([]);
  result.replaceChildren(renderDecision(answer.data));
  // Announced to screen readers: what the customer can ask for, as the answer below says it.
  say(answer.data.summary || `${current.name}: decided.`, true);
}

brandSelect.addEventListener('change', () => {
  void selectBrand(brandSelect.value).then((ok) => {
    if (ok) updateAddress({});
  });
});
langSelect.addEventListener('change', () => {
  if (current) void showBrandAgain(current.brand);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (claimForm) void decide(claimForm.read());
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  claimForm?.fill({});
  result.replaceChildren();
  updateAddress({});
});

async function start(): Promise<void> {
  const brands = await fetchJson<{ brands: BrandSummary[] }>('/v1/brands');
  if (!brands.ok) return say(`Cannot list brands: ${brands.problem.detail ?? brands.problem.title}`);
  // Only brands with a version in force can decide a claim (a broken or not yet effective one cannot).
  const answering = brands.data.brands.filter((b) => b.policy_version !== null && b.status !== 'unavailable');
  brandSelect.replaceChildren(...answering.map((b) => h('option', { value: b.brand }, b.name)));
  const params = new URLSearchParams(location.search);
  const wanted = params.get('brand');
  const brand = answering.some((b) => b.brand === wanted) ? wanted! : answering[0]?.brand;
  if (params.get('lang')) langSelect.append(h('option', { value: params.get('lang')! }, params.get('lang')!));
  langSelect.value = params.get('lang') ?? '';
  if (!brand || !(await selectBrand(brand))) return;
  const claim = decodeClaim(params, current!.facts);
  // A shared link carries a claim: answer it straight away.
  if (Object.keys(claim).length) {
    claimForm!.fill(claim);
    await decide(claim);
  } else say(`${current!.name}: fill in what you know and press Decide.`);
  document.body.dataset.ready = 'true';
}

/** The brand again (another language, or a version just saved), keeping the claim and its answer. */
async function showBrandAgain(brand: string): Promise<boolean> {
  const claim = claimForm?.read() ?? {};
  const decided = result.childElementCount > 0;
  if (!(await selectBrand(brand))) return false;
  claimForm!.fill(claim);
  if (decided) await decide(claim);
  else updateAddress(claim);
  return true;
}

/** Under `npm run dev`: a save that published a new version reloads the brand, keeping the claim (and its answer). */
async function showSavedVersion(brand: string): Promise<void> {
  if (await showBrandAgain(brand)) say(`${current!.name}: now showing the version just saved, ${current!.policy_version}.`);
}

void start().then(() =>
  startDevBanner({
    before: form,
    shown: () => (current ? { brand: current.brand, version: current.policy_version } : undefined),
    reload: showSavedVersion,
  }),
);

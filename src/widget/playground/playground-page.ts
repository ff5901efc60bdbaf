// /playground: pick a brand, fill a claim generated from its vocabulary, see the decision with the
// sheet rows behind it. The address bar always holds the claim, so a link re-runs it on load. The
// console speaks the chosen language (the Language select): the policy's words come localized from the
// API, the console's own from console-strings.ts, re-rendered when the language changes.

import type { Claim, CompiledTable, Decision } from '../../contract.js';
import type { BrandDetail, BrandSummary, SheetDocument, SheetList } from './api-types.js';
import { buildClaimForm, type ClaimForm } from './claim-form.js';
import { decodeClaim, encodeClaim } from './claim-url.js';
import { type ConsoleStrings, consoleStrings } from './console-strings.js';
import { startDevBanner } from './dev-banner.js';
import { byId, h } from './dom.js';
import { groupFacts } from './fact-groups.js';
import { fetchJson } from './fetch-json.js';
import { showPageText } from './page-text.js';
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
let words = consoleStrings('en');

/** The status line, kept as a function of the console's words so a change of language says it again. */
let message: { text: (t: ConsoleStrings) => string; decided: boolean } = { text: () => '', decided: false };
const say = (text: (t: ConsoleStrings) => string, decided = false) => {
  message = { text, decided };
  status.textContent = text(words.strings);
  status.classList.toggle('decided', decided);
};

/** The console's own words in `locale` (English when it has none for it), on the page and in what it says. */
function speak(locale: string): void {
  words = consoleStrings(locale);
  showPageText(words.strings, words.lang);
  result.setAttribute('aria-label', words.strings.result);
  say(message.text, message.decided);
}

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
    const why = answer.problem.detail ?? answer.problem.title;
    say((t) => t.cannotLoad(brand, why));
    return false;
  }
  current = answer.data;
  brandSelect.value = brand;
  langSelect.replaceChildren(...current.locales.map((l) => h('option', { value: l }, l)));
  langSelect.value = current.locales.includes(lang) ? lang : current.default_locale;
  speak(langSelect.value);
  // The labels are the vocabulary's, in the chosen language even where the console falls back to English.
  fields.lang = langSelect.value;
  const tables = await brandTables(current);
  const suggestions = new Map<string, Suggestion[]>(current.facts.filter((f) => f.type === 'text').map((f) => [f.name, suggestedValues(tables, f.name)]));
  const reasons = new Set((current.reasons ?? []).map((r) => r.code));
  claimForm = buildClaimForm(fields, groupFacts(current.facts, reasons, words.strings.groups), suggestions, words.strings.notSent);
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
  say((t) => t.deciding);
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
    const { title } = answer.problem;
    say((t) => t.notDecided(title));
    return;
  }
  claimForm.showProblems([]);
  result.replaceChildren(renderDecision(answer.data, words.strings));
  // Announced to screen readers: what the customer can ask for, as the answer below says it.
  const { summary } = answer.data;
  const { name } = current;
  say((t) => summary || t.decided(name), true);
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
  if (!brands.ok) {
    const why = brands.problem.detail ?? brands.problem.title;
    return say((t) => t.cannotList(why));
  }
  // Only brands with a version in force can decide a claim (a broken or not yet effective one cannot).
  const answering = brands.data.brands.filter((b) => b.policy_version !== null && b.status !== 'unavailable');
  brandSelect.replaceChildren(...answering.map((b) => h('option', { value: b.brand }, b.name)));
  const params = new URLSearchParams(location.search);
  const wanted = params.get('brand');
  const brand = answering.some((b) => b.brand === wanted) ? wanted! : answering[0]?.brand;
  if (params.get('lang')) langSelect.append(h('option', { value: params.get('lang')! }, params.get('lang')!));
  langSelect.value = params.get('lang') ?? '';
  speak(langSelect.value);
  if (!brand || !(await selectBrand(brand))) return;
  const claim = decodeClaim(params, current!.facts);
  // A shared link carries a claim: answer it straight away.
  if (Object.keys(claim).length) {
    claimForm!.fill(claim);
    await decide(claim);
  } else {
    const { name } = current!;
    say((t) => t.ready(name));
  }
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
  if (!(await showBrandAgain(brand))) return;
  const { name, policy_version } = current!;
  say((t) => t.savedVersion(name, policy_version));
}

void start().then(() =>
  startDevBanner({
    before: form,
    shown: () => (current ? { brand: current.brand, version: current.policy_version } : undefined),
    reload: showSavedVersion,
  }),
);

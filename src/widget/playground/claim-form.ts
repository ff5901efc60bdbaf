// The claim form, generated from a brand's vocabulary (GET /v1/brands/:brand `facts`, in the chosen
// language): facts by their labels, grouped (fact-groups.ts); enums become selects of their values'
// labels, dates date inputs, money and numbers number inputs, flags checkboxes, text a text input with
// the values the brand's tables name as suggestions. An empty field is a fact not sent.

import type { Claim } from '../../contract.js';
import type { BrandFact } from './api-types.js';
import { h } from './dom.js';
import type { FactGroup } from './fact-groups.js';
import type { Suggestion } from './product-lines.js';

export interface ClaimForm {
  read(): Claim;
  fill(claim: Claim): void;
  /** Marks the fields a problem+json names (`claim.delivered_on`); returns the messages no field took. */
  showProblems(errors: readonly { path: string; message: string }[]): string[];
}

const fieldId = (fact: string) => `fact-${fact}`;
/** A code as words (`official_store` → "official store"), where the API gives no label for it. */
const spoken = (value: string) => value.replaceAll('_', ' ');
/** An enum value as people say it in the chosen language; the code in words from a Worker without value labels. */
const valueLabel = (fact: BrandFact, value: string) => fact.value_labels?.[value] ?? spoken(value);

function control(fact: BrandFact, hintId: string, suggestions: readonly Suggestion[], notSent: string): HTMLInputElement | HTMLSelectElement {
  const common = { id: fieldId(fact.name), name: fact.name, 'aria-describedby': hintId };
  switch (fact.type) {
    case 'enum':
      return h(
        'select',
        common,
        h('option', { value: '' }, notSent),
        // The label to read, the code (what the API and the sheets call it) on hover.
        (fact.values ?? []).map((v) => h('option', { value: v, title: v }, valueLabel(fact, v))),
      );
    case 'boolean':
      return h('input', { ...common, type: 'checkbox', value: 'true' });
    case 'date':
      return h('input', { ...common, type: 'date' });
    case 'money':
      return h('input', { ...common, type: 'number', step: '0.01', min: '0', inputmode: 'decimal' });
    case 'number':
      return h('input', { ...common, type: 'number', step: 'any', inputmode: 'decimal' });
    default:
      return h('input', {
        ...common,
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        list: suggestions.length ? `${fieldId(fact.name)}-values` : undefined,
      });
  }
}

function showValueCode(code: HTMLElement, name: string, value: string): void {
  code.textContent = value ? `${name} = ${value}` : name;
}

function field(fact: BrandFact, suggestions: readonly Suggestion[], notSent: string): HTMLElement {
  const hintId = `${fieldId(fact.name)}-hint`;
  const input = control(fact, hintId, suggestions, notSent);
  const label = h('label', { for: input.id }, fact.label ?? spoken(fact.name));
  // The fact's name is what the API, the sheets and the shared address call it: support agents need it
  // too, and for a select the chosen value's code (`channel = official_store`), which the label hides.
  const code = h('code', { class: 'fact-code' }, fact.name);
  const hint = h('small', { id: hintId, class: 'hint' }, code, fact.description ? ` — ${fact.description}` : '');
  if (input instanceof HTMLSelectElement) input.addEventListener('change', () => showValueCode(code, fact.name, input.value));
  const list = suggestions.length
    ? h(
        'datalist',
        { id: `${fieldId(fact.name)}-values` },
        suggestions.map((s) => h('option', { value: s.value, label: s.label || undefined })),
      )
    : null;
  return fact.type === 'boolean' ? h('div', { class: 'field check' }, input, label, hint) : h('div', { class: 'field' }, label, input, list, hint);
}

/**
 * `suggestions`: fact → values to offer for a text fact (the product lines the sheets name); `notSent`: an
 * enum's empty option, in the console's language.
 */
export function buildClaimForm(
  container: HTMLElement,
  groups: readonly FactGroup[],
  suggestions: ReadonlyMap<string, readonly Suggestion[]>,
  notSent: string,
): ClaimForm {
  const controls = new Map<string, { fact: BrandFact; input: HTMLInputElement | HTMLSelectElement }>();
  container.replaceChildren(
    ...groups.map((group) => {
      const fields = group.facts.map((fact) => {
        const node = field(fact, suggestions.get(fact.name) ?? [], notSent);
        controls.set(fact.name, { fact, input: node.querySelector('input, select')! });
        return node;
      });
      return h('fieldset', { class: `group group-${group.id}`, 'data-group': group.id }, h('legend', {}, group.title), fields);
    }),
  );

  return {
    read() {
      const claim: Claim = {};
      for (const [name, { fact, input }] of controls) {
        if (input instanceof HTMLInputElement && input.type === 'checkbox') {
          if (input.checked) claim[name] = true;
        } else if (input.value !== '') {
          claim[name] = fact.type === 'money' || fact.type === 'number' ? Number(input.value) : input.value;
        }
      }
      return claim;
    },
    fill(claim) {
      for (const [name, { input }] of controls) {
        const value = claim[name];
        if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
        else input.value = value === undefined || value === null ? '' : String(value);
        // A select's hint shows the chosen code: filling it is choosing too.
        if (input instanceof HTMLSelectElement) input.dispatchEvent(new Event('change'));
      }
    },
    showProblems(errors) {
      for (const { input } of controls.values()) {
        input.removeAttribute('aria-invalid');
        input.parentElement?.querySelector('.error')?.remove();
      }
      const unplaced: string[] = [];
      for (const { path, message } of errors) {
        const target = controls.get(path.replace(/^claim\./, ''))?.input;
        if (!target) {
          unplaced.push(`${path}: ${message}`);
          continue;
        }
        const errorId = `${target.id}-error`;
        target.setAttribute('aria-invalid', 'true');
        target.setAttribute('aria-describedby', `${target.id}-hint ${errorId}`);
        target.parentElement!.append(h('span', { class: 'error', id: errorId }, message));
      }
      return unplaced;
    },
  };
}

// The claim form, generated from a brand's vocabulary (GET /v1/brands/:brand `facts`): enums become
// selects, dates date inputs, money and numbers number inputs, flags checkboxes, text text inputs.
// An empty field is a fact not sent.

import type { Claim } from '../../contract.js';
import type { BrandFact } from './api-types.js';
import { h } from './dom.js';

export interface ClaimForm {
  read(): Claim;
  fill(claim: Claim): void;
  /** Marks the fields a problem+json names (`claim.delivered_on`); returns the messages no field took. */
  showProblems(errors: readonly { path: string; message: string }[]): string[];
}

const GROUPS: { title: string; types: BrandFact['type'][] }[] = [
  { title: 'Product and claim', types: ['enum', 'text'] },
  { title: 'Dates', types: ['date'] },
  { title: 'Amounts', types: ['money', 'number'] },
  { title: 'Circumstances', types: ['boolean'] },
];

const fieldId = (fact: string) => `fact-${fact}`;

function control(fact: BrandFact, hintId: string): HTMLInputElement | HTMLSelectElement {
  const common = { id: fieldId(fact.name), name: fact.name, 'aria-describedby': hintId };
  switch (fact.type) {
    case 'enum':
      return h(
        'select',
        common,
        h('option', { value: '' }, '— not sent —'),
        (fact.values ?? []).map((v) => h('option', { value: v }, v)),
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
      return h('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false' });
  }
}

function field(fact: BrandFact): HTMLElement {
  const hintId = `${fieldId(fact.name)}-hint`;
  const input = control(fact, hintId);
  const label = h('label', { for: input.id }, h('code', {}, fact.name));
  const hint = h('small', { id: hintId, class: 'hint' }, fact.description ?? '');
  return fact.type === 'boolean' ? h('div', { class: 'field check' }, input, label, hint) : h('div', { class: 'field' }, label, input, hint);
}

export function buildClaimForm(container: HTMLElement, facts: readonly BrandFact[]): ClaimForm {
  const controls = new Map<string, { fact: BrandFact; input: HTMLInputElement | HTMLSelectElement }>();
  container.replaceChildren(
    ...GROUPS.flatMap((group) => {
      const members = facts.filter((f) => group.types.includes(f.type));
      if (!members.length) return [];
      const fields = members.map((fact) => {
        const node = field(fact);
        controls.set(fact.name, { fact, input: node.querySelector('input, select')! });
        return node;
      });
      return [h('fieldset', { class: `group group-${group.types[0]}` }, h('legend', {}, group.title), fields)];
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

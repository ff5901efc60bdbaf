// A policy's words in one locale, as decisions and coverage summaries show them: statuses, fee and
// payer sentences, evidence, dates and amounts (Intl, UTC), lists, and the summary templates filled
// in. Built once per policy and locale; a word an older compiled document lacks reads as its code.

import type { CompiledPolicy, FeeType, Status, WordKind } from '../contract.js';
import type { SummaryTemplate } from './summary-templates.js';

export type ListKind = 'and' | 'or' | 'unit';

export interface LocaleWords {
  readonly locale: string;
  word(kind: WordKind, code: string): string | undefined;
  status(status: Status): string;
  /** Evidence codes in this locale, as a new list. */
  evidence(codes: readonly string[]): string[];
  /** A fee field with its value as one sentence ("You pay the return shipping.", "Restocking fee: 10 %."). */
  fee(field: string, value: string | number): string;
  /** Whether a fee field names who pays (fees.csv type payer). */
  isPayer(field: string): boolean;
  /** A fee field's place in fees.csv: summaries list costs in the sheet's order. */
  feeRank(field: string): number;
  /** The values a remedy's fee field can take, as one sentence for the badge; null when it depends on the order. */
  feeTerms(field: string, values: readonly (string | number)[]): string | null;
  date(iso: string): string;
  list(items: readonly string[], kind: ListKind): string;
  /** A summary template with its placeholders filled in ({brand} always); '' when the policy has none. */
  summary(template: SummaryTemplate, values?: Readonly<Record<string, string>>): string;
}

const LIST_TYPES = { and: 'conjunction', or: 'disjunction', unit: 'unit' } as const;

/**
 * Intl formatting costs about a microsecond a call and a decision formats the same few dates, lists
 * and amounts again and again: each formatted text is kept (a bounded map, emptied when full).
 */
function remembered<K, V>(make: (key: K) => V, limit = 2048): (key: K) => V {
  const held = new Map<K, V>();
  return (key) => {
    const kept = held.get(key);
    if (kept !== undefined) return kept;
    if (held.size >= limit) held.clear();
    const value = make(key);
    held.set(key, value);
    return value;
  };
}

/** A template split once around its `{name}` placeholders: even items are text, odd items names. */
const splitTemplate = (text: string): string[] => text.split(/\{([a-z_]+)\}/);

/** Intl with a tag that the runtime may not know falls back to the bare locale rather than throwing. */
function safely<T>(make: (tag: string) => T, tag: string, fallback: string): T {
  try {
    return make(tag);
  } catch {
    return make(fallback);
  }
}

type Word = (kind: WordKind, code: string) => string | undefined;
type Fill = (text: string, values?: Readonly<Record<string, string>>) => string;

/** Fills `{name}` placeholders ({brand} always); an unknown one stays as written (the compiler refuses those). */
function templateFiller(policy: CompiledPolicy): Fill {
  const parts = remembered(splitTemplate, 512);
  return (text, values) => {
    const split = parts(text);
    let out = split[0]!;
    for (let i = 1; i < split.length; i += 2) {
      const name = split[i]!;
      out += (name === 'brand' ? policy.name : (values?.[name] ?? `{${name}}`)) + split[i + 1]!;
    }
    return out;
  };
}

/** Dates, amounts, percentages and lists formatted with Intl in the locale's (or words.csv's) tags. */
interface Formats {
  date: (iso: string) => string;
  money: (amount: number) => string;
  percent: (points: number) => string;
  /** Items joined by NUL (one string is a cheap cache key). */
  list: Record<ListKind, (joined: string) => string>;
}

function formats(policy: CompiledPolicy, locale: string, word: Word): Formats {
  const textTag = word('format', 'dates') ?? locale;
  const numberTag = word('format', 'numbers') ?? locale;
  const dates = safely((t) => new Intl.DateTimeFormat(t, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), textTag, locale);
  const money = safely((t) => new Intl.NumberFormat(t, { style: 'currency', currency: policy.currency }), numberTag, locale);
  const percent = safely((t) => new Intl.NumberFormat(t, { style: 'percent', maximumFractionDigits: 2 }), numberTag, locale);
  const list = (type: Intl.ListFormatType) => {
    const format = safely((t) => new Intl.ListFormat(t, { type }), textTag, locale);
    return remembered((joined: string) => format.format(joined.split('\u0000')));
  };
  return {
    // A date outside YYYY-MM-DD (a deadline past 9999-12-31, which the API refuses) stays as it is:
    // evaluation never throws.
    date: remembered((iso: string) => {
      const day = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(day.getTime()) ? iso : dates.format(day);
    }),
    money: remembered((amount: number) => money.format(amount)),
    percent: remembered((points: number) => percent.format(points / 100)),
    list: { and: list(LIST_TYPES.and), or: list(LIST_TYPES.or), unit: list(LIST_TYPES.unit) },
  };
}

type FeeWords = Pick<LocaleWords, 'fee' | 'isPayer' | 'feeRank' | 'feeTerms'>;

/** Fee and payer fields as sentences: fees.csv gives each field's type and order, words.csv the phrases. */
function feeWords(policy: CompiledPolicy, word: Word, fill: Fill, format: Formats): FeeWords {
  const feeTypes = new Map<string, FeeType>(policy.fees.map((f) => [f.name, f.type]));
  const feeRanks = new Map(policy.fees.map((f, i) => [f.name, i]));
  /** A fee field's value as customers read it: an amount, a percentage, or the words for a code. */
  const valueText = (type: FeeType | undefined, value: string | number): string => {
    if (typeof value === 'number' && type === 'money') return format.money(value);
    if (typeof value === 'number' && type === 'percent') return format.percent(value);
    return typeof value === 'string' ? (word('fee_value', value) ?? value) : String(value);
  };
  const sentence = (field: string, value: string) => {
    const template = word('fee', field);
    return template ? fill(template, { value }) : `${field}: ${value}`;
  };
  const payerSentence = (field: string, payer: string | number) => {
    const phrase = word('paid_by', `${field}.${payer}`);
    return phrase ? fill(phrase) : null;
  };
  const sentences = remembered((key: string) => {
    const [field, kind, raw] = key.split('\u0000') as [string, string, string];
    const type = feeTypes.get(field);
    const value = kind === 'number' ? Number(raw) : raw;
    if (type === 'payer') return payerSentence(field, value) ?? `${field}: ${value}`;
    return sentence(field, valueText(type, value));
  });
  return {
    fee: (field, value) => sentences(`${field}\u0000${typeof value}\u0000${value}`),
    isPayer: (field) => feeTypes.get(field) === 'payer',
    feeRank: (field) => feeRanks.get(field) ?? feeRanks.size,
    feeTerms(field, values) {
      const type = feeTypes.get(field);
      if (type === 'payer') return payerSentence(field, values.length > 1 ? 'either' : values[0]!);
      // Amounts depend on the order (restocking_fee_amount, refund_amount): nothing to say before it.
      if (type === 'money' || !values.length) return null;
      if (type === 'percent') {
        const numbers = values.filter((v): v is number => typeof v === 'number');
        const [lo, hi] = [Math.min(...numbers), Math.max(...numbers)];
        return numbers.length ? sentence(field, lo === hi ? valueText(type, lo) : `${valueText(type, lo)}–${valueText(type, hi)}`) : null;
      }
      return sentence(field, format.list.unit(values.map((v) => valueText(type, v)).join('\u0000')));
    },
  };
}

export function localeWords(policy: CompiledPolicy, locale: string): LocaleWords {
  const words = policy.words ?? {};
  const word: Word = (kind, code) => words[kind]?.[code]?.[locale] ?? words[kind]?.[code]?.[policy.defaultLocale];
  const fill = templateFiller(policy);
  const format = formats(policy, locale, word);
  return {
    locale,
    word,
    status: (status) => word('status', status) ?? status,
    evidence: (codes) => codes.map((code) => word('evidence', code) ?? code),
    ...feeWords(policy, word, fill, format),
    date: format.date,
    list: (items, kind) => (items.length === 1 ? items[0]! : format.list[kind](items.join('\u0000'))),
    summary(template, values) {
      const text = word('summary', template);
      return text ? fill(text, values) : '';
    },
  };
}

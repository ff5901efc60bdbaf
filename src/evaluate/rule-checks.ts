// A table's cells as flat opcodes run by one switch, built once per policy version. Most cells are
// a single equality or comparison; as closures every rule called a differently shaped function and
// the call sites went megamorphic, which cost more than the comparisons themselves. Cells with
// `not(…)`, `or`, globs or references keep their matcher closure (match-test.ts), behind one opcode.

import type { Literal, UnaryTest } from '../contract.js';
import { compileTest, type SlotOf, type Values } from './match-test.js';

const EQ = 0,
  IN = 1,
  LT = 2,
  LE = 3,
  GT = 4,
  GE = 5,
  RANGE = 6,
  CLOSURE = 7,
  IN_LIST = 8;

/** Up to this many values a list scan beats hashing the value for a Set lookup. */
const SHORT_LIST = 8;

/** Every rule's non-`-` cells of one table; rule r's checks are the indexes from[r] .. from[r+1]-1. */
export interface RuleChecks {
  from: Int32Array;
  slot: Int32Array; // the Values slot the cell reads
  op: Uint8Array;
  a: Literal[]; // EQ / comparison operand, RANGE low end
  b: Literal[]; // RANGE high end
  open: Uint8Array; // RANGE: bit 1 open low end, bit 2 open high end
  set: (Set<Literal> | null)[];
  list: (Literal[] | null)[]; // IN_LIST: a short list of values
  fn: (((value: Literal, values: Values) => boolean) | null)[];
}

const COMPARISON = { '<': LT, '<=': LE, '>': GT, '>=': GE } as const;

export function buildRuleChecks(rules: { tests: UnaryTest[] }[], inputSlots: number[], slotOf: SlotOf): RuleChecks {
  let cells = 0;
  for (const rule of rules) for (const test of rule.tests) if (!('any' in test)) cells++;
  const from = new Int32Array(rules.length + 1),
    slot = new Int32Array(cells),
    op = new Uint8Array(cells),
    open = new Uint8Array(cells);
  // Pushed, not preallocated: arrays made by `new Array(n)` stay holey, a slower read per cell.
  const a: Literal[] = [],
    b: Literal[] = [],
    set: RuleChecks['set'] = [],
    list: RuleChecks['list'] = [],
    fn: RuleChecks['fn'] = [];
  for (let r = 0; r < rules.length; r++) {
    from[r] = a.length;
    const tests = rules[r]!.tests;
    for (let input = 0; input < tests.length; input++) {
      const test = tests[input]!;
      if ('any' in test) continue;
      const i = a.length;
      let x: Literal = null,
        y: Literal = null,
        s: Set<Literal> | null = null,
        l: Literal[] | null = null,
        f: RuleChecks['fn'][number] = null;
      slot[i] = inputSlots[input]!;
      if ('eq' in test && test.eq.length === 1) {
        op[i] = EQ;
        x = test.eq[0]!;
      } else if ('eq' in test && test.eq.length <= SHORT_LIST) {
        op[i] = IN_LIST;
        l = test.eq;
      } else if ('eq' in test) {
        op[i] = IN;
        s = new Set(test.eq);
      } else if ('cmp' in test) {
        op[i] = COMPARISON[test.cmp];
        x = test.value;
      } else if ('range' in test) {
        op[i] = RANGE;
        x = test.range[0];
        y = test.range[1];
        open[i] = (test.open[0] ? 1 : 0) | (test.open[1] ? 2 : 0);
      } else {
        op[i] = CLOSURE;
        f = compileTest(test, slotOf);
      }
      a.push(x);
      b.push(y);
      set.push(s);
      list.push(l);
      fn.push(f);
    }
  }
  from[rules.length] = a.length;
  return { from, slot, op, a, b, open, set, list, fn };
}

/**
 * Whether rule `r` holds for the values. FEEL semantics as in match-test.ts: order comparisons need
 * both sides of the same kind; operands are numbers or date strings, so a matching typeof also rules
 * out null and booleans.
 */
export function ruleHolds(c: RuleChecks, r: number, values: Values): boolean {
  const end = c.from[r + 1]!;
  for (let i = c.from[r]!; i < end; i++) {
    const v = values[c.slot[i]!] ?? null;
    const x = c.a[i]!;
    switch (c.op[i]) {
      case EQ:
        if (v !== x) return false;
        break;
      case IN_LIST:
        if (!c.list[i]!.includes(v)) return false;
        break;
      case IN:
        if (!c.set[i]!.has(v)) return false;
        break;
      case LT:
        if (typeof v !== typeof x || !(v! < x!)) return false;
        break;
      case LE:
        if (typeof v !== typeof x || !(v! <= x!)) return false;
        break;
      case GT:
        if (typeof v !== typeof x || !(v! > x!)) return false;
        break;
      case GE:
        if (typeof v !== typeof x || !(v! >= x!)) return false;
        break;
      case RANGE: {
        const y = c.b[i]!,
          open = c.open[i]!;
        if (typeof v !== typeof x) return false;
        if (open & 1 ? !(v! > x!) : !(v! >= x!)) return false;
        if (open & 2 ? !(v! < y!) : !(v! <= y!)) return false;
        break;
      }
      default:
        if (!c.fn[i]!(v, values)) return false;
    }
  }
  return true;
}

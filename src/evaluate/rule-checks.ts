// A table's cells as flat opcodes run by one switch, built once per policy version. Most cells are
// a single equality or comparison; as closures every rule called a differently shaped function and
// the call sites went megamorphic, which cost more than the comparisons themselves. Cells with
// `not(…)`, `or`, globs or references keep their matcher closure (match-test.ts), behind one opcode.

import type { Literal, UnaryTest } from '../contract.js';
import { compileTest, type SlotOf, type Values } from './match-test.js';

const EQ = 0, IN = 1, LT = 2, LE = 3, GT = 4, GE = 5, RANGE = 6, CLOSURE = 7, IN_LIST = 8;

/** Up to this many values a list scan beats hashing the value for a Set lookup. */
const SHORT_LIST = 8;

/** Every rule's non-`-` cells of one table; rule r's checks are the indexes from[r] .. from[r+1]-1. */
export interface RuleChecks {
  from: Int32Array;
  slot: Int32Array;              // the Values slot the cell reads
  op: Uint8Array;
  a: Literal[];                  // EQ / comparison operand, RANGE low end
  b: Literal[];                  // RANGE high end
  open: Uint8Array;              // RANGE: bit 1 open low end, bit 2 open high end
  set: (Set<Literal> | null)[];
  list: (Literal[] | null)[];    // IN_LIST: a short list of values
  fn: (((value: Literal, values: Values) => boolean) | null)[];
}

const COMPARISON = { '<': LT, '<=': LE, '>': GT, '>=': GE } as const;

export function buildRuleChecks(rules: { tests: UnaryTest[] }[], inputSlots: number[], slotOf: SlotOf): RuleChecks {
  const from = new Int32Array(rules.length + 1);
  const slot: number[] = [], op: number[] = [], a: Literal[] = [], b: Literal[] = [], open: number[] = [];
  const set: (Set<Literal> | null)[] = [], list: (Literal[] | null)[] = [], fn: RuleChecks['fn'] = [];
  rules.forEach((rule, r) => {
    from[r] = slot.length;
    rule.tests.forEach((test, input) => {
      if ('any' in test) return;
      slot.push(inputSlots[input]!);
      let code: number = CLOSURE, x: Literal = null, y: Literal = null, flags = 0, s: Set<Literal> | null = null, l: Literal[] | null = null;
      let f: RuleChecks['fn'][number] = null;
      if ('eq' in test && test.eq.length === 1) [code, x] = [EQ, test.eq[0]!];
      else if ('eq' in test && test.eq.length <= SHORT_LIST) [code, l] = [IN_LIST, test.eq];
      else if ('eq' in test) [code, s] = [IN, new Set(test.eq)];
      else if ('cmp' in test) [code, x] = [COMPARISON[test.cmp], test.value];
      else if ('range' in test) [code, x, y, flags] = [RANGE, test.range[0], test.range[1], (test.open[0] ? 1 : 0) | (test.open[1] ? 2 : 0)];
      else f = compileTest(test, slotOf);
      op.push(code); a.push(x); b.push(y); open.push(flags); set.push(s); list.push(l); fn.push(f);
    });
  });
  from[rules.length] = slot.length;
  return { from, slot: Int32Array.from(slot), op: Uint8Array.from(op), a, b, open: Uint8Array.from(open), set, list, fn };
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
      case EQ: if (v !== x) return false; break;
      case IN_LIST: if (!c.list[i]!.includes(v)) return false; break;
      case IN: if (!c.set[i]!.has(v)) return false; break;
      case LT: if (typeof v !== typeof x || !(v! < x!)) return false; break;
      case LE: if (typeof v !== typeof x || !(v! <= x!)) return false; break;
      case GT: if (typeof v !== typeof x || !(v! > x!)) return false; break;
      case GE: if (typeof v !== typeof x || !(v! >= x!)) return false; break;
      case RANGE: {
        const y = c.b[i]!, open = c.open[i]!;
        if (typeof v !== typeof x) return false;
        if (open & 1 ? !(v! > x!) : !(v! >= x!)) return false;
        if (open & 2 ? !(v! < y!) : !(v! <= y!)) return false;
        break;
      }
      default: if (!c.fn[i]!(v, values)) return false;
    }
  }
  return true;
}

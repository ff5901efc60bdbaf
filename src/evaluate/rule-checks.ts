// A table's cells as flat opcodes run by one switch, built once per policy version. This is the
// engine's hot loop: most cells are a single equality or comparison, and calling one closure per
// cell cost more than the comparisons themselves. Cells with `not(…)`, `or`, globs or references
// keep their matcher closure (match-test.ts), behind one opcode.

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
  list: (readonly Literal[] | null)[]; // IN_LIST: a short list of values
  fn: (((value: Literal, values: Values) => boolean) | null)[];
}

const COMPARISON = { '<': LT, '<=': LE, '>': GT, '>=': GE } as const;

/** One cell as an opcode and its operands. */
interface CellCheck {
  op: number;
  a: Literal;
  b: Literal;
  open: number;
  set: Set<Literal> | null;
  list: readonly Literal[] | null;
  fn: RuleChecks['fn'][number];
}

function cellCheck(test: UnaryTest, slotOf: SlotOf): CellCheck {
  const check: CellCheck = { op: CLOSURE, a: null, b: null, open: 0, set: null, list: null, fn: null };
  if ('eq' in test && test.eq.length === 1) {
    check.op = EQ;
    check.a = test.eq[0]!;
  } else if ('eq' in test && test.eq.length <= SHORT_LIST) {
    check.op = IN_LIST;
    check.list = test.eq;
  } else if ('eq' in test) {
    check.op = IN;
    check.set = new Set(test.eq);
  } else if ('cmp' in test) {
    check.op = COMPARISON[test.cmp];
    check.a = test.value;
  } else if ('range' in test) {
    check.op = RANGE;
    [check.a, check.b] = test.range;
    check.open = (test.open[0] ? 1 : 0) | (test.open[1] ? 2 : 0);
  } else check.fn = compileTest(test, slotOf);
  return check;
}

export function buildRuleChecks(rules: readonly { tests: UnaryTest[] }[], inputSlots: readonly number[], slotOf: SlotOf): RuleChecks {
  let cells = 0;
  for (const rule of rules) for (const test of rule.tests) if (!('any' in test)) cells++;
  const checks: RuleChecks = {
    from: new Int32Array(rules.length + 1),
    slot: new Int32Array(cells),
    op: new Uint8Array(cells),
    open: new Uint8Array(cells),
    // Pushed below, not preallocated: arrays made by `new Array(n)` are slower to read per cell.
    a: [],
    b: [],
    set: [],
    list: [],
    fn: [],
  };
  for (let r = 0; r < rules.length; r++) {
    checks.from[r] = checks.a.length;
    const tests = rules[r]!.tests;
    for (let input = 0; input < tests.length; input++) {
      const test = tests[input]!;
      if ('any' in test) continue;
      const i = checks.a.length;
      const cell = cellCheck(test, slotOf);
      checks.slot[i] = inputSlots[input]!;
      checks.op[i] = cell.op;
      checks.open[i] = cell.open;
      checks.a.push(cell.a);
      checks.b.push(cell.b);
      checks.set.push(cell.set);
      checks.list.push(cell.list);
      checks.fn.push(cell.fn);
    }
  }
  checks.from[rules.length] = checks.a.length;
  return checks;
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

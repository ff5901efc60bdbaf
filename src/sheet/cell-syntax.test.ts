// The cell language of policy-sheets/README.md ("Input cells", "Output cells"): every form an
// editor may type, what it compiles to, and the message an editor gets for what it cannot read.

import { describe, expect, it } from 'vitest';
import type { UnaryTest } from '../contract.js';
import { parseInputCell, parseLiteral, parseOutputCell, splitTopLevel } from './cell-syntax.js';

/** Names the sheet knows (facts, windows, outputs of other tables). */
const KNOWN = new Set(['order_amount', 'delivered_on', 'claim_on', 'part_warranty_months']);
const isName = (name: string) => KNOWN.has(name);

const input = (cell: string) => parseInputCell(cell, isName);
const output = (cell: string) => parseOutputCell(cell, isName);

describe('parseInputCell', () => {
  describe('reads every input cell form of the README table', () => {
    it.each<[string, string, UnaryTest]>([
      ['an empty cell matches anything', '', { any: true }],
      ['a dash matches anything', '-', { any: true }],
      ['a dash with spaces matches anything', '  -  ', { any: true }],
      ['a bare listed value', 'used', { eq: ['used'] }],
      ['a quoted value', '"used"', { eq: ['used'] }],
      ['a list of quoted values', '"unopened","opened_unused"', { eq: ['unopened', 'opened_unused'] }],
      ['a list with spaces', '"unopened", "opened_unused"', { eq: ['unopened', 'opened_unused'] }],
      ['a list of bare values', 'unopened, opened_unused', { eq: ['unopened', 'opened_unused'] }],
      ['a quoted value holding a comma', '"a,b"', { eq: ['a,b'] }],
      ['a quoted value with an escaped quote', '"say \\"hi\\""', { eq: ['say "hi"'] }],
      ['not() of one value', 'not("used")', { not: [{ eq: ['used'] }] }],
      ['not() of a list', 'not("used", "opened_unused")', { not: [{ eq: ['used', 'opened_unused'] }] }],
      ['not() of a bare list', 'not(used, opened_unused)', { not: [{ eq: ['used', 'opened_unused'] }] }],
      ['not(null)', 'not(null)', { not: [{ eq: [null] }] }],
      ['less than', '< 14', { cmp: '<', value: 14 }],
      ['at most', '<= 14', { cmp: '<=', value: 14 }],
      ['more than', '> 14', { cmp: '>', value: 14 }],
      ['at least', '>= 14', { cmp: '>=', value: 14 }],
      ['a comparison without a space', '<14', { cmp: '<', value: 14 }],
      ['a comparison with a decimal', '>= 99.99', { cmp: '>=', value: 99.99 }],
      ['a comparison with a negative number', '> -1', { cmp: '>', value: -1 }],
      ['a comparison with a date', '< 2025-03-01', { cmp: '<', value: '2025-03-01' }],
      ['a comparison with date("…")', '>= date("2025-03-01")', { cmp: '>=', value: '2025-03-01' }],
      ['a comparison with a known fact', '<= delivered_on', { ref: 'delivered_on', op: '<=' }],
      ['a closed range [0..14]', '[0..14]', { range: [0, 14], open: [false, false] }],
      ['a range open at the low end (14..730]', '(14..730]', { range: [14, 730], open: [true, false] }],
      ['a range with an outward bracket ]14..730]', ']14..730]', { range: [14, 730], open: [true, false] }],
      ['a range open at the high end [0..14)', '[0..14)', { range: [0, 14], open: [false, true] }],
      ['a range with an outward bracket [0..14[', '[0..14[', { range: [0, 14], open: [false, true] }],
      ['a range open at both ends (0..14)', '(0..14)', { range: [0, 14], open: [true, true] }],
      ['a range open at both ends ]0..14[', ']0..14[', { range: [0, 14], open: [true, true] }],
      ['a range with spaces', '[ 0 .. 14 ]', { range: [0, 14], open: [false, false] }],
      ['a range of negative numbers', '[-5..-1]', { range: [-5, -1], open: [false, false] }],
      ['a one-point range', '[5..5]', { range: [5, 5], open: [false, false] }],
      ['a range of dates', '[2025-01-01..2025-12-31]', { range: ['2025-01-01', '2025-12-31'], open: [false, false] }],
      ['a range of date("…")', '[date("2025-01-01")..date("2025-12-31"))', { range: ['2025-01-01', '2025-12-31'], open: [false, true] }],
      ['true', 'true', { eq: [true] }],
      ['false', 'false', { eq: [false] }],
      ['√ as yes', '√', { eq: [true] }],
      ['✓ as yes', '✓', { eq: [true] }],
      ['✔ as yes', '✔', { eq: [true] }],
      ['× as no', '×', { eq: [false] }],
      ['✗ as no', '✗', { eq: [false] }],
      ['✘ as no', '✘', { eq: [false] }],
      ['a date', '2025-03-01', { eq: ['2025-03-01'] }],
      ['date("…")', 'date("2025-03-01")', { eq: ['2025-03-01'] }],
      ['a leap day', '2024-02-29', { eq: ['2024-02-29'] }],
      ['a number', '14', { eq: [14] }],
      ['a negative number', '-5', { eq: [-5] }],
      ['a percentage, as percentage points', '5%', { eq: [5] }],
      ['a bare pattern', 'neptune-*', { glob: ['neptune-*'] }],
      ['a list of patterns', 'mars-*, jupiter-*', { glob: ['mars-*', 'jupiter-*'] }],
      ['a quoted pattern, as exact text', '"neptune-*"', { eq: ['neptune-*'] }],
      ['values and patterns together', 'orangestorm-giga, neptune-*', { or: [{ eq: ['orangestorm-giga'] }, { glob: ['neptune-*'] }] }],
      ['null', 'null', { eq: [null] }],
      ['null among values', 'null, printer', { eq: [null, 'printer'] }],
      ['a known fact name, as a reference', 'delivered_on', { ref: 'delivered_on' }],
      [
        'a list of ranges',
        '[0..14], (30..60]',
        {
          or: [
            { range: [0, 14], open: [false, false] },
            { range: [30, 60], open: [true, false] },
          ],
        },
      ],
      [
        'a list of ranges, the first with an outward bracket',
        '[0..14[, [30..60]',
        {
          or: [
            { range: [0, 14], open: [false, true] },
            { range: [30, 60], open: [false, false] },
          ],
        },
      ],
    ])('%s: %s', (_what, cell, test) => {
      expect(input(cell)).toEqual({ ok: true, value: test });
    });
  });

  describe('reads the S-FEEL forms of DMN 1.4', () => {
    it('reads != x as not(x)', () => {
      expect(input('!= "used"')).toEqual({ ok: true, value: { not: [{ eq: ['used'] }] } });
      expect(input('!= 5')).toEqual({ ok: true, value: { not: [{ eq: [5] }] } });
      expect(input('!= claim_on')).toEqual({ ok: true, value: { not: [{ ref: 'claim_on' }] } });
    });

    it('reads a range whose ends are names as "not below the low end and not above the high end"', () => {
      expect(input('[delivered_on..claim_on]')).toEqual({
        ok: true,
        value: {
          not: [
            {
              or: [
                { ref: 'delivered_on', op: '<' },
                { ref: 'claim_on', op: '>' },
              ],
            },
          ],
        },
      });
      expect(input('(0..order_amount)')).toEqual({
        ok: true,
        value: {
          not: [
            {
              or: [
                { cmp: '<=', value: 0 },
                { ref: 'order_amount', op: '>=' },
              ],
            },
          ],
        },
      });
    });
  });

  describe('tells the editor what it expected', () => {
    it.each([
      ['an empty range [5..1]', '[5..1]', /range \[5\.\.1\] is empty/],
      ['an empty half-open range (5..5]', '(5..5]', /range \(5\.\.5\] is empty/],
      ['a range of a number and a date', '[1..2025-01-01]', /both ends must be numbers or both dates/],
      ['a range with a word', '[a..z]', /"a" is not a number, a date or a known name/],
      ['a != of a comparison', '!= < 5', /!= takes one value or name/],
      ['a range with true/false', '[false..true]', /cannot be compared/],
      ['an unclosed range', '[1..5', /cannot read "\[1\.\.5"/],
      ['an unterminated string', '"abc', /unterminated or malformed string "abc/],
      ['an unterminated string in a list', '"a", "b', /unterminated or malformed string "b/],
      ['a string with a stray quote', '"a"b"', /unterminated or malformed string/],
      ['a formula =SUM(A1)', '=SUM(A1)', /looks like a spreadsheet formula/],
      ['a formula starting with +', '+A1', /looks like a spreadsheet formula/],
      ['a formula starting with @', '@SUM(A1)', /looks like a spreadsheet formula/],
      ['a comparison with an unknown name', '> soon', /"soon" is not a number, a date or a known name/],
      ['a comparison with a bad date', '< 2025-02-30', /2025-02-30 is not a calendar date/],
      ['an impossible date', '2025-02-29', /2025-02-29 is not a calendar date/],
      ['a thirteenth month', '2025-13-01', /2025-13-01 is not a calendar date/],
      ['a date() without quotes', 'date(2025-03-01)', /expected date\("YYYY-MM-DD"\)/],
      ['an empty not()', 'not()', /not\(\) is empty/],
      ['a list with an empty entry', '"a",,"b"', /empty entry in list/],
      ['a list ending in a comma', '"a",', /empty entry in list/],
      ['a dash inside a list', '"a", -', /"-" cannot be part of a list/],
      ['a dash inside not()', 'not(-)', /"-" cannot be part of a list/],
      ['braces', '{{used}}', /cannot read "\{\{used\}\}"/],
      ['a semicolon', 'a;b', /cannot read "a;b"/],
      ['garbage', '#REF!', /cannot read "#REF!"/],
    ])('rejects %s: %s', (_what, cell, message) => {
      const parsed = input(cell);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    });
  });

  it('reads a word as a value when it is not a known name', () => {
    expect(parseInputCell('delivered_on')).toEqual({ ok: true, value: { eq: ['delivered_on'] } });
  });
});

describe('parseOutputCell', () => {
  it.each([
    ['an empty cell says nothing', '', null],
    ['a dash says nothing', '-', null],
    ['√ is true', '√', { value: true }],
    ['× is false', '×', { value: false }],
    ['a bare word', 'customer', { value: 'customer' }],
    ['review', 'review', { value: 'review' }],
    ['a quoted word', '"brand"', { value: 'brand' }],
    ['a percentage is its number of points', '5%', { value: 5 }],
    ['a decimal percentage', '12.5%', { value: 12.5 }],
    ['a number', '24', { value: 24 }],
    ['a date', '2025-03-01', { value: '2025-03-01' }],
    ['date("…")', 'date("2025-03-01")', { value: '2025-03-01' }],
    ['null', 'null', { value: null }],
    ['a comma list', 'refund, repair', { value: ['refund', 'repair'] }],
    ['a list of quoted codes', '"water_damage", "physical_damage"', { value: ['water_damage', 'physical_damage'] }],
    ['a quoted text holding a comma', '"photos, video"', { value: 'photos, video' }],
    ['a known fact copies that fact', 'order_amount', { ref: 'order_amount' }],
    ['a quoted fact name is text', '"order_amount"', { value: 'order_amount' }],
    ['a fact name in a list is text', 'order_amount, refund', { value: ['order_amount', 'refund'] }],
    ['a word with spaces', 'photo of the defect', { value: 'photo of the defect' }],
  ])('%s: %j', (_what, cell, value) => {
    expect(output(cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['a formula', '=SUM(A1)', /looks like a spreadsheet formula/],
    ['a formula starting with @', '@x', /looks like a spreadsheet formula/],
    ['an impossible date', '2025-13-01', /2025-13-01 is not a calendar date/],
    ['an unterminated string', '"abc', /unterminated or malformed string/],
    ['an empty list entry', 'refund,,repair', /empty entry in list/],
    ['an input test in an output', 'not(x)', /cannot read "not\(x\)"/],
    ['garbage', '#N/A!', /cannot read "#N\/A!"/],
  ])('rejects %s: %s', (_what, cell, message) => {
    const parsed = output(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('parseLiteral', () => {
  it('says a bare word is not a literal (null) so the caller can read it as a value or a name', () => {
    expect(parseLiteral('customer')).toBeNull();
  });

  it.each([
    ['null', null],
    ['true', true],
    ['√', true],
    ['×', false],
    ['-2.5', -2.5],
    ['15%', 15],
    ['""', ''],
    ['"x"', 'x'],
    ['2025-03-01', '2025-03-01'],
  ])('reads %s', (text, value) => {
    expect(parseLiteral(text)).toEqual({ ok: true, value });
  });
});

describe('splitTopLevel', () => {
  it.each([
    ['a, b, c', ['a', 'b', 'c']],
    ['"a,b", c', ['"a,b"', 'c']],
    ['not(a, b), c', ['not(a, b)', 'c']],
    ['[1..2], (3..4]', ['[1..2]', '(3..4]']],
    [']1..2], [3..4]', [']1..2]', '[3..4]']],
    ['[1..2[, [3..4]', ['[1..2[', '[3..4]']],
    ['single', ['single']],
  ])('splits %s on the commas between entries', (text, parts) => {
    expect(splitTopLevel(text)).toEqual(parts);
  });
});

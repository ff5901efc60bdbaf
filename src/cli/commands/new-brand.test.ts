// `policy new-brand <id>`: the folder it writes compiles and passes its cases at once; a bad id or
// an existing folder is refused with exit 2 and nothing written.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBrand } from '../compile-brands.js';
import { copySheets, run, type SheetsCopy } from './cli-fixture.js';

const FILES = ['cases.csv', 'eligibility.csv', 'facts.csv', 'messages.csv', 'policy.csv', 'remedies.csv', 'values.csv', 'windows.csv'];

describe('policy new-brand', () => {
  let sheets: SheetsCopy;
  beforeAll(() => {
    sheets = copySheets();
  });
  afterAll(() => sheets.remove());

  describe('with a new, well-formed id', () => {
    let created: Awaited<ReturnType<typeof run>>;
    beforeAll(async () => {
      created = await run(['new-brand', 'nimbus-scaffold-2', '--sheets', sheets.root]);
    });

    it('writes the brand folder and says what to do next', () => {
      expect(created.code).toBe(0);
      expect(readdirSync(join(sheets.root, 'nimbus-scaffold-2')).sort()).toEqual(FILES);
      expect(created.lines[0]).toBe(
        `✓ created ${sheets.root}/nimbus-scaffold-2/ with policy.csv, facts.csv, values.csv, remedies.csv, windows.csv, eligibility.csv, messages.csv, cases.csv`,
      );
      expect(created.out).toContain('npx policy check nimbus-scaffold-2');
      expect(readFileSync(join(sheets.root, 'nimbus-scaffold-2/policy.csv'), 'utf8')).toContain('brand,nimbus-scaffold-2\nname,Nimbus Scaffold 2\n');
    });

    it('passes check at once', async () => {
      const r = await run(['check', 'nimbus-scaffold-2', '--sheets', sheets.root]);
      expect({ code: r.code, out: r.lines, err: r.err }).toEqual({ code: 0, out: [expect.stringMatching(/^✓ nimbus-scaffold-2 [0-9a-f]{16}$/)], err: '' });
    });

    it('passes its cases at once, reaching every rule', async () => {
      const r = await run(['test', 'nimbus-scaffold-2', '--sheets', sheets.root]);
      expect({ code: r.code, out: r.lines }).toEqual({ code: 0, out: ['✓ nimbus-scaffold-2: 8/8 cases pass, 0 rule(s) not covered'] });
    });

    it('lists its own parts, and only them', () => {
      const { policy } = compileBrand(sheets.root, 'nimbus-scaffold-2', false);
      expect(policy!.facts.find((f) => f.name === 'part')).toMatchObject({ type: 'enum', values: ['product', 'accessory'] });
    });

    it('is checked with every other brand found', async () => {
      const r = await run(['check', '--sheets', sheets.root]);
      expect(r.code).toBe(0);
      expect(r.lines).toHaveLength(sheets.brands.length + 1);
    });
  });

  describe('when refused', () => {
    it('refuses a folder that exists, and leaves it as it was', async () => {
      const existing = sheets.brands[0]!;
      const before = readdirSync(join(sheets.root, existing)).map((f) => readFileSync(join(sheets.root, existing, f), 'utf8'));
      const r = await run(['new-brand', existing, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`${sheets.root}/${existing} already exists: nothing was written (edit its sheets, or choose another id)`);
      expect(readdirSync(join(sheets.root, existing)).map((f) => readFileSync(join(sheets.root, existing, f), 'utf8'))).toEqual(before);
    });

    it.each(['Nimbus', 'nimbus print', 'nimbus_print', '3dprint', '-nimbus', 'nimbüs', 'a'.repeat(64)])('refuses the id %j, writing nothing', async (id) => {
      const r = await run(['new-brand', id, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`"${id}" is not a brand id: a lower-case letter, then lower-case letters, digits or hyphens, at most 63 characters`);
      expect(existsSync(join(sheets.root, id))).toBe(false);
    });

    it('accepts the longest id (63 characters)', async () => {
      expect((await run(['new-brand', `b${'0'.repeat(62)}`, '--sheets', sheets.root])).code).toBe(0);
    });

    it.each([[[]], [['one', 'two']]])('says how to use it when given %j', async (ids) => {
      const r = await run(['new-brand', ...ids, '--sheets', sheets.root]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('usage: policy new-brand <id>');
    });

    it('exits 2 when the sheets folder does not exist', async () => {
      const r = await run(['new-brand', 'nimbus', '--sheets', `${sheets.dir}/nowhere`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no policy sheets folder');
      expect(existsSync(`${sheets.dir}/nowhere`)).toBe(false);
    });
  });
});

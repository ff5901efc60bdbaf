// `policy new-brand <id>`: a new folder policy-sheets/<id>/ with a small brand that compiles and
// passes its cases at once (brand-scaffold.ts), for an editor to fill in. Refuses an id that is not
// a brand id and a folder that exists, so nothing is ever overwritten.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brandIdProblem } from '../../store/brand-id.js';
import { parseArgs } from '../args.js';
import { scaffoldBrand } from '../brand-scaffold.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';

export function newBrand(argv: string[], ctx: CommandContext): void {
  const { positional } = parseArgs(argv, [], []);
  const [id, ...extra] = positional;
  if (id === undefined || extra.length) throw new UsageError('usage: policy new-brand <id>   (e.g. policy new-brand nimbus-print)');
  const idProblem = brandIdProblem(id);
  if (idProblem) throw new UsageError(idProblem);
  if (!existsSync(ctx.root)) throw new UsageError(`no policy sheets folder at ${ctx.root}`);
  const folder = join(ctx.root, id);
  if (existsSync(folder)) throw new UsageError(`${folder} already exists: nothing was written (edit its sheets, or choose another id)`);

  mkdirSync(folder);
  const files = scaffoldBrand(id);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  ctx.out(`✓ created ${folder}/ with ${Object.keys(files).join(', ')}`);
  ctx.out('Next: edit the sheets (policy-sheets/README.md, "Add a brand"), then');
  ctx.out(`  npx policy check ${id} && npx policy test ${id} && npx policy diff ${id}`);
}

// Proves "adding a brand is a folder and nothing else": a scratch copy of the project (its
// node_modules linked, not copied) gets every fixture brand (test/fixtures/brands/*) as a folder in
// policy-sheets/, then runs what CI runs for brands — check, test, diff, publish --local, the build,
// and the unit and edge (Worker in workerd) test projects — over all brands found. The brands that
// were there before must compile to byte-identical policies with the fixtures beside them.
//
//   npm run test:fixture-brands [-- --keep]     (--keep leaves the scratch copy for a look)

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listBrands } from '../src/cli/read-sheets.js';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(PROJECT, 'test/fixtures/brands');
const ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0' };

class StepFailed extends Error {}

function step(title: string): void {
  console.log(`\n▸ ${title}`);
}

/** Runs a command in the scratch copy, its output shown as it comes; a non-zero exit fails the step. */
function run(cwd: string, command: string, args: string[], options: { capture?: boolean } = {}): string {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    env: ENV,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  const line = `${command} ${args.join(' ')}`;
  if (result.status !== 0) throw new StepFailed(`\`${line}\` exited ${result.status ?? result.signal} in ${cwd}`);
  console.log(`  ✓ ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.stdout ?? '';
}

/** The project as a clean clone would have it (tracked and new, not ignored, files), node_modules linked. */
function copyProject(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'fixture-brands-'));
  const files = spawnSync('git', ['-C', PROJECT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
  if (files.status !== 0) throw new StepFailed(`git ls-files failed in ${PROJECT}: ${files.stderr}`);
  for (const file of files.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(PROJECT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(PROJECT, file), join(scratch, file));
  }
  symlinkSync(join(PROJECT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  return scratch;
}

/** dist/policies/<brand>.json of each brand, as bytes. */
function compiledPolicies(scratch: string, brands: string[]): Map<string, Buffer | null> {
  const file = (brand: string) => join(scratch, 'dist/policies', `${brand}.json`);
  return new Map(brands.map((brand) => [brand, existsSync(file(brand)) ? readFileSync(file(brand)) : null]));
}

function addFixtureBrands(scratch: string): string[] {
  const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const sheets = join(scratch, 'policy-sheets');
  const taken = fixtures.filter((f) => existsSync(join(sheets, f)));
  if (taken.length) throw new StepFailed(`policy-sheets/ already has a folder named like fixture brand(s) ${taken.join(', ')}: rename the fixture`);
  for (const f of fixtures) cpSync(join(FIXTURES, f), join(sheets, f), { recursive: true });
  return fixtures;
}

interface DiffReport {
  brands: { brand: string; kind: string }[];
}

/** Against the commit without the fixtures: each fixture brand is new, every other brand unchanged. */
function checkDiff(scratch: string, fixtures: string[]): void {
  const report = JSON.parse(run(scratch, 'npx', ['tsx', 'src/cli/main.ts', 'diff', '--format', 'json'], { capture: true })) as DiffReport;
  const wrong = report.brands.filter((b) => b.kind !== (fixtures.includes(b.brand) ? 'new' : 'identical'));
  if (wrong.length)
    throw new StepFailed(
      `policy diff: expected the fixture brands new and every other brand identical, got ${wrong.map((b) => `${b.brand} ${b.kind}`).join(', ')}`,
    );
  console.log(`  ✓ diff: ${fixtures.join(', ')} new; ${report.brands.length - fixtures.length} other brand(s) identical`);
}

function checkUnchanged(before: Map<string, Buffer | null>, after: Map<string, Buffer | null>): void {
  for (const [brand, bytes] of before) {
    const now = after.get(brand);
    if (!bytes) throw new StepFailed(`dist/policies/${brand}.json was not built without the fixture brands`);
    if (!now?.equals(bytes))
      throw new StepFailed(`dist/policies/${brand}.json differs once the fixture brands are added: a brand folder must not change another brand`);
    console.log(`  ✓ ${brand} ${JSON.parse(bytes.toString('utf8')).version}: byte-identical with and without the fixture brands`);
  }
}

function main(): number {
  const keep = process.argv.includes('--keep');
  const started = Date.now();
  const scratch = copyProject();
  console.log(`Scratch copy of the project: ${scratch}`);
  try {
    step('The brands as they are: commit them (the diff base) and compile them');
    run(scratch, 'git', ['init', '-q']);
    run(scratch, 'git', ['add', '.']);
    run(scratch, 'git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'base']);
    run(scratch, 'npx', ['tsx', 'src/cli/main.ts', 'build']);
    const brands = listBrands(join(scratch, 'policy-sheets'));
    const before = compiledPolicies(scratch, brands);

    step('Add every fixture brand as a folder of policy-sheets/');
    const fixtures = addFixtureBrands(scratch);
    console.log(`  brands now: ${listBrands(join(scratch, 'policy-sheets')).join(', ')}`);

    step('policy check, test, diff and publish --local over all brands');
    run(scratch, 'npx', ['tsx', 'src/cli/main.ts', 'check']);
    run(scratch, 'npx', ['tsx', 'src/cli/main.ts', 'test']);
    checkDiff(scratch, fixtures);
    run(scratch, 'npx', ['tsx', 'src/cli/main.ts', 'publish', '--local', '--effective-from', '2025-01-01']);

    step('Build, and compare the brands that were there before');
    run(scratch, 'npm', ['run', 'build', '--silent']);
    checkUnchanged(before, compiledPolicies(scratch, brands));

    step('Unit tests and the Worker in workerd (edge), over all brands');
    run(scratch, 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'edge']);

    console.log(`\n✓ fixture brands ${fixtures.join(', ')} added as folders: every step passes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return 0;
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    console.error(`\n✗ ${error.message}`);
    return 1;
  } finally {
    if (keep) console.log(`Kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main();

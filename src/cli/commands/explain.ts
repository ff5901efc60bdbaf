// `policy explain <brand> --claim claim.json | --fact name=value | --<fact> value [--as-of DATE]
// [--lang de] [--trace] [--format text|json]`: one claim's decision, with the sheet rows behind it.

import { evaluateClaim } from '../../evaluate/evaluate-claim.js';
import { explainDecision } from '../../explain/explain-decision.js';
import { dateOption, oneOf, parseArgs, todayUtc } from '../args.js';
import { compileBrand } from '../compile-brands.js';
import { PolicyProblems, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { printExplanation } from '../print-explanation.js';
import { printIssues } from '../print-issues.js';
import { buildClaim, parseFactAssignment, readClaimFile, splitFactOptions } from '../read-claim.js';
import { selectBrands } from '../read-sheets.js';

const VALUED = ['claim', 'as-of', 'lang', 'format'];
const FLAGS = ['trace'];
const USAGE =
  'usage: policy explain <brand> (--claim claim.json | --fact name=value … | --<fact> value …) [--as-of YYYY-MM-DD] [--lang de] [--trace] [--format text|json]';

export function explain(argv: string[], ctx: CommandContext): void {
  const split = splitFactOptions(argv, [...VALUED, 'fact'], FLAGS);
  const args = parseArgs(split.rest, VALUED, FLAGS, ['fact']);
  const format = oneOf('format', args.options.format, ['text', 'json'] as const);
  const asOf = dateOption('as-of', args.options['as-of']) ?? todayUtc();
  const [brand, ...extra] = args.positional;
  if (!brand || extra.length) throw new UsageError(USAGE);
  const raw = [...(args.lists.fact ?? []).map(parseFactAssignment), ...split.facts];
  const file = typeof args.options.claim === 'string' ? args.options.claim : undefined;
  if (!file && raw.length === 0) throw new UsageError(`give the claim: --claim claim.json, or facts as --fact name=value\n${USAGE}`);
  selectBrands(ctx.root, [brand]);

  const outcome = compileBrand(ctx.root, brand, false);
  if (!outcome.policy) {
    printIssues(outcome.issues, 'text', ctx.root, ctx.out);
    throw new PolicyProblems(`${brand} does not compile: fix the problems above (policy check ${brand})`);
  }
  const policy = outcome.policy;
  const claim = buildClaim(policy, file ? readClaimFile(file) : {}, raw);
  const lang = typeof args.options.lang === 'string' ? args.options.lang : undefined;
  if (lang && !policy.locales.includes(lang)) throw new UsageError(`--lang ${lang}: ${brand} speaks ${policy.locales.join(', ')}`);
  const decision = evaluateClaim(policy, claim, asOf, { trace: true, ...(lang ? { locale: lang } : {}) });
  const explanation = explainDecision(policy, decision);
  if (format === 'json') {
    const { trace, ...rest } = decision;
    ctx.out(JSON.stringify({ claim, decision: args.options.trace ? decision : rest, explanation }, null, 2));
    return;
  }
  printExplanation(explanation, claim, args.options.trace === true, ctx.out);
}

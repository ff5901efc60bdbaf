// The properties every answer must have, whatever was asked: never a 5xx; nothing from the inside
// (stack frames, file paths); every 4xx a problem+json document naming the fields at fault; every
// decision with a status for each remedy its brand defines. Plus what the generator expected.

import Papa from 'papaparse';
import { expect } from 'vitest';
import type { FuzzRequest } from './fuzz-request.js';
import type { BrandVocabulary } from './vocabulary.js';

/** Problem types that are about a field of the request: their `errors` must name it. */
const FIELD_PROBLEMS = new Set(['/docs#problem-invalid-request', '/docs#problem-invalid-claim', '/docs#problem-unknown-brand']);
const STATUSES = new Set(['eligible', 'ineligible', 'review']);

/** What a leak of internals looks like: a stack frame, a source path, the build machine's folders. */
export const INTERNALS =
  /\bat (?:async )?\S+ \([^)]*:\d+:\d+\)|\bat \S+:\d+:\d+|\.[cm]?[jt]s:\d+|node_modules|\/work\/|file:\/\/|\b(?:Type|Range|Reference|Syntax|Eval|URI)Error\b/g;

/** Leaks in `text`, except what the client sent itself and sees echoed (an odd path in a 404). */
export function leaks(text: string, sent: string): string[] {
  return [...text.matchAll(INTERNALS)].map((m) => m[0]).filter((m) => !sent.includes(m));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function readAnswer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

interface ProblemDoc {
  type: string;
  status: number;
  title: string;
  errors?: { path: string; message: string }[];
  request_id?: string;
}
interface DecisionDoc {
  brand: string;
  remedies: { remedy: string; status: string }[];
}

function checkProblem(answer: Answer, label: string, method: string): ProblemDoc | undefined {
  expect(answer.headers.get('content-type'), label).toBe('application/problem+json');
  if (method === 'HEAD') return undefined;
  const problem = answer.json as ProblemDoc;
  expect(problem, label).toMatchObject({ type: expect.stringMatching(/^\/docs#problem-[a-z-]+$/), status: answer.status, title: expect.any(String) });
  expect(problem.request_id, label).toBe(answer.headers.get('x-request-id'));
  if (FIELD_PROBLEMS.has(problem.type)) checkFieldErrors(problem, label);
  return problem;
}

function checkFieldErrors(problem: { errors?: unknown }, label: string): void {
  expect(Array.isArray(problem.errors) && problem.errors.length > 0, `${label}: a field problem without errors[]`).toBe(true);
  for (const e of problem.errors as { path: unknown; message: unknown }[]) {
    expect(typeof e.path === 'string' && e.path.length > 0, `${label}: error without a path`).toBe(true);
    expect(typeof e.message === 'string' && e.message.length > 0, `${label}: error without a message`).toBe(true);
  }
}

function checkDecision(decision: DecisionDoc, vocabs: BrandVocabulary[], label: string): void {
  const brand = vocabs.find((v) => v.brand === decision.brand);
  expect(brand, `${label}: decision for an unknown brand`).toBeDefined();
  expect(decision.remedies.map((r) => r.remedy).sort(), `${label}: remedies`).toEqual([...brand!.remedies].sort());
  for (const r of decision.remedies) expect(STATUSES.has(r.status), `${label}: ${r.remedy} has status ${r.status}`).toBe(true);
}

const decodeURIComponentSafe = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The body's keys as the API echoes them in an error path (`claim.<key>`): a fact the client named
 * `js:0` comes back as `claim.js:0`, which is its own text, not a source path.
 */
export function echoedPaths(body: string | undefined): string {
  const keys: string[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      keys.push(`.${key}`);
      walk(inner);
    }
  };
  try {
    walk(body === undefined ? undefined : JSON.parse(body));
  } catch {
    // Not JSON: nothing is echoed as a path.
  }
  return keys.join(' ');
}

const namesAll = (errors: { path: string }[] | undefined, fields: string[]) => {
  const paths = new Set((errors ?? []).map((e) => e.path));
  return fields.filter((f) => !paths.has(f));
};

/** Asserts the universal properties and the request's own expectation. */
export function checkAnswer(request: FuzzRequest, answer: Answer, vocabs: BrandVocabulary[]): void {
  const label = `${request.kind}: ${request.method} ${request.path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status < 500, `${label}: a 5xx`).toBe(true);
  const sent = `${request.path} ${decodeURIComponentSafe(request.path)} ${JSON.stringify(request.headers)} ${request.body ?? ''} ${echoedPaths(request.body)}`;
  expect(leaks(answer.text, sent), `${label}: internals in the body`).toEqual([]);
  for (const [name, value] of answer.headers) expect(leaks(`${name}: ${value}`, sent), `${label}: internals in ${name}`).toEqual([]);
  expect(answer.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(answer.headers.get('x-policy-degraded'), `${label}: degraded in a healthy store`).toBeNull();

  const { expect: wanted } = request;
  if (wanted.status !== undefined) expect(answer.status, label).toBe(wanted.status);
  if (wanted.clientError === true) expect(answer.status >= 400 && answer.status < 500, label).toBe(true);
  if (wanted.clientError === false) expect([200, 304], label).toContain(answer.status);

  if (answer.status >= 400) {
    // A known path asked with another method says which it answers.
    if (answer.status === 405) expect(answer.headers.get('allow'), `${label}: 405 without Allow`).toMatch(/^[A-Z]+(, [A-Z]+)*$/);
    const problem = checkProblem(answer, label, request.method);
    if (wanted.fields && problem) expect(namesAll(problem.errors, wanted.fields), `${label}: fields not named`).toEqual([]);
    return;
  }
  if (answer.status === 200 && answer.headers.get('content-type')?.startsWith('text/csv')) {
    // An export for spreadsheets: no cell may start like a formula (CSV injection).
    const cells = Papa.parse<string[]>(answer.text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true }).data.flat();
    expect(
      cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)),
      `${label}: formula-looking cells`,
    ).toEqual([]);
  }
  if (answer.status !== 200 || request.method !== 'POST') return;
  if (request.path.startsWith('/v1/eligibility/batch')) checkBatch(request, answer, vocabs, label);
  else if (request.path.startsWith('/v1/eligibility')) checkDecision(answer.json as DecisionDoc, vocabs, label);
}

interface BatchDoc {
  count: number;
  failed: number;
  results: { index: number; status: number; decision?: DecisionDoc; problem?: ProblemDoc }[];
}

function checkBatch(request: FuzzRequest, answer: Answer, vocabs: BrandVocabulary[], label: string): void {
  const batch = answer.json as BatchDoc;
  expect(
    batch.results.map((r) => r.index),
    label,
  ).toEqual(batch.results.map((_, i) => i));
  expect(batch.failed, label).toBe(batch.results.filter((r) => r.status !== 200).length);
  for (const [i, r] of batch.results.entries()) {
    const item = `${label} · items[${i}]`;
    const wanted = request.expect.items?.[i];
    if (wanted) expect(r.status, item).toBe(wanted.status);
    expect(r.status < 500, `${item}: a 5xx`).toBe(true);
    if (r.status === 200) {
      checkDecision(r.decision!, vocabs, item);
      continue;
    }
    expect(r.problem, item).toMatchObject({ type: expect.stringMatching(/^\/docs#problem-/), status: r.status });
    if (FIELD_PROBLEMS.has(r.problem!.type)) checkFieldErrors(r.problem!, item);
    for (const e of r.problem!.errors ?? []) expect(e.path.startsWith(`items[${i}].`), `${item}: ${e.path} points elsewhere`).toBe(true);
    if (wanted?.fields) expect(namesAll(r.problem!.errors, wanted.fields), `${item}: fields not named`).toEqual([]);
  }
  // The same claim twice in one cart gets the same answer.
  const [a, b] = request.expect.twins ?? [];
  if (a !== undefined && b !== undefined && batch.results[a]!.status === 200) {
    expect(batch.results[b]!.decision, `${label}: items[${b}] answered differently from its twin items[${a}]`).toEqual(batch.results[a]!.decision);
  }
}

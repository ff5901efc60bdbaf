// In-process CPU profiles (V8's sampling profiler through node:inspector) reduced to a self-time
// table: where the time goes when a target is missed, by function and source line.

import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProfileRow {
  selfPercent: number;
  selfMs: number;
  fn: string;
  at: string; // file:line, relative to the project
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

const post = <T>(session: Session, method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

/** file:line in the TypeScript source: tsx strips whitespace, so positions go through its source map. */
function location(url: string, line: number, column: number): string {
  if (!url) return '(native)';
  const entry = findSourceMap(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) [url, line] = [entry.originalSource, entry.originalLine ?? line];
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const short = path.includes('node_modules') ? path.replace(/^.*node_modules\//, '') : relative(process.cwd(), path);
  return `${short}:${line + 1}`;
}

/** Runs `work` at least once and until about `ms` milliseconds have passed, under the profiler; the top rows by self time. */
export async function profileSelfTime(work: () => unknown, ms = 1500, top = 12): Promise<ProfileRow[]> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
  await post(session, 'Profiler.start');
  const end = performance.now() + ms;
  do work();
  while (performance.now() < end);
  const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
  session.disconnect();

  // Self time by sample count, not by time deltas: on a loaded machine the sampler thread is
  // descheduled and one delta can swallow a whole gap. The profiler's own calls (node:inspector),
  // (idle) and (program) are left out of the total.
  const parent = new Map<number, CpuNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const harness = (node: CpuNode | undefined): boolean => !!node && (node.callFrame.url === 'node:inspector' || harness(parent.get(node.id)));
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sampledMs = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000 / Math.max(1, profile.samples.length);
  const byFrame = new Map<string, ProfileRow>();
  let total = 0;
  for (const [id, count] of hits) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || harness(node)) continue;
    total += count;
    const at = location(url, lineNumber, columnNumber);
    const key = `${functionName}@${at}`;
    const row = byFrame.get(key) ?? { selfPercent: 0, selfMs: 0, fn: functionName || '(anonymous)', at };
    row.selfMs += count * sampledMs;
    byFrame.set(key, row);
  }
  total *= sampledMs;
  return [...byFrame.values()]
    .map((r) => ({ ...r, selfMs: Math.round(r.selfMs * 10) / 10, selfPercent: Math.round((1000 * r.selfMs) / total) / 10 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

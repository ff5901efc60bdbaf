// JSON from the API on the same origin; a problem+json answer comes back as data, not an exception.

import type { ProblemDocument } from './api-types.js';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ProblemDocument };

export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    return { ok: false, problem: { title: 'The API is unreachable', status: 0, detail: String(error) } };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: body as T };
  const problem = (body && typeof body === 'object' ? body : { title: response.statusText }) as ProblemDocument;
  return { ok: false, problem: { ...problem, status: response.status } };
}

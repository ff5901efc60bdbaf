// A KV binding with faults on demand, handed to the Worker in place of the real one: it wraps the
// real namespace and, for the keys a fault matches, answers something else — absent, corrupt, an
// error, or nothing at all (a read that never resolves). A list call is matched as the key
// `list:<prefix>` (a `value` fault there is the page as JSON).

import type { KvListPage, KvReader } from '../../functions/env.js';

export type Fault =
  | { kind: 'absent' } // the key holds nothing
  | { kind: 'value'; value: string } // the key holds this text instead
  | { kind: 'throw'; message: string } // the read rejects
  | { kind: 'hang' }; // the read never answers

export class FaultyKv implements KvReader {
  readonly reads: string[] = [];
  private readonly faults: { match: (key: string) => boolean; fault: Fault }[] = [];

  constructor(private readonly kv: KvReader) {}

  /** Applies `fault` to every key `match` accepts (an exact key, or a test on it). */
  inject(match: string | ((key: string) => boolean), fault: Fault): this {
    this.faults.push({ match: typeof match === 'string' ? (k) => k === match : match, fault });
    return this;
  }

  heal(): this {
    this.faults.length = 0;
    return this;
  }

  list(options: Parameters<KvReader['list']>[0]): Promise<KvListPage> {
    const key = `list:${options.prefix}`;
    this.reads.push(key);
    const fault = this.faults.find((f) => f.match(key))?.fault;
    switch (fault?.kind) {
      case undefined:
        return this.kv.list(options);
      case 'absent':
        return Promise.resolve({ keys: [], list_complete: true });
      case 'value':
        return Promise.resolve(JSON.parse(fault.value) as KvListPage);
      case 'throw':
        return Promise.reject(new Error(fault.message));
      case 'hang':
        return new Promise(() => {});
    }
  }

  get(key: string, type: 'text'): Promise<string | null> {
    this.reads.push(key);
    const fault = this.faults.find((f) => f.match(key))?.fault;
    switch (fault?.kind) {
      case undefined:
        return this.kv.get(key, type);
      case 'absent':
        return Promise.resolve(null);
      case 'value':
        return Promise.resolve(fault.value);
      case 'throw':
        return Promise.reject(new Error(fault.message));
      case 'hang':
        return new Promise(() => {});
    }
  }
}

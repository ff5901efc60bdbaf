import { describe, expect, it } from 'vitest';
import { withRetry } from './retry.js';

/** A call that fails `failures` times (as the local KV does when a running wrangler dev meets the write), then answers. */
function flaky(failures: number) {
  let calls = 0;
  return {
    call: async () => {
      calls++;
      if (calls <= failures) throw new Error('KV PUT failed: 500 Internal Server Error');
      return 'stored';
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('answers once a call that failed a few times succeeds', async () => {
    const f = flaky(2);
    await expect(withRetry(f.call, [1, 1, 1])).resolves.toBe('stored');
    expect(f.calls()).toBe(3);
  });

  it('gives up with the last error after every retry failed', async () => {
    const f = flaky(10);
    await expect(withRetry(f.call, [1, 1])).rejects.toThrow('KV PUT failed: 500');
    expect(f.calls()).toBe(3);
  });
});

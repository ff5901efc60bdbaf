// Retries an idempotent store call a few times before giving up. The local namespace is the one a
// running `wrangler dev` reads (another workerd process on the same files): under `npm run dev` a
// write that meets its reads can fail now and then with "KV PUT failed: 500", and succeeds when tried again.

export const RETRY_DELAYS_MS = [50, 200, 500] as const;

export async function withRetry<T>(call: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= delays.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

/** How a 429 (the gateway's per-caller limit) is waited out. */
export interface RetryOptions {
  /** How many times a refused request is sent again; 3 by default. */
  readonly retries?: number;
  /** The longest `Retry-After` waited; a longer one is given back to the caller as the 429. 30 s by default. */
  readonly maxWaitSeconds?: number;
  /** The fetch to wrap; the global one by default. */
  readonly fetch?: typeof fetch;
  /** How to wait; a timer by default (tests pass their own). */
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

/**
 * A fetch that, told 429 by the gateway, waits the `Retry-After` it was given and sends the request again. Give it
 * to a client's `Configuration` as `fetchApi`. A POST creating something should carry an `Idempotency-Key`, so that a
 * request answered in the end twice creates once.
 */
export function retryingFetch(options: RetryOptions = {}): typeof fetch {
  const send = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 30;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve,
    milliseconds)));
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const response = await send(input, init);
      if (response.status !== 429 || attempt >= retries) {
        return response;
      }
      const wait = retryAfterSeconds(response.headers.get('Retry-After')) ?? 1;
      if (wait > maxWait) {
        return response;
      }
      await response.body?.cancel();
      await sleep(wait * 1000);
    }
  };
}

/** A `Retry-After` header in seconds: a number of seconds or an HTTP date; undefined if it is neither. */
export function retryAfterSeconds(header: string | null, now: Date = new Date()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

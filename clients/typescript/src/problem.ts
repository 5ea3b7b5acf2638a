/** A field at fault in bad input. */
export interface FieldError {
  /** The field's JSON path, e.g. `members[0].idNumber`. */
  readonly field: string;
  /** Its national indicator code (A4: 证件号码), null if it has none. */
  readonly indicator: string | null;
  /** Why, in Chinese. */
  readonly message: string;
}

/** An error as Fupin answers it: RFC 9457 problem details (`application/problem+json`). */
export interface Problem {
  /** `https://fupin.cn/problems/<code>` */
  readonly type: string;
  /** In Chinese. */
  readonly title: string;
  readonly status: number;
  /** In Chinese. */
  readonly detail?: string;
  /** The request's path. */
  readonly instance?: string;
  /** Stable: program against it (`validation-failed`, `version-mismatch`, `too-many-requests`, ...). */
  readonly code: string;
  /** Finds the request's log lines; give it when reporting a fault. */
  readonly correlationId?: string;
  /** For bad input: each field at fault. */
  readonly errors?: readonly FieldError[];
}

/**
 * The problem an error answer carries: give it what a generated API threw (its `ResponseError` has the `response`)
 * or a `Response`. Undefined when there is no answer (the network failed) or the answer is no problem.
 */
export async function problemOf(error: unknown): Promise<Problem | undefined> {
  const response = error instanceof Response ? error
    : (error as { response?: unknown } | null)?.response instanceof Response
      ? (error as { response: Response }).response : undefined;
  if (response === undefined || response.ok) {
    return undefined;
  }
  try {
    const body = await response.clone().json();
    return typeof body === 'object' && body !== null && typeof body.code === 'string' ? body as Problem : undefined;
  } catch {
    return undefined;
  }
}

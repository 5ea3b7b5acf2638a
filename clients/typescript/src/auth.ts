/**
 * The `accessToken` of a service's `Configuration`: the generated clients put what it returns into the
 * `Authorization` header as it is, and the gateway wants `Bearer <token>`. Give it the function that returns the
 * user's current access token (an OIDC library's, which renews it).
 */
export function bearer(token: () => string | Promise<string>): () => Promise<string> {
  return async () => `Bearer ${await token()}`;
}

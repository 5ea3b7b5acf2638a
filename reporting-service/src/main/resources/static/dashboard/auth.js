import Keycloak from './vendor/keycloak-js/keycloak.js';

/** The realm's public browser client: authorization code with PKCE (S256), no secret. */
const CLIENT_ID = 'fupin-web';

/** Seconds of validity a token must still have when a request leaves; otherwise it is refreshed first. */
const MIN_VALIDITY = 30;

/**
 * Keycloak's discovery document, fetched through the gateway: the gateway knows the issuer whose tokens it
 * accepts, so the page needs no Keycloak address of its own (8180 locally, 20180 in the end-to-end stack, a
 * real host in production).
 */
async function provider() {
  const response = await fetch('openid-configuration', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`无法取得统一身份认证的配置（HTTP ${response.status}）`);
  }
  return response.json();
}

/** A report or area request that failed, with the problem details' Chinese title when there is one. */
export class ApiError extends Error {
  constructor(status, title) {
    super(title ? `${title}（HTTP ${status}）` : `请求失败（HTTP ${status}）`);
    this.status = status;
  }
}

/**
 * Logs the user in on Keycloak's own login page (redirecting there if there is no session yet) and returns
 * the signed-in session: who it is, a JSON GET that carries the user's token, and logout.
 */
export async function signIn() {
  const keycloak = new Keycloak({ clientId: CLIENT_ID, oidcProvider: await provider() });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });

  async function getJson(path) {
    try {
      await keycloak.updateToken(MIN_VALIDITY);
    }
    catch {
      keycloak.login();
      throw new Error('登录已过期，正在转到登录页');
    }
    const response = await fetch(path, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${keycloak.token}` },
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new ApiError(response.status, problem.title);
    }
    return response.json();
  }

  const claims = keycloak.tokenParsed;
  return {
    // 姓 + 名: the token's "name" is in Western order
    userName: `${claims.family_name ?? ''}${claims.given_name ?? ''}` || claims.preferred_username,
    getJson,
    logout: () => keycloak.logout({ redirectUri: location.href }),
  };
}

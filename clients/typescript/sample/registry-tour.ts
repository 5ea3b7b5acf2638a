// A tour of @fupin/client from Node.js: a clerk signs in, registers a household (Idempotency-Key: sent twice, created
// once), reads it (ETag), updates it (If-Match), is told 412 for a stale version and 400 for bad input, each as a
// problem naming what was wrong, and labels codes with the codebook. Every step prints one line of JSON.
//
//   FUPIN_GATEWAY=http://localhost:8080 FUPIN_ISSUER=http://localhost:8180/realms/fupin \
//   FUPIN_USER=xiyang.clerk FUPIN_PASSWORD=demo123 FUPIN_REGISTRATION="$(cat household.json)" node registry-tour.js
import { randomUUID } from 'node:crypto';
import { A27_poverty_cause, areaOf, bearer, household, labelOf, problemOf, retryingFetch } from '@fupin/client';

const gateway = required('FUPIN_GATEWAY');
const issuer = required('FUPIN_ISSUER');

// A script signs in with a password (the realm's command-line client); a browser uses the authorization code flow with
// PKCE instead (README: "Signing in").
const login = await fetch(`${issuer}/protocol/openid-connect/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'password', client_id: 'fupin-cli', username: required('FUPIN_USER'),
    password: required('FUPIN_PASSWORD') }),
});
if (!login.ok) {
  throw new Error(`login refused: ${login.status} ${await login.text()}`);
}
const { access_token: token } = await login.json() as { access_token: string };

const households = new household.HouseholdsApi(new household.Configuration({
  basePath: gateway,
  accessToken: bearer(() => token),
  fetchApi: retryingFetch(),
}));

const form = household.RegisterHouseholdRequestFromJSON(JSON.parse(required('FUPIN_REGISTRATION')));
const key = randomUUID();
const registered = await households.registerHouseholdRaw({ idempotencyKey: key, registerHouseholdRequest: form });
const again = await households.registerHousehold({ idempotencyKey: key, registerHouseholdRequest: form });
const created = await registered.value();
step('registered', { household: created.id, status: registered.raw.status, etag: registered.raw.headers.get('ETag'),
  sameOnRetry: again.id === created.id });

const read = await households.getHouseholdRaw({ householdId: created.id });
const etag = read.raw.headers.get('ETag') ?? '';
const current = await read.value();
step('read', { etag, village: areaOf(current.address.divisionCode)?.name,
  causes: current.causes?.map((cause) => labelOf(A27_poverty_cause, cause)) });

const updated = await households.updateHouseholdRaw({ householdId: created.id, ifMatch: etag,
  updateHouseholdRequest: { phone: '13800000000' } });
step('updated', { status: updated.raw.status, etag: updated.raw.headers.get('ETag') });

try {
  await households.updateHousehold({ householdId: created.id, ifMatch: etag,
    updateHouseholdRequest: { phone: '13900000000' } });
  step('stale', { refused: false });
} catch (error) {
  const problem = await problemOf(error);
  step('stale', { refused: true, status: problem?.status, code: problem?.code, title: problem?.title });
}

try {
  await households.registerHousehold({ idempotencyKey: randomUUID(), registerHouseholdRequest: {
    ...form, members: form.members.map((member) => ({ ...member, idNumber: '350481199001011230' })) } });
  step('bad-input', { refused: false });
} catch (error) {
  const problem = await problemOf(error);
  step('bad-input', { refused: true, status: problem?.status, code: problem?.code,
    fields: problem?.errors?.map((fieldError) => fieldError.field) });
}

function step(name: string, facts: Record<string, unknown>): void {
  console.log(JSON.stringify({ step: name, ...facts }));
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

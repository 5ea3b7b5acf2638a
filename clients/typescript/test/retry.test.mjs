// The package's own behaviour that no contract generates: waiting out 429, reading problems, the codebook's lookups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { A27_poverty_cause, areaOf, bearer, labelOf, problemOf, retryAfterSeconds, retryingFetch } from '../dist/index.js';

const answers = (...responses) => {
  const sent = [];
  const fetch = async (input, init) => {
    sent.push({ input, init });
    return responses.shift();
  };
  return { fetch, sent };
};

test('a 429 is waited out by its Retry-After and the same request sent again', async () => {
  const { fetch, sent } = answers(new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }),
    new Response('{"ok":true}', { status: 200 }));
  const waits = [];
  const response = await retryingFetch({ fetch, sleep: async (ms) => { waits.push(ms); } })('/api/v1/households',
    { method: 'POST', body: '{"a":1}', headers: { 'Idempotency-Key': 'k-1' } });

  assert.equal(response.status, 200);
  assert.deepEqual(waits, [2000]);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1].init, sent[0].init);
});

test('a 429 asking to wait too long, or after the last retry, is given back', async () => {
  const tooLong = answers(new Response('{}', { status: 429, headers: { 'Retry-After': '120' } }));
  assert.equal((await retryingFetch({ fetch: tooLong.fetch, sleep: async () => {} })('/x')).status, 429);

  const always = answers(...Array.from({ length: 3 }, () => new Response('{}', { status: 429 })));
  const response = await retryingFetch({ fetch: always.fetch, retries: 2, sleep: async () => {} })('/x');
  assert.equal(response.status, 429);
  assert.equal(always.sent.length, 3);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(retryAfterSeconds('7'), 7);
  assert.equal(retryAfterSeconds('Sat, 05 Dec 2026 08:00:10 GMT', new Date('2026-12-05T08:00:00Z')), 10);
  assert.equal(retryAfterSeconds('soon'), undefined);
  assert.equal(retryAfterSeconds(null), undefined);
});

test('a problem is read from what a generated API threw; anything else is none', async () => {
  const problem = { type: 'https://fupin.cn/problems/version-mismatch', title: '版本不一致', status: 412,
    code: 'version-mismatch', correlationId: 'c-1' };
  const thrown = { response: new Response(JSON.stringify(problem), { status: 412,
    headers: { 'Content-Type': 'application/problem+json' } }) };

  assert.deepEqual(await problemOf(thrown), problem);
  assert.equal(await problemOf(new TypeError('fetch failed')), undefined);
  assert.equal(await problemOf({ response: new Response('<html>', { status: 502 }) }), undefined);
});

test('the token is sent as a bearer token, and codes are labelled from the codebook and the division tree', async () => {
  assert.equal(await bearer(() => 'abc')(), 'Bearer abc');
  assert.equal(labelOf(A27_poverty_cause, '07'), '缺技术');
  assert.equal(labelOf(A27_poverty_cause, '99'), undefined);
  assert.equal(areaOf('350481')?.name, '永安市');
  assert.equal(areaOf('350481001201')?.level, 'VILLAGE');
  assert.equal(areaOf('999999'), undefined);
});

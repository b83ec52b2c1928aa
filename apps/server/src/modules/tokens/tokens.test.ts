import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let ada: Client;

beforeEach(async () => {
  t = await createTestApp();
  ada = await signUp(t.app, 'Ada');
});
afterEach(() => t.close());

const withToken = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates with it, and revokes it', async () => {
    const created = await ada.request('POST', '/api/v1/me/tokens', { name: 'CI bot' });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^ghp_/);
    expect(token.startsWith(prefix)).toBe(true);

    const list = await ada.request('GET', '/api/v1/me/tokens');
    expect(list.json().items).toMatchObject([{ id, name: 'CI bot', prefix, lastUsedAt: null }]);
    expect(list.body).not.toContain(token);

    const me = await withToken(token, '/api/v1/me');
    expect(me.json().id).toBe(ada.id);
    expect((await ada.request('GET', '/api/v1/me/tokens')).json().items[0].lastUsedAt).not.toBeNull();

    expect((await ada.request('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await withToken(token, '/api/v1/me');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('auth.invalid_token');
    expect((await ada.request('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(404);
  });

  it('does not let one person revoke another person’s token', async () => {
    const bo = await signUp(t.app, 'Bo');
    const { id, token } = (await ada.request('POST', '/api/v1/me/tokens', { name: 'mine' })).json();
    expect((await bo.request('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(404);
    expect((await withToken(token, '/api/v1/me')).statusCode).toBe(200);
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_token');
  });
});

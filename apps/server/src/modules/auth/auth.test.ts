import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asClient, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
afterEach(() => t.close());

const signupBody = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: 'a long enough password',
  name: 'Someone',
  ...extra,
});

describe('sign-up and sign-in', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('makes the first account the org admin and later ones members', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('First@Example.com') });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ email: 'first@example.com', orgRole: 'admin' });
    const cookie = first.cookies.find((c) => c.name === 'gh_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^ghs_[A-Za-z0-9_-]{43}$/);

    const second = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('second@example.com') });
    expect(second.json().orgRole).toBe('member');
  });

  it('stores the session token only as a hash', async () => {
    const client = await signUp(t.app, 'Hashy');
    const token = client.cookie.split('=')[1] ?? '';
    const rows = await t.database.db.selectFrom('session').select('token_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a duplicate email with 409, whatever its case', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('dup@example.com') });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('DUP@example.com') });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('auth.email_taken');
    expect(await t.database.db.selectFrom('person').select('id').execute()).toHaveLength(1);
  });

  it('names each invalid field and rejects unknown ones', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'not-an-email', password: 'short', name: '', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation.failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'isAdmin', 'name', 'password']);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const client = await signUp(t.app, 'Known');
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: client.email, password: 'not the password' },
    });
    const unknownEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: 'nobody@example.com', password: 'not the password' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
  });

  it('signs in with the right password and out again', async () => {
    const client = await signUp(t.app, 'Roundtrip');
    const signin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: client.email.toUpperCase(), password: 'a long enough password' },
    });
    expect(signin.statusCode).toBe(200);
    const cookie = `gh_session=${signin.cookies.find((c) => c.name === 'gh_session')?.value}`;
    const session = asClient(t.app, client.id, client.email, cookie);
    expect((await session.request('GET', '/api/v1/me')).json().id).toBe(client.id);
    expect((await session.request('POST', '/api/v1/auth/signout')).statusCode).toBe(204);
    expect((await session.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const signedOut = await session.request('GET', '/api/v1/auth/session');
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ me: null });
  });

  it('tells the web app who is signed in without an error when nobody is', async () => {
    const client = await signUp(t.app, 'Sessiony');
    expect((await client.request('GET', '/api/v1/auth/session')).json().me).toMatchObject({ id: client.id, name: 'Sessiony' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).json()).toEqual({ me: null });
  });

  it('rejects malformed JSON, oversize bodies and wrong media types with problem+json', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: 'a@example.com', password: 'x'.repeat(300 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('request.too_large');

    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });
});

describe('email domains and invites', () => {
  beforeEach(async () => {
    t = await createTestApp({ ALLOWED_EMAIL_DOMAINS: 'example.com, corp.example' });
  });

  it('lets allowed domains in and asks others for an invite', async () => {
    await signUp(t.app, 'Admin'); // first account, example.com
    const outsider = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('x@elsewhere.org') });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('auth.invite_required');
    const insider = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: signupBody('y@corp.example') });
    expect(insider.statusCode).toBe(201);
    const policy = await t.app.inject({ method: 'GET', url: '/api/v1/auth/signup-policy' });
    expect(policy.json()).toEqual({ firstAccount: false, inviteRequired: true, allowedEmailDomains: ['example.com', 'corp.example'] });
  });

  it('accepts an admin invite once, and only for its address', async () => {
    const admin = await signUp(t.app, 'Admin');
    const created = await admin.request('POST', '/api/v1/invites', { email: 'guest@elsewhere.org' });
    expect(created.statusCode).toBe(201);
    const { token, url } = created.json();
    expect(url).toContain(`/signup?invite=${token}`);

    const wrongAddress = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signupBody('other@elsewhere.org', { inviteToken: token }),
    });
    expect(wrongAddress.json().code).toBe('auth.invite_invalid');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signupBody('guest@elsewhere.org', { inviteToken: token }),
    });
    expect(ok.statusCode).toBe(201);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signupBody('guest2@elsewhere.org', { inviteToken: token }),
    });
    expect(reused.statusCode).toBe(403);
    expect(reused.json().code).toBe('auth.invite_invalid');
    // The failed sign-ups wrote nothing.
    expect(await t.database.db.selectFrom('person').select('email').orderBy('email').execute()).toHaveLength(2);

    const member = await signUp(t.app, 'Member');
    expect((await member.request('POST', '/api/v1/invites', {})).statusCode).toBe(403);
  });
});

describe('abuse limits and cross-site requests', () => {
  it('rate-limits sign-in attempts per address', async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    const attempt = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/signin', payload: { email: 'a@example.com', password: 'nope' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limit.exceeded');
  });

  it('rate-limits writes per person', async () => {
    t = await createTestApp({ WRITE_RATE_LIMIT_PER_MINUTE: '2' });
    const ada = await signUp(t.app, 'Ada');
    const bo = await signUp(t.app, 'Bo');
    for (let i = 0; i < 2; i++) expect((await ada.request('PATCH', '/api/v1/me', { title: `T${i}` })).statusCode).toBe(200);
    const limited = await ada.request('PATCH', '/api/v1/me', { title: 'Too many' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limit.exceeded');
    // Someone else, from the same address, is not held back by Ada's writes.
    expect((await bo.request('PATCH', '/api/v1/me', { title: 'Fine' })).statusCode).toBe(200);
    expect((await ada.request('GET', '/api/v1/me')).json().title).toBe('T1');
  });

  it('refuses cookie-authenticated writes from another site, but not bearer-token ones', async () => {
    t = await createTestApp();
    const client = await signUp(t.app, 'Csrf');
    const body = { name: 'Renamed' };
    const crossSite = await client.request('PATCH', '/api/v1/me', body, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('csrf.cross_origin');
    const foreignOrigin = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: client.cookie, origin: 'https://evil.example', host: 'guildhall.local' },
      payload: body,
    });
    expect(foreignOrigin.json().code).toBe('csrf.cross_origin');
    const sameOrigin = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: client.cookie, origin: 'http://guildhall.local', host: 'guildhall.local' },
      payload: body,
    });
    expect(sameOrigin.statusCode).toBe(200);

    const token = (await client.request('POST', '/api/v1/me/tokens', { name: 'bot' })).json().token;
    const viaToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' },
      payload: { name: 'Bot-renamed' },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().name).toBe('Bot-renamed');
  });
});

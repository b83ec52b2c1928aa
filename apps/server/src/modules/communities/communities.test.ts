import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createCommunity, createTestApp, signUp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let admin: Client;
let fran: Client;
let mo: Client;

beforeEach(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Admin');
  fran = await signUp(t.app, 'Fran');
  mo = await signUp(t.app, 'Mo');
});
afterEach(() => t.close());

describe('creating and editing communities', () => {
  it('creates a community with its creator as facilitator', async () => {
    const res = await fran.request('POST', '/api/v1/communities', {
      name: 'Kubernetes Observability',
      slug: 'K8s-Observability',
      domain: 'Monitoring and troubleshooting Kubernetes deployments.',
      category: 'new-technology',
      cadence: 'bi-weekly',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'k8s-observability',
      visibility: 'open',
      stage: 'coalescing',
      memberCount: 1,
      version: 1,
      canManage: true,
      myMembership: { role: 'facilitator', status: 'active' },
    });
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a taken slug with 409 and writes nothing', async () => {
    await createCommunity(fran, { slug: 'perf' });
    const res = await mo.request('POST', '/api/v1/communities', {
      name: 'Performance again',
      slug: 'perf',
      domain: 'Another performance community.',
      category: 'recurring-struggle',
      cadence: 'monthly',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('community.slug_taken');
    const count = await t.database.db.selectFrom('community').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('rejects a stale version with 409', async () => {
    const c = await createCommunity(fran);
    const first = await fran.request('PATCH', `/api/v1/communities/${c.slug}`, { version: 1, cadence: 'weekly' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ cadence: 'weekly', version: 2 });
    const stale = await fran.request('PATCH', `/api/v1/communities/${c.slug}`, { version: 1, name: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('community.version_conflict');
    const now = await fran.request('GET', `/api/v1/communities/${c.slug}`);
    expect(now.json().name).not.toBe('Lost update');
  });

  it('records a visibility change in the audit log', async () => {
    const c = await createCommunity(fran);
    await fran.request('PATCH', `/api/v1/communities/${c.slug}`, { version: 1, visibility: 'private' });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'community.visibility_change', actor_id: fran.id, target_id: c.id }]);
  });
});

describe('the directory', () => {
  it('filters by text and category and pages with a cursor', async () => {
    for (const [name, category] of [
      ['Serverless Architecture', 'new-technology'],
      ['Security Best Practices', 'cross-cutting-concern'],
      ['Performance Optimization', 'recurring-struggle'],
      ['Kubernetes Observability', 'new-technology'],
      ['Frontend Guild', 'cross-cutting-concern'],
    ] as const) {
      await createCommunity(fran, { name, category, slug: name.toLowerCase().split(' ')[0] });
    }
    const byText = await mo.request('GET', '/api/v1/communities?q=SECUR');
    expect(byText.json().items.map((c: { name: string }) => c.name)).toEqual(['Security Best Practices']);

    const byCategory = await mo.request('GET', '/api/v1/communities?category=new-technology');
    expect(byCategory.json().items.map((c: { name: string }) => c.name)).toEqual(['Kubernetes Observability', 'Serverless Architecture']);

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await mo.request('GET', `/api/v1/communities?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().items.length).toBeLessThanOrEqual(2);
      names.push(...page.json().items.map((c: { name: string }) => c.name));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toHaveLength(5);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    await createCommunity(fran, { name: 'Percent Club' });
    const res = await mo.request('GET', '/api/v1/communities?q=%25');
    expect(res.json().items).toEqual([]);
  });

  it('answers a bad cursor or limit with a named field', async () => {
    const badCursor = await mo.request('GET', '/api/v1/communities?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().code).toBe('pagination.invalid_cursor');
    const badLimit = await mo.request('GET', '/api/v1/communities?limit=1000');
    expect(badLimit.json().errors[0].field).toBe('limit');
  });

  it('lists my communities and counts only active members', async () => {
    const c = await createCommunity(fran, { visibility: 'private' });
    await fran.request('POST', `/api/v1/communities/${c.slug}/members`, { personId: mo.id });
    const mine = await mo.request('GET', '/api/v1/communities?mine=true');
    expect(mine.json().items).toMatchObject([{ slug: c.slug, memberCount: 1, myMembership: { status: 'invited', role: 'member' } }]);
  });
});

describe('membership', () => {
  it('joins and leaves an open community', async () => {
    const c = await createCommunity(fran);
    const join = await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    expect(join.statusCode).toBe(200);
    expect(join.json()).toEqual({ status: 'active' });
    const members = await mo.request('GET', `/api/v1/communities/${c.slug}/members`);
    expect(members.json().items.map((m: { person: { name: string }; role: string }) => [m.person.name, m.role])).toEqual([
      ['Fran', 'facilitator'],
      ['Mo', 'member'],
    ]);
    expect((await mo.request('DELETE', `/api/v1/communities/${c.slug}/members/${mo.id}`)).statusCode).toBe(204);
    expect((await mo.request('GET', `/api/v1/communities/${c.slug}`)).json().myMembership).toBeNull();
  });

  it('asks to join a private community, and a facilitator approves', async () => {
    const c = await createCommunity(fran, { visibility: 'private' });
    const ask = await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    expect(ask.statusCode).toBe(202);
    expect((await mo.request('GET', `/api/v1/communities/${c.slug}`)).statusCode).toBe(404);

    const requests = await fran.request('GET', `/api/v1/communities/${c.slug}/members?status=requested`);
    expect(requests.json().items).toMatchObject([{ person: { id: mo.id }, status: 'requested' }]);
    const approve = await fran.request('PATCH', `/api/v1/communities/${c.slug}/members/${mo.id}`, { status: 'active' });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({ status: 'active', role: 'member' });
    expect((await mo.request('GET', `/api/v1/communities/${c.slug}`)).json().myMembership).toEqual({ role: 'member', status: 'active' });
  });

  it('lets an invited person see the private community and accept', async () => {
    const c = await createCommunity(fran, { visibility: 'private' });
    const invite = await fran.request('POST', `/api/v1/communities/${c.slug}/members`, { personId: mo.id });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().status).toBe('invited');
    const seen = await mo.request('GET', `/api/v1/communities/${c.slug}`);
    expect(seen.json().myMembership).toEqual({ role: 'member', status: 'invited' });
    // Members-only lists stay closed until they accept.
    expect((await mo.request('GET', `/api/v1/communities/${c.slug}/members?status=invited`)).statusCode).toBe(403);
    const approveOwn = await fran.request('PATCH', `/api/v1/communities/${c.slug}/members/${mo.id}`, { status: 'active' });
    expect(approveOwn.json().code).toBe('membership.invitation_pending');
    const accept = await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    expect(accept.json()).toEqual({ status: 'active' });
  });

  it('asking for a nonexistent private community looks the same as for a real one', async () => {
    const res = await mo.request('POST', '/api/v1/communities/does-not-exist/members', {});
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'requested' });
  });

  it('keeps the last facilitator', async () => {
    const c = await createCommunity(fran);
    const leave = await fran.request('DELETE', `/api/v1/communities/${c.slug}/members/${fran.id}`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().code).toBe('membership.last_facilitator');
    const demote = await fran.request('PATCH', `/api/v1/communities/${c.slug}/members/${fran.id}`, { role: 'core' });
    expect(demote.json().code).toBe('membership.last_facilitator');

    await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    await fran.request('PATCH', `/api/v1/communities/${c.slug}/members/${mo.id}`, { role: 'facilitator' });
    expect((await fran.request('DELETE', `/api/v1/communities/${c.slug}/members/${fran.id}`)).statusCode).toBe(204);
    expect((await mo.request('PATCH', `/api/v1/communities/${c.slug}/members/${mo.id}`, { role: 'member' })).statusCode).toBe(409);
  });

  it('promotes a member to core and audits it', async () => {
    const c = await createCommunity(fran);
    await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    const promote = await fran.request('PATCH', `/api/v1/communities/${c.slug}/members/${mo.id}`, { role: 'core' });
    expect(promote.json()).toMatchObject({ role: 'core', person: { id: mo.id, name: 'Mo' } });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
    expect(audit).toEqual([{ action: 'membership.update', actor_id: fran.id }]);
  });

  it('refuses inviting an unknown person or someone already in', async () => {
    const c = await createCommunity(fran);
    const unknown = await fran.request('POST', `/api/v1/communities/${c.slug}/members`, { personId: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('personId');
    await mo.request('POST', `/api/v1/communities/${c.slug}/members`, {});
    const again = await fran.request('POST', `/api/v1/communities/${c.slug}/members`, { personId: mo.id });
    expect(again.json().code).toBe('membership.exists');
  });

  it('lets the org admin manage any community', async () => {
    const c = await createCommunity(fran, { visibility: 'private' });
    const res = await admin.request('GET', `/api/v1/communities/${c.slug}`);
    expect(res.json()).toMatchObject({ canManage: true, myMembership: null });
  });
});

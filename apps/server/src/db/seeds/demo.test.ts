import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from './demo.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('the demo organisation', () => {
  it('seeds teams, people and communities that the API serves, once', async () => {
    expect(await seedDemo(t.database)).toBe(true);
    expect(await seedDemo(t.database)).toBe(false);

    const signin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD },
    });
    expect(signin.statusCode).toBe(200);
    expect(signin.json()).toMatchObject({ orgRole: 'admin', team: { name: 'Platform' } });
    const cookie = `gh_session=${signin.cookies.find((c) => c.name === 'gh_session')?.value}`;

    const teams = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: { cookie } });
    expect(teams.json().items).toHaveLength(5);
    const communities = await t.app.inject({ method: 'GET', url: '/api/v1/communities', headers: { cookie } });
    expect(communities.json().items.map((c: { name: string }) => c.name)).toEqual([
      'Kubernetes Observability',
      'Performance Optimization',
      'Security Best Practices',
      'Serverless Architecture',
    ]);
    const people = await t.database.db.selectFrom('person').select('id').execute();
    expect(people).toHaveLength(30);
  });
});

export * from './common/index.ts';
export * from './auth/index.ts';
export * from './people/index.ts';
export * from './teams/index.ts';
export * from './tokens/index.ts';
export * from './invites/index.ts';
export * from './communities/index.ts';

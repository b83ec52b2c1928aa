export * from './events.ts';
export * from './pages.ts';
export * from './revisions.ts';
export * from './transfer.ts';
export * from './whiteboards.ts';

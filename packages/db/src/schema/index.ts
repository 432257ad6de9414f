export * from './enums.ts';
export * from './users.ts';
export * from './tags.ts';
export * from './groups.ts';
export * from './threads.ts';
export * from './follows.ts';
export * from './outbox.ts';
export * from './moderation.ts';

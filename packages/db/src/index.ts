export * from './client.ts';
export * from './schema/index.ts';
export * from './prepared.ts';
export { rawQuery, type RawQuery } from './raw.ts';

// The rules engine's public surface.
export * from './types.ts';
export { compileRules, evaluatePost, strongestAction, type CompiledRules } from './engine.ts';
export { foldAccents, wordsOf, comparableText } from './normalize.ts';
export { findPersonalData, isValidIban } from './personal-data.ts';

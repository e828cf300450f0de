export { compareTexts, type CompareOptions } from './compare';
export { segmentStatements, type Statement } from './segment';
export * from './types';

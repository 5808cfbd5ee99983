/** The knowledge base of the real seeds, built once per test run by seed-kb.setup.ts. */
import { inject } from 'vitest';
import type { KnowledgeBase } from '../types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seedKb: KnowledgeBase;
  }
}

/** A fresh copy per call, so a test that edits it cannot change what other tests see. */
export function seedKb(): KnowledgeBase {
  return structuredClone(inject('seedKb'));
}

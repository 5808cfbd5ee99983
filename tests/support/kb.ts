/** The knowledge base the site was built from, rebuilt from seeds/ for comparison. */
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../../scripts/lib/pipeline.ts';
import type { KnowledgeBase } from '../../scripts/lib/types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = `${ROOT}dist`;

let cached: Promise<KnowledgeBase> | undefined;
export function loadKb(): Promise<KnowledgeBase> {
  cached ??= buildKnowledgeBase(`${ROOT}seeds`).then((r) => r.kb);
  return cached;
}

/** The knowledge base the site was built from, rebuilt from seeds/ for comparison. */
import { fileURLToPath } from 'node:url';
import { seedKb } from '../../scripts/lib/testing/seed-kb.ts';
import type { KnowledgeBase } from '../../scripts/lib/types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = `${ROOT}dist`;

/** The run's shared build of seeds/ (scripts/lib/testing/seed-kb.setup.ts). */
export async function loadKb(): Promise<KnowledgeBase> {
  return seedKb();
}

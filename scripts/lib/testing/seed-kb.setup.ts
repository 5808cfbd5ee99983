/**
 * Vitest globalSetup: build the knowledge base from the real seeds once per test run and hand
 * it to every test file (`seedKb()`), instead of each file re-running the whole ingest.
 */
import type { TestProject } from 'vitest/node';
import { buildKnowledgeBase } from '../pipeline.ts';
import { SEEDS_DIR } from './seeds.ts';

export default async function setup(project: TestProject): Promise<void> {
  const { kb } = await buildKnowledgeBase(SEEDS_DIR);
  project.provide('seedKb', kb);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../pipeline.ts';
import { seedKb } from '../testing/seed-kb.ts';
import { structureNotes } from './recognise.ts';

describe('structureNotes', () => {
  it('has nothing to say about the seeds’ plans and task lists, which are read in full', () => {
    for (const doc of seedKb().documents) expect(structureNotes(doc), doc.source).toEqual([]);
  });

  it('says why a plan gave no items, and has no notes for other kinds', () => {
    const doc = ingestDocument('plan-unnumbered.txt', readFileSync(new URL('variants/fixtures/plan-unnumbered.txt', import.meta.url)));
    expect(doc.items).toEqual([]);
    expect(structureNotes(doc).map((n) => n.code)).toEqual(['empty-list', 'no-items']);
    expect(structureNotes({ ...doc, kind: 'speech' })).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../pipeline.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { recognise } from './recognise.ts';

describe('the notes a parse keeps', () => {
  it('has nothing to say about the seeds’ documents, which are read in full', () => {
    for (const doc of seedKb().documents) expect(doc.notes, doc.source).toEqual([]);
  });

  it('says why a plan gave no items, and has no notes for other kinds', () => {
    const doc = ingestDocument('plan-unnumbered.txt', readFileSync(new URL('variants/fixtures/plan-unnumbered.txt', import.meta.url)));
    expect(doc.items).toEqual([]);
    expect(doc.notes?.map((n) => n.code)).toEqual(['empty-list', 'no-items']);
    expect(recognise('speech', doc.id, doc.blocks).notes).toEqual([]);
  });
});

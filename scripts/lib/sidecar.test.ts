import { describe, expect, it } from 'vitest';
import { inferMetadata } from './metadata.ts';
import { normalise } from './normalise.ts';
import { applySidecar, sidecarName } from './sidecar.ts';
import { SEED, seedText } from './testing/seeds.ts';

const FILE = 'seeds/004_f0d95eb4ad8701d2.txt.meta.json';
const speeches = () => inferMetadata(SEED.speeches, normalise(seedText(SEED.speeches)).blocks);

describe('applySidecar', () => {
  it('completes unknown metadata and records which fields the editor supplied', () => {
    const before = speeches();
    expect(before.city).toBeNull();
    const after = applySidecar(before, '{"city": "江门市", "province": "广东省", "level": "city", "date": "2023-05-20"}', FILE);
    expect([after.city, after.province, after.level, after.date]).toEqual(['江门市', '广东省', 'city', '2023-05-20']);
    expect(after.overridden).toEqual(['city', 'province', 'level', 'date']);
    expect(after.title).toBe(before.title); // untouched fields stay as inferred
    expect(before.overridden).toEqual([]); // the input is not mutated
  });

  it('lets an editor set a field back to unknown with null', () => {
    const after = applySidecar(speeches(), { populations: ['妇女'], docNumber: null }, FILE);
    expect([after.populations, after.docNumber, after.overridden]).toEqual([['妇女'], null, ['docNumber', 'populations']]);
  });

  it('rejects a malformed date with the file, the key, the value and the fix', () => {
    expect(() => applySidecar(speeches(), '{"date": "2025/6/27"}', FILE)).toThrow(
      `${FILE}: "date" must be YYYY-MM-DD (a real date) or null, got "2025/6/27"; fix the value or remove the key`,
    );
    expect(() => applySidecar(speeches(), '{"date": "2025-02-30"}', FILE)).toThrow(/"date" must be YYYY-MM-DD/);
  });

  it('rejects unknown keys, bad enums and bad populations, all at once', () => {
    let message = '';
    try {
      applySidecar(speeches(), '{"citi": "鞍山市", "level": "town", "populations": ["women"], "docnumber": "x"}', FILE);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.startsWith(`${FILE}: `))).toBe(true);
    expect(message).toContain('unknown key "citi"; the keys are title, issuer, city');
    expect(message).toContain('"level" must be one of "province", "city", "county", "district", "unknown", "national", got "town"');
    expect(message).toContain('"populations" must be a list of distinct "妇女" / "儿童"');
    expect(message).toContain('unknown key "docnumber" (did you mean "docNumber"?)');
  });

  it('rejects invalid JSON and non-objects, naming the file', () => {
    expect(() => applySidecar(speeches(), '{"city": "鞍山市",}', FILE)).toThrow(new RegExp(`^${FILE.replace(/\./g, '\\.')}: is not valid JSON`));
    expect(() => applySidecar(speeches(), '["鞍山市"]', FILE)).toThrow(`${FILE}: must be a JSON object of metadata fields, got an array`);
    expect(() => applySidecar(speeches(), '{"overridden": ["city"]}', FILE)).toThrow('"overridden" is filled in by the build');
    expect(() => applySidecar(speeches(), '{"title": "  "}', FILE)).toThrow('"title" must be a non-empty string');
  });

  it('accepts a sidecar saved with a BOM', () => {
    expect(applySidecar(speeches(), '\uFEFF{"kind": "speech"}', FILE).overridden).toEqual(['kind']);
  });

  it('names the sidecar after the whole source file name', () => {
    expect(sidecarName('000_2aaad495a06620de.txt')).toBe('000_2aaad495a06620de.txt.meta.json');
  });
});

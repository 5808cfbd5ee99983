import { describe, expect, it } from 'vitest';
import { inferMetadata } from './metadata.ts';
import { normalise } from '../read/normalise.ts';
import { applySidecar, sidecarName } from './sidecar.ts';
import { SEED, seedText } from '../testing/seeds.ts';

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
      `${FILE}："date" 应为“年-月-日”格式的真实日期（如 "2022-07-12"）或 null，实际是 "2025/6/27"。请改正这个值，或删除这个键。`,
    );
    expect(() => applySidecar(speeches(), '{"date": "2025-02-30"}', FILE)).toThrow(/"date" 应为“年-月-日”格式的真实日期.*实际是 "2025-02-30"/);
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
    expect(lines.every((l) => l.startsWith(`${FILE}：`) && l.endsWith('。'))).toBe(true);
    expect(message).toContain('没有名为 "citi" 的字段；可用的字段是 title、issuer、city');
    expect(message).toContain('"level" 应为"province"、"city"、"county"、"district"、"unknown"、"national" 之一，实际是 "town"。请改正这个值');
    expect(message).toContain('"populations" 应为由 "妇女"、"儿童" 组成、不重复的列表');
    expect(message).toContain('没有名为 "docnumber" 的字段（是否应为 "docNumber"？）');
  });

  it('rejects invalid JSON and non-objects, naming the file', () => {
    expect(() => applySidecar(speeches(), '{"city": "鞍山市",}', FILE)).toThrow(new RegExp(`^${FILE.replace(/\./g, '\\.')}：不是有效的 JSON（第 1 行第 16 列附近有错）。请改正写法`));
    expect(() => applySidecar(speeches(), '["鞍山市"]', FILE)).toThrow(`${FILE}：应为由元数据字段组成的 JSON 对象，实际是一个数组。`);
    expect(() => applySidecar(speeches(), '{"overridden": ["city"]}', FILE)).toThrow('"overridden" 由构建程序填写。请删除这个键。');
    expect(() => applySidecar(speeches(), '{"title": "  "}', FILE)).toThrow('"title" 应为非空的文字，实际是 "  "');
  });

  it('accepts a sidecar saved with a BOM', () => {
    expect(applySidecar(speeches(), '\uFEFF{"kind": "speech"}', FILE).overridden).toEqual(['kind']);
  });

  it('names the sidecar after the whole source file name', () => {
    expect(sidecarName('000_2aaad495a06620de.txt')).toBe('000_2aaad495a06620de.txt.meta.json');
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureKb } from '../testing/fixture.ts';
import { documentLine, documentLines, warningCountLine, warningLine } from './format.ts';
import { documentReport } from './summary.ts';

const kb = fixtureKb();
const report = (id: string) => documentReport(kb.documents.find((d) => d.id === id)!);

describe('terminal lines', () => {
  it('one line per document, as the ingest has always printed it', () => {
    expect(documentLine(report('fx_001'))).toBe('  fx_001.txt  plan  utf-8  8 blocks  3 items  unknown: issuer');
  });

  it('warnings marked ⚠ with their file, and a count line naming where the details are', () => {
    const fx = report('fx_001');
    expect(warningLine(fx, 'the text names no city')).toBe('⚠ fx_001.txt: the text names no city');
    const warned = { ...fx, warnings: [{ code: 'unknown-city' as const, message: 'x' }, { code: 'unknown-city' as const, message: 'y' }] };
    expect(warningCountLine([fx, warned], 'public/data/ingest-report.json')).toBe('⚠ 2 warnings in 1 document (all details: public/data/ingest-report.json)');
    expect(warningCountLine([fx], 'x')).toBe('no warnings');
  });

  it('the add command’s account: domains with goals and measures, departments with their roles', () => {
    const lines = documentLines(report('da_003')).join('\n');
    expect(lines).toMatch(/^da_003\.txt {2}→ {2}da_003$/m);
    expect(lines).toMatch(/place {7}大安市, 吉林省/);
    expect(lines).toMatch(/items {7}1: 1 measure$/m);
    expect(lines).toMatch(/妇女与健康 {2}0 goals, 1 measures/);
    expect(lines).toMatch(/departments 3: 市妇联 \(0 lead, 1 partner\); 市卫健局 \(1 lead, 0 partner\); 市医保局 \(0 lead, 1 partner\)/);
    expect(documentLines(report('zz_bad')).join('\n')).toMatch(/domains {5}none given by the structure\n {2}no domain {3}2 items \(the site infers/);
  });
});

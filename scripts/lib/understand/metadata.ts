import { NATIONAL_PLACE } from '../../../src/lib/vocabulary.ts';
import type { Block, DocumentMeta, MetadataHints } from '../types.ts';
import { inferDate } from './metadata/date.ts';
import { inferDocNumber } from './metadata/doc-number.ts';
import { inferIssuer, qualifyIssuer } from './metadata/issuer.ts';
import { inferDocumentKind } from './metadata/kind.ts';
import { isNational, issuerOfNumber } from './metadata/national.ts';
import { cityNamedInBody, levelOf, placeAtStart, placeOf, splitPlace } from './metadata/place.ts';
import { inferPopulations } from './metadata/populations.ts';
import { inferTitle, tidyTitle } from './metadata/title.ts';

// The parts live in metadata/, one job each; this module joins them and keeps the public names.
export { inferDate } from './metadata/date.ts';
export { inferDocNumber } from './metadata/doc-number.ts';
export { inferKind } from './metadata/kind.ts';
export { cityNamedInBody, placeAtStart } from './metadata/place.ts';
export { inferPopulations } from './metadata/populations.ts';
export { inferTitle, tidyTitle } from './metadata/title.ts';

/**
 * Document metadata from the normalised text, by rules that hold for any such document: what
 * the title, the issuing body, the signature and the document number say. Nothing is looked
 * up by file name, and what the text does not state stays null ('unknown' for the level).
 *
 * Place rules, in order of trust:
 * 1. the issuing body names its place (`阜新市人民政府`, `上海市静安区人民政府`);
 * 2. the title opens with a place (`大安市妇女发展规划…`);
 * 3. the body speaks of `我市`/`本市`/`全市` and names exactly one prefecture-level city
 *    (`鞍山` in 000): that city is the document's own. Two or more cities (a compilation) → null.
 * Province: a municipality is its own province; a prefecture-level city's province comes from
 * the gazetteer; otherwise the one province the text names in full (`吉林省反家庭暴力条例`).
 * Level: from the place's last unit: 区 → district, 县/旗 → county, 市 → city when it is a
 * municipality or prefecture-level city in the gazetteer, else county (a county-level city
 * such as 大安市); a province alone → province, and the province is then the document's place
 * (its `city`), so a provincial plan has a page of its own rather than joining 未知地区.
 * National documents (the State Council's, 国发〔…〕, the two national outlines 中国妇女/儿童
 * 发展纲要) are level `national`, placed at 全国, with no province.
 */
export function inferMetadata(_source: string, blocks: Block[], stated: MetadataHints = {}): DocumentMeta {
  // What the source states about itself (a web page's 发文机关/成文日期/文号 table) is trusted over the text.
  const title = stated.title ? tidyTitle(stated.title) : inferTitle(blocks);
  const body = blocks.map((b) => b.text).join('\n');
  const docNumber = stated.docNumber ?? inferDocNumber(blocks);
  const printedIssuer = stated.issuer ?? inferIssuer(title, blocks);
  const common = {
    title,
    kind: inferDocumentKind(title, blocks),
    date: stated.date ?? inferDate(blocks) ?? stated.publishedDate ?? null,
    docNumber,
    populations: inferPopulations(title, body),
    overridden: [],
  };
  // A local body's report on the national outline (`…人民政府` + `中国妇女发展纲要…评估报告`) stays local.
  if (!placeOf(printedIssuer) && isNational(title, printedIssuer, docNumber)) {
    return { ...common, issuer: printedIssuer ?? issuerOfNumber(docNumber), city: NATIONAL_PLACE, province: null, level: 'national' };
  }
  const place = placeOf(printedIssuer) ?? placeAtStart(title) ?? cityNamedInBody(body);
  const { city, province } = splitPlace(place, body);
  return { ...common, issuer: qualifyIssuer(printedIssuer, city), city, province, level: levelOf(place) };
}

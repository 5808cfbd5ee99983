/** National documents: the two national outlines, the central government's bodies and the State Council's numbers. */

/** The national outlines, however wrapped: `国务院关于印发中国妇女发展纲要和…`, `《中国儿童发展纲要（…）》（节选）`. */
const NATIONAL_TITLE = /^(?:国务院(?:办公厅)?关于印发)?《?中国(?:妇女|儿童)发展纲要/;
/** Bodies of the central government: 国务院, 国务院办公厅, 国务院妇女儿童工作委员会, 全国妇联, 全国人大常委会. */
const NATIONAL_ISSUER = /^(?:国务院|全国(?:妇联|妇女联合会|人大|人民代表大会))/;
/** The State Council's own numbers: 国发〔2021〕16号, 国办发〔…〕. */
const NATIONAL_NUMBER = /^国(?:办)?发〔/;

export function isNational(title: string, issuer: string | null, docNumber: string | null): boolean {
  return NATIONAL_TITLE.test(title) || (issuer !== null && NATIONAL_ISSUER.test(issuer)) || (docNumber !== null && NATIONAL_NUMBER.test(docNumber));
}

/** 国发 is the State Council's number prefix, 国办发 its General Office's. */
export function issuerOfNumber(docNumber: string | null): string | null {
  if (!docNumber) return null;
  if (docNumber.startsWith('国办发')) return '国务院办公厅';
  if (docNumber.startsWith('国发')) return '国务院';
  return null;
}

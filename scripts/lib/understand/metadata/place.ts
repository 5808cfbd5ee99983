/** The document's place: the units a name starts with, the one city a body names, the province and the level. */
import { MUNICIPALITIES, PREFECTURE_CITIES, PROVINCES } from '../gazetteer.ts';
import type { Level } from '../../types.ts';

const UNIT = /^([\u4e00-\u9fa5]{1,7}?)(省|自治区|特别行政区|市|区|县|旗)/;
/** Words that show a would-be place name is something else (`关于我市`, `妇女发展规划…区`). */
const NOT_A_PLACE = /妇女|儿童|人民|关于|发展|规划|政府|人大|我|本|全|各|该|此/;

/** The chain of administrative units a text starts with: `上海市静安区人民政府` → `上海市静安区`. */
export function placeAtStart(text: string | null): string | null {
  if (!text) return null;
  let rest = text;
  let place = '';
  for (;;) {
    const m = UNIT.exec(rest);
    if (!m) break;
    const name = m[1]!;
    if (name.length < 2 && !PROVINCES.includes(m[0])) break;
    if (NOT_A_PLACE.test(name)) break;
    place += m[0];
    rest = rest.slice(m[0].length);
  }
  return place || null;
}

export function placeOf(issuer: string | null): string | null {
  return placeAtStart(issuer);
}

/**
 * Bare city names that are also words or other places: `幸福安康` is not 安康市, `长治久安` not
 * 长治市, `吉林` alone may be the province.
 */
const FALSE_FRIENDS = /幸福安康|平安安康|健康安康|长治久安|延安精神|中山装|中山路|中山大学|世界大同|天下大同|普洱茶|朝阳产业|三明治|遵义会议|白银时代/g;
const CITY_NAMES = [...PREFECTURE_CITIES.keys()].map((c) => c.slice(0, -1)).sort((a, b) => b.length - a.length);
const CITY_MENTION = new RegExp(`(${CITY_NAMES.join('|')})(市)?`, 'g');
const PROVINCE_SHORT = new Set(PROVINCES.map((p) => p.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')));

/** Rule 3: a document about `我市` that names exactly one prefecture-level city is that city's. */
export function cityNamedInBody(body: string): string | null {
  if (!/我市|本市|全市/.test(body)) return null;
  const text = body.replace(FALSE_FRIENDS, (m) => '□'.repeat(m.length));
  const found = new Set<string>();
  for (const m of text.matchAll(CITY_MENTION)) {
    const name = m[1]!;
    const next = text[m.index! + m[0].length] ?? '';
    if (!m[2] && (PROVINCE_SHORT.has(name) || /[省路街县]/.test(next))) continue;
    found.add(`${name}市`);
  }
  return found.size === 1 ? [...found][0]! : null;
}

export function splitPlace(place: string | null, body: string): { city: string | null; province: string | null } {
  const province = place ? provinceOfPlace(place) : null;
  if (!place) return { city: null, province: provinceNamedInBody(body) };
  // A province-level document is placed at its province (a municipality is a city anyway).
  if (PROVINCES.includes(place)) return { city: place, province: place };
  // A municipality's district keeps its municipality (`上海市静安区`); a province is dropped.
  const city = province && !MUNICIPALITIES.includes(province as (typeof MUNICIPALITIES)[number]) && place.startsWith(province) ? place.slice(province.length) : place;
  return { city, province: province ?? provinceNamedInBody(body) };
}

function provinceOfPlace(place: string): string | null {
  const byPrefix = PROVINCES.find((p) => place.startsWith(p));
  if (byPrefix) return byPrefix;
  const city = /^[\u4e00-\u9fa5]{2,8}?市/.exec(place)?.[0];
  return (city && PREFECTURE_CITIES.get(city)) ?? null;
}

/** The one province the text names in full (`辽宁省妇女发展规划`); none or several → null. */
function provinceNamedInBody(body: string): string | null {
  const named = new Set(PROVINCES.filter((p) => !MUNICIPALITIES.includes(p as (typeof MUNICIPALITIES)[number]) && body.includes(p)));
  return named.size === 1 ? [...named][0]! : null;
}

export function levelOf(place: string | null): Level {
  if (!place) return 'unknown';
  if (PROVINCES.includes(place)) return 'province';
  if (/(区)$/.test(place)) return 'district';
  if (/(县|旗)$/.test(place)) return 'county';
  if (/市$/.test(place)) {
    const last = place.replace(/^(.*?(省|自治区))/, '');
    return MUNICIPALITIES.includes(last as (typeof MUNICIPALITIES)[number]) || PREFECTURE_CITIES.has(last) ? 'city' : 'county';
  }
  return 'unknown';
}

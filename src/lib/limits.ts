/** Page-size limits that keep listing pages readable and small at hundreds of cities. */

/** Up to this many cities a domain page shows a city × topic table and every item's full text. */
export const MATRIX_MAX_CITIES = 24;

/** Whether a domain's page lists every item's full text (the aggregate partition then keeps those texts: src/lib/kb.ts). */
export const listsFullTexts = (domain: { cities: readonly string[] }) => domain.cities.length <= MATRIX_MAX_CITIES;

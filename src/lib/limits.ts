/** Page-size limits that keep listing pages readable and small at hundreds of cities. */

/** Up to this many cities a domain page shows a city × topic table and every item's full text. */
export const MATRIX_MAX_CITIES = 24;

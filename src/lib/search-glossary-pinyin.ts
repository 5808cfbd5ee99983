/**
 * The glossary as the browser gets it (build time only): each term with its pinyin, computed
 * here with pinyin-pro so the browser never ships it. The search page embeds it; the header box
 * fetches it as /search-glossary.json (src/pages/search-glossary.json.ts) on first use.
 */
import { pinyin } from 'pinyin-pro';
import { GLOSSARY, type GlossaryEntry } from './search-glossary.ts';

export const glossaryEntries = (): GlossaryEntry[] => GLOSSARY.map((t) => ({ ...t, pinyin: pinyin(t.term) }));

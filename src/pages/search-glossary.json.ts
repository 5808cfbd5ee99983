/**
 * /search-glossary.json: the glossary with pinyin (src/lib/search-glossary-pinyin.ts), for the
 * header box, which reads English and pinyin queries as the search page does (search-quick.ts).
 */
import type { APIRoute } from 'astro';
import { glossaryEntries } from '../lib/search-glossary-pinyin';

export const GET: APIRoute = () => new Response(JSON.stringify(glossaryEntries()), { headers: { 'content-type': 'application/json; charset=utf-8' } });

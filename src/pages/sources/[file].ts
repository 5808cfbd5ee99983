/**
 * The original source files, downloadable from each document page: /sources/<file> is a
 * static file with the exact bytes of seeds/<file>, written by `astro build`, so a fresh
 * clone's `npm run build` has them too (checks and lookup in ./_files.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { sourceFile, sourceHeaders } from './_files';
import { rendersDocument } from '../../lib/partition';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const { data } of await getCollection('documents')) {
    if (!rendersDocument(data.id)) continue;
    const file = await sourceFile(data.source, data.sha256);
    if (file) paths.push({ params: { file: data.source }, props: { bytes: file.bytes, headers: sourceHeaders(data.source, data.encoding) } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(props.bytes as Buffer), { headers: props.headers as Record<string, string> });

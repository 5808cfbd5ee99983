/** `/rss.xml`: every document, newest first by its date (src/lib/feed.ts). */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { SITE_NAME } from '../layouts/title';
import { feedItem, feedOrder } from '../lib/feed';

export async function GET(context: APIContext): Promise<Response> {
  const docs = feedOrder((await getCollection('documents')).map((e) => e.data));
  return rss({
    title: SITE_NAME,
    description: '各地妇女、儿童发展规划（2021—2030年）及相关审议意见、落实情况报告和讲话',
    site: context.site!,
    items: docs.map(feedItem),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}

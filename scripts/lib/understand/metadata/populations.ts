/** The populations (妇女, 儿童) a document is about. */
import type { Population } from '../../types.ts';

/** Populations the title names; when it names neither, those the body keeps talking about. */
export function inferPopulations(title: string, body: string): Population[] {
  const named = (text: string, min: number): Population[] => {
    const out: Population[] = [];
    if ((text.match(/妇女|女性/g) ?? []).length >= min) out.push('妇女');
    if ((text.match(/儿童|未成年人/g) ?? []).length >= min) out.push('儿童');
    return out;
  };
  const fromTitle = named(title, 1);
  return fromTitle.length > 0 ? fromTitle : named(body, 3);
}

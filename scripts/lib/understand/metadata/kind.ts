/** The document's kind (plan, task list, opinion, report, speech) from the kind word its title names last. */
import { isTaskTable } from '../structure/tasklist.ts';
import type { Block, DocumentKind } from '../../types.ts';

const KIND_WORDS: [RegExp, DocumentKind][] = [
  [/审议意见|意见/g, 'opinion'],
  [/报告/g, 'report'],
  // 重点任务分工, 任务分解, 分工方案, 责任分工: a task list without the word 清单.
  [/清单|(?:任务|责任|工作)(?:分工|分解)|分[工解](?:方案|表)/g, 'tasklist'],
  [/讲话|会议记录|发言/g, 'speech'],
  [/规划|纲要/g, 'plan'],
];

/**
 * The kind a title names last wins: `…情况报告的审议意见` is an opinion, `关于《…审议意见》落实
 * 情况的报告` a report, `…规划…重点任务清单` and `…重点任务分工（方案）` task lists. `印发…的通知` is a wrapper: its kind is
 * what it issues. A title naming no kind is taken for a plan (the corpus's main kind; a
 * sidecar can say otherwise).
 */
export function inferKind(title: string): DocumentKind {
  let best: { at: number; kind: DocumentKind } | null = null;
  for (const [re, kind] of KIND_WORDS) {
    for (const m of title.matchAll(re)) {
      const at = m.index! + m[0].length;
      if (!best || at > best.at) best = { at, kind };
    }
  }
  return best?.kind ?? 'plan';
}

/** The title's kind; a "plan" that is nothing but a task table (牵头单位, 重点任务 …) is a task list. */
export function inferDocumentKind(title: string, blocks: Block[]): DocumentKind {
  const kind = inferKind(title);
  return kind === 'plan' && isTaskTable(blocks) ? 'tasklist' : kind;
}

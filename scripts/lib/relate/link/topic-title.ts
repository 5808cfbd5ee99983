/**
 * A topic's title must be true of every member. It starts from the most central member's
 * title, but that title often carries the member's own targets (`孕产妇死亡率到2025年控制在
 * 10.5/10万以下`) while another city's member sets 12/10万. So each clause that states a
 * figure some member does not state is cut back to its subject (`孕产妇死亡率`), or left out
 * when nothing but the target remains; each member's own figures stay on its own page.
 */

/** Where a clause turns from what it is about to the target it sets. */
const TARGET_START = /(?:力争)?(?:[到至]\s*\d{4}\s*年)|力争|分别|控制在|保持在|稳定在|下降到|下降至|降低到|降至|降低|下降|提高到|提升到|提高至|达到|不低于|不高于|低于|高于/;
const FIGURE = /\d+(?:\.\d+)?/g;
/**
 * What a cut clause still says, by the verb its target had: `孕产妇死亡率控制在12/10万以下` cut
 * to its subject reads `孕产妇死亡率得到控制`, not a bare noun that stops mid-phrase. The words
 * are true of every member's target of that kind, whatever its figure.
 */
const OUTCOME: [RegExp, string][] = [
  [/^(?:下降|降低|降至|下降到|下降至|降低到)/, '下降'],
  [/^(?:控制在|低于|不高于)/, '得到控制'],
  [/^(?:提高|提升)/, '提高'],
  [/^(?:保持在|稳定在)/, '保持稳定'],
  [/^(?:达到|不低于|高于)/, '达到目标'],
];
/** Qualifiers of a subject that read as a dangling phrase once the target is gone. */
const QUALIFIER = /以[^，。；]{1,12}?为单位|(?:在|比|较)[^，。；]{0,20}?(?:基础上|相比)/g;
const CLAUSE = /(?<=[，；])/;

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The figures a text states (`10.5/10 万` → 10.5, 10), as written once spaces are removed. */
export function figures(text: string): string[] {
  return squash(text).match(FIGURE) ?? [];
}

export function neutralTitle(title: string, members: readonly { title: string; text: string }[]): string {
  const stated = members.map((m) => squash(`${m.title}${m.text}`));
  const statedByAll = (clause: string) => figures(clause).every((f) => stated.every((s) => containsFigure(s, f)));
  const clauses = title.split(CLAUSE).map((c) => c.trim()).filter(Boolean);
  if (clauses.every(statedByAll)) return title;
  const kept = clauses.flatMap((clause) => {
    if (statedByAll(clause)) return [clause];
    const subject = clause.split(TARGET_START)[0]!.replace(QUALIFIER, '').replace(/[，；、：\s]+$/, '');
    return subject.length >= 2 && statedByAll(subject) ? [`${subject}${outcome(clause.slice(clause.split(TARGET_START)[0]!.length))}`] : [];
  });
  const text = kept.join('，').replace(/[，；]+$/, '').replace(/，+/g, '，');
  // Nothing true of all members is left: a plain subject, cut before its first figure.
  return text || squash(title).split(/\d/)[0]!.replace(/[，；、：]+$/, '') || title.replace(FIGURE, '…');
}

/** The outcome word of a target (`到2025年控制在…` → 得到控制), or '' when none is named. */
function outcome(target: string): string {
  const verbs = new RegExp(TARGET_START.source, 'g');
  for (let m = verbs.exec(target); m; m = verbs.exec(target)) {
    const word = OUTCOME.find(([re]) => re.test(m![0]))?.[1];
    if (word) return word;
  }
  return '';
}

/** `f` stands in `text` as a whole number, not as part of a longer one (10 is not in 10.5 or 100). */
function containsFigure(text: string, f: string): boolean {
  for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
    const before = text[at - 1];
    const after = text.slice(at + f.length, at + f.length + 2);
    if ((before === undefined || !/[\d.]/.test(before)) && !/^(\d|\.\d)/.test(after)) return true;
  }
  return false;
}

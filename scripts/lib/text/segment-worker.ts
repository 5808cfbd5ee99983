/**
 * Helper thread of segmentItems (segment.ts): takes chunks of items from the shared
 * counter, segments them exactly as the calling thread would, and posts the words back.
 * Which thread segments which chunk does not matter: segmentation is a pure function of
 * the text, and results are placed by chunk number.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { encodeWords, segmentItem } from './segment.ts';

const { control, titles, texts, chunkSize, port } = workerData as {
  control: SharedArrayBuffer;
  titles: string[];
  texts: string[];
  chunkSize: number;
  port: MessagePort;
};
const ctl = new Int32Array(control);
const chunks = Math.ceil(titles.length / chunkSize);
for (;;) {
  const c = Atomics.add(ctl, 0, 1);
  if (c >= chunks) break;
  const words = [];
  for (let k = c * chunkSize; k < Math.min(titles.length, (c + 1) * chunkSize); k++) words.push(segmentItem(titles[k], texts[k]));
  port.postMessage({ chunk: c, words: encodeWords(words) });
  Atomics.store(ctl, 2 + c, 2);
  Atomics.notify(ctl, 2 + c);
}
port.close();

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder } from './walk.ts';

describe('filesUnder', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('lists files under nested folders, sorted and /-separated, and symbolic links only when asked', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kb-walk-'));
    await mkdir(path.join(dir, 'b', 'c'), { recursive: true });
    await writeFile(path.join(dir, 'b', 'c', 'z.html'), 'z');
    await writeFile(path.join(dir, 'a.html'), 'a');
    await symlink(path.join(dir, 'a.html'), path.join(dir, 'b', 'link.html'));
    expect(filesUnder(dir)).toEqual(['a.html', 'b/c/z.html']);
    expect(filesUnder(dir, { links: true })).toEqual(['a.html', 'b/c/z.html', 'b/link.html']);
    expect(filesUnder(path.join(dir, 'missing'))).toEqual([]);
  });
});

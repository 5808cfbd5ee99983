/**
 * The largest source file the ingest reads. A plan's text is well under 1 MB (the largest seed,
 * two full plans, is 185 KB); a file past this is not one document's text (a scan saved as
 * text, an archive renamed, a whole year's bulletins), and reading it would only slow or stop
 * the build. KB_MAX_FILE_MB raises it for a file that really is one document.
 */
export const DEFAULT_MAX_FILE_MB = 20;

export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.KB_MAX_FILE_MB ?? DEFAULT_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_FILE_MB) * 1024 * 1024;
}

export class FileTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    super(
      `${file}：大小为 ${mb(bytes)}，超过单个源文件 ${mb(limit)} 的上限。请按文档拆分（如每份规划一个文件），或只保存其文字；` +
        `如确为一份文档，请设置 KB_MAX_FILE_MB=${Math.ceil(bytes / 1024 / 1024) + 1} 提高上限。`,
    );
  }
}

/** Throws FileTooLargeError when `bytes` is over the limit. */
export function checkFileSize(file: string, bytes: number, limit = maxFileBytes()): void {
  if (bytes > limit) throw new FileTooLargeError(file, bytes, limit);
}

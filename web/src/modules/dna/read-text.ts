/**
 * A file's text. Lab software in China often still writes GBK; a file that is not valid UTF-8 is read as
 * GB18030 (a superset of GBK), so Chinese sample names and headers arrive intact either way.
 */
export async function readText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

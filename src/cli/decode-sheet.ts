// A sheet file's bytes → text, strictly as UTF-8: a sheet saved as Latin-1 or Windows-1252 would
// otherwise be read with `�` in place of every umlaut and published to shoppers that way.

const strict = new TextDecoder('utf-8', { fatal: true });

export type DecodedSheet = { ok: true; text: string } | { ok: false; row: number; message: string };

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1,
    start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line - 1;
}

export function decodeSheet(bytes: Uint8Array): DecodedSheet {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // Excel's "Unicode text" is UTF-16 with a byte-order mark.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return {
      ok: false,
      row: utf16 ? 1 : firstBadLine(bytes),
      message: `the file is not UTF-8 text (saved as ${utf16 ? 'UTF-16' : 'Latin-1 or Windows-1252'}?): expected the sheet saved as "CSV UTF-8"`,
    };
  }
}

// Plain-text tables for the terminal: columns padded to their widest cell; a cell may hold several
// lines (fees one per line), so rows stay readable without wrapping.

export function formatTable(headers: string[], rows: string[][]): string[] {
  const split = rows.map((row) => row.map((cell) => cell.split('\n')));
  const widths = headers.map((h, c) => Math.max(h.length, ...split.map((row) => Math.max(0, ...(row[c] ?? ['']).map((l) => l.length)))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(headers), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of split) {
    const height = Math.max(1, ...row.map((lines) => lines.length));
    for (let i = 0; i < height; i++) out.push(line(headers.map((_, c) => row[c]?.[i] ?? '')));
  }
  return out;
}

/** A Markdown table; pipes and line breaks inside cells are escaped for GitHub. */
export function formatMarkdownTable(headers: string[], rows: string[][]): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  return [`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

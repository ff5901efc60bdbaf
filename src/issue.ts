// A problem found in a policy editor's sheets. Problems are data, not exceptions: every step
// returns all of them so the editor fixes everything in one pass.

export interface Issue {
  code: string; // snake_case, stable for tools (e.g. `unknown_fact`)
  message: string; // what is wrong — what is expected
  sheet: string; // brand/file.csv
  row?: number; // 1-based, as the spreadsheet shows it
  column?: string; // spreadsheet letter, A = first column
  severity?: 'error' | 'warning';
}

export function columnLetter(index: number): string {
  let n = index + 1,
    out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function formatIssue(issue: Issue): string {
  const where = [issue.sheet, issue.row, issue.column].filter((p) => p !== undefined).join(':');
  return `${where} — ${issue.message}`;
}

/** Collects issues for one sheet so call sites read `at(row, col).error(code, message)`. */
export class IssueList {
  readonly items: Issue[] = [];
  error(code: string, message: string, sheet: string, row?: number, column?: number): void {
    this.items.push({ code, message, sheet, row, column: column === undefined ? undefined : columnLetter(column), severity: 'error' });
  }
  warn(code: string, message: string, sheet: string, row?: number, column?: number): void {
    this.items.push({ code, message, sheet, row, column: column === undefined ? undefined : columnLetter(column), severity: 'warning' });
  }
  get errors(): Issue[] {
    return this.items.filter((i) => i.severity !== 'warning');
  }
  get warnings(): Issue[] {
    return this.items.filter((i) => i.severity === 'warning');
  }
}

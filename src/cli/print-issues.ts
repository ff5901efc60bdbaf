// Issues printed for people (sheet:row:column — message), for tools (JSON) or as GitHub Actions
// annotations that appear on the pull request's changed lines.

import { formatIssue, type Issue } from '../issue.js';
import { UsageError } from './errors.js';

export type IssueFormat = 'text' | 'json' | 'github';

export function issueFormat(value: string | true | undefined): IssueFormat {
  if (value === undefined) return 'text';
  if (value === 'text' || value === 'json' || value === 'github') return value;
  throw new UsageError(`--format ${String(value)} is unknown: expected text, json or github`);
}

function columnNumber(letter: string): number {
  return [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

export function printIssues(issues: Issue[], format: IssueFormat, root: string, out: (line: string) => void): void {
  for (const issue of issues) {
    if (format === 'github') {
      const level = issue.severity === 'warning' ? 'warning' : 'error';
      const where = [`file=${root}/${issue.sheet}`, issue.row ? `line=${issue.row}` : '', issue.column ? `col=${columnNumber(issue.column)}` : '']
        .filter(Boolean)
        .join(',');
      // Workflow-command escaping: % first, then line breaks (GitHub's toolkit `escapeData`).
      out(`::${level} ${where}::${issue.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
    } else if (format === 'text') {
      out(`${issue.severity === 'warning' ? 'warning ' : ''}${formatIssue(issue)}`);
    }
  }
}

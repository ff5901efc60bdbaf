// The library's public surface: compile sheets, evaluate claims and single tables, summarize
// coverage, and the store layout shared by the Worker and the publish CLI.

export * from './contract.js';
export { compilePolicy, type BrandSheets, type CompileResult, type SheetFile } from './compile/compile-policy.js';
export { formatIssue, type Issue } from './issue.js';
export { evaluateClaim, evaluateClaim as evaluate, type EvaluateOptions } from './evaluate/evaluate-claim.js';
export { checkClaim, type CheckedClaim, type ClaimProblem } from './evaluate/check-claim.js';
export { evaluateTable, parseStandaloneTable, type TableEvaluation } from './evaluate/standalone-table.js';
export { summarizeCoverage, type CoverageQuery } from './evaluate/summarize-coverage.js';
export { runCases, type CasesReport, type CaseResult } from './cases/run-cases.js';
export * from './store/policy-pointer.js';
export { parsePolicy, policyFromJson, policyToJson } from './store/policy-document.js';

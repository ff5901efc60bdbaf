// The library's public surface: compile sheets, evaluate claims and single tables, summarize
// coverage, and the store layout shared by the Worker and the publish CLI.

export { type CaseResult, type CasesReport, runCases } from './cases/run-cases.js';
export { type BrandSheets, type CompileResult, compilePolicy, type SheetFile } from './compile/compile-policy.js';
export * from './contract.js';
export { type CheckedClaim, type ClaimProblem, checkClaim } from './evaluate/check-claim.js';
export { type EvaluateOptions, evaluateClaim, evaluateClaim as evaluate } from './evaluate/evaluate-claim.js';
export { evaluateTable, parseStandaloneTable, type TableEvaluation } from './evaluate/standalone-table.js';
export { type CoverageQuery, summarizeCoverage } from './evaluate/summarize-coverage.js';
export { formatIssue, type Issue } from './issue.js';
export { parsePolicy, policyFromJson, policyToJson } from './store/policy-document.js';
export * from './store/policy-pointer.js';

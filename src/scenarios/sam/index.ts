/** SAM / CloudFormation templates in and out: the public surface of `src/scenarios/sam`. */
export { importTemplate, type ImportOptions, type ImportResult } from './importTemplate';
export { exportSamTemplate } from './exportTemplate';
export type { ImportReport, ReportLine } from './report';

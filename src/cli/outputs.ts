import type { Assessment } from '../assessment/types.js';
import { defaultReportPath, writeFileAtomic } from '../core/files.js';
import { renderJson } from '../render/json.js';

export interface ReportFileOptions {
  /** Folder for default file names (default "reports"). */
  dir?: string;
  force?: boolean;
  /** Path without extension for the files (e.g. the interview's answers file stem); default <dir>/<company-slug>-<date>. */
  stem?: string;
}

/**
 * Writes the report files of one assessment and returns their paths. The PDF renderer adds its file
 * here; meanwhile the JSON document is the report kept on disk.
 */
export async function writeReportFiles(assessment: Assessment, options: ReportFileOptions = {}): Promise<string[]> {
  const dir = options.dir ?? 'reports';
  const json = options.stem !== undefined ? `${options.stem}.json` : defaultReportPath(dir, assessment.company.name, assessment.assessedOn, '.json');
  writeFileAtomic(json, renderJson(assessment), { overwrite: options.force });
  return [json];
}

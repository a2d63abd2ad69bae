// Names other parts point at: the report's file in a RUN folder, and the
// anchor of a case in it (the job summary and JUnit link report.html#case-ID).

/** The report's file name inside a RUN folder. */
export const REPORT_FILE = 'report.html'

/** The anchor of a case (report.html#case-T3C02). */
export function caseAnchor(caseId: string): string {
  return `case-${caseId}`
}

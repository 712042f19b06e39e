#include "lint/report/report.h"

#include "lint/report/report_util.h"

namespace claimlint {

void Tally(Report* report) { report->summary = report_internal::CountedSummary(*report); }

}  // namespace claimlint

#include "lint/engine/file_report.h"

namespace claimlint {

void CountFile(const FileReport& file, Summary* summary) {
  ++summary->files;
  for (const Finding& f : file.findings) {
    ++summary->findings;
    switch (f.severity) {
      case Severity::kError:
        ++summary->error;
        break;
      case Severity::kWarning:
        ++summary->warning;
        break;
      case Severity::kInfo:
        ++summary->info;
        break;
    }
  }
  summary->suppressed += file.suppressed;
  summary->baselined += file.baselined;
  summary->stale += file.stale;
}

}  // namespace claimlint

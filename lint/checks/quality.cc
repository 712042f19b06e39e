#include "lint/checks/quality.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "lint/checks/article_dates.h"
#include "lint/checks/article_lines.h"
#include "lint/checks/authorship.h"
#include "lint/citations/analysis.h"
#include "lint/document/front_matter.h"

namespace claimlint {
namespace {

using Span = std::pair<std::size_t, std::size_t>;

// Where document-level findings go: the title in front matter, else the
// first heading, else the first line of the first block. The second member
// is the text shown there.
std::pair<Span, std::string> TitleSpot(const Document& doc) {
  if (!doc.front_matter.title.empty()) {
    SourceRange at = FrontMatterKeySpan(doc, "title");
    if (at.end > at.begin) return {{at.begin, at.end}, doc.front_matter.title};
  }
  const Block* pick = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kHeading) {
      pick = &b;
      break;
    }
  }
  if (!pick && !doc.blocks.empty()) pick = &doc.blocks.front();
  if (!pick) return {{0, 0}, ""};
  std::size_t nl = pick->text.find('\n');
  std::string shown = pick->text.substr(0, nl == std::string::npos ? pick->text.size() : nl);
  // The whole first source line of the block ("# Title", not just "Title").
  std::size_t begin = std::min(pick->src_begin, doc.text.size());
  std::size_t end = doc.text.find_first_of("\r\n", begin);
  if (end == std::string::npos) end = doc.text.size();
  end = std::min(end, std::max(pick->src_end, begin));
  if (end <= begin) {
    begin = pick->map.SourceBegin(0);
    end = pick->map.SourceEnd(shown.size());
  }
  // A first "line" can be a whole file: point at its start only.
  constexpr std::size_t kMaxSpot = 120;
  if (end - begin > kMaxSpot) {
    end = begin + kMaxSpot;
    while (end > begin && (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80) --end;
  }
  if (shown.size() > kMaxSpot) {
    std::size_t cut = kMaxSpot;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown.resize(cut);
  }
  return {{begin, end}, shown};
}

struct Line {
  std::size_t begin = 0, end = 0;  // in the block text
};

Finding At(const Rule& rule, Span at, std::string_view match) {
  return MakeFinding(rule, match, at.first, at.second);
}

}  // namespace

bool HasSources(const CheckInput& in) {
  const Document& doc = in.doc;
  const FrontMatter& fm = doc.front_matter;
  if (!fm.references.empty()) return true;
  for (const char* key : {"references", "bibliography", "sources", "citations"}) {
    if (std::find(fm.keys.begin(), fm.keys.end(), key) != fm.keys.end()) return true;
  }
  for (const Citation& c : in.citations.citations) {
    if (c.resolved >= 0) return true;
    if (c.kind != CitationKind::kVague && c.kind != CitationKind::kNamedSource) return true;
  }
  static const RE2 kSourcesHeading(
      "(?i)\\s*(?:\\d+\\.?\\s*)?(?:references?|sources?|bibliography|citations?|further\\s+reading|"
      "works\\s+cited|literature(?:\\s+cited)?|notes\\s+and\\s+references|footnotes|"
      "(?:key|selected|scientific)\\s+references|(?:references|sources)\\s+and\\s+further\\s+"
      "reading|studies\\s+cited|evidence|research\\s+cited)\\s*:?\\s*");
  static const RE2 kSourceLink(
      "(?i)(?:doi\\.org|pubmed|ncbi\\.nlm\\.nih\\.gov|europepmc|nih\\.gov|nice\\.org\\.uk|"
      "cochrane|who\\.int|nhs\\.uk|cdc\\.gov|fda\\.gov|gov\\.uk|europa\\.eu|bmj\\.com|thelancet|"
      "jamanetwork|nejm\\.org|nature\\.com|sciencedirect|springer|wiley\\.com|tandfonline|"
      "sagepub|frontiersin|plos|mdpi\\.com|academic\\.oup\\.com|lww\\.com|cambridge\\.org|"
      "karger|thieme|arxiv\\.org|medrxiv|biorxiv|semanticscholar|jstor|ahajournals|"
      "acpjournals|annals\\.org|\\.edu/|\\.ac\\.uk/)");
  static const RE2 kIdentifier(
      "(?i)(?:\\b10\\.\\d{4,9}/\\S+|\\bPMID:?\\s*\\d{5,9}|\\bPMC\\d{5,}|\\bdoi:\\s*10\\.)");
  static const RE2 kAuthorYear(
      "(?:\\p{Lu}[\\p{L}'\\x{2019}-]+(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\x{2019}-"
      "]+)?"
      ",?\\s+\\((?:19|20)\\d\\d[a-z]?\\)|\\(\\p{Lu}[\\p{L}'\\x{2019}-]+(?:\\s+et\\s+al\\.?|\\s+(?:"
      "and|&)"
      "\\s+\\p{Lu}[\\p{L}'\\x{2019}-]+)?,?\\s+(?:19|20)\\d\\d[a-z]?[;)])");
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kFootnoteDefinition) return true;
    bool heading_like =
        block.kind == BlockKind::kHeading || article_lines::WordCount(block.text) <= 5;
    if (heading_like && RE2::FullMatch(block.text, kSourcesHeading)) return true;
    if (RE2::PartialMatch(block.text, kIdentifier) || RE2::PartialMatch(block.text, kAuthorYear)) {
      return true;
    }
  }
  for (const Link& link : doc.links) {
    if (RE2::PartialMatch(link.destination, kSourceLink)) return true;
  }
  return false;
}

std::vector<Finding> CheckQuality(const CheckInput& in) {
  std::vector<Finding> out;
  const Document& doc = in.doc;
  if (!doc.lintable || doc.blocks.empty()) return out;  // nothing a reader could judge
  auto [title_span, title_text] = TitleSpot(doc);
  std::optional<std::vector<ArticleDate>> dates;
  auto all_dates = [&]() -> const std::vector<ArticleDate>& {
    if (!dates) dates = FindArticleDates(doc);
    return *dates;
  };
  const FrontMatter& fm = doc.front_matter;
  for (const Rule& rule : in.rules.rules()) {
    if (rule.check == "quality.no-author") {
      if (!HasAuthor(doc)) out.push_back(At(rule, title_span, title_text));
    } else if (rule.check == "quality.no-date") {
      bool dated =
          !fm.date.empty() || !fm.updated.empty() || !fm.reviewed.empty() || !all_dates().empty();
      if (!dated) out.push_back(At(rule, title_span, title_text));
    } else if (rule.check == "quality.stale-review") {
      const auto& ds = all_dates();
      if (ds.empty()) continue;
      const ArticleDate* latest = &ds.front();
      for (const ArticleDate& d : ds) {
        if (latest->date < d.date) latest = &d;
      }
      CalendarDate limit = latest->date;
      limit.year += static_cast<int>(rule.option("max_age_years").integer());
      if (limit < TodayForQuality()) {
        out.push_back(At(rule, {latest->src_begin, latest->src_end}, latest->text));
      }
    } else if (rule.check == "quality.no-sources") {
      if (in.facts->claim_findings > 0 && !HasSources(in))
        out.push_back(At(rule, title_span, title_text));
    }
  }
  return out;
}

CheckFamily QualityChecks() {
  CheckFamily f;
  auto spec = [](const char* name, const char* summary, std::vector<OptionSpec> options = {}) {
    CheckSpec s;
    s.name = name;
    s.category = Category::kQuality;
    s.body = RuleBody::kNone;
    s.summary = summary;
    s.options = std::move(options);
    return s;
  };
  f.specs = {
      spec("quality.no-author", "the article names no author or reviewer"),
      spec("quality.no-date", "the article gives no date of writing, update or review"),
      spec("quality.stale-review", "the latest date the article gives is old",
           {{"max_age_years", OptionType::kInteger, 1, 100, "3",
             "years after its latest date that an article counts as stale"}}),
      spec("quality.no-sources", "claims are made and no source is shown"),
  };
  f.run = [](const CheckInput& in, std::vector<Finding>* out) {
    for (Finding& x : CheckQuality(in)) out->push_back(std::move(x));
  };
  return f;
}

}  // namespace claimlint

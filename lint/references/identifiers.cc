#include "lint/references/identifiers.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "lint/references/bodies.h"
#include "lint/text/strings.h"

namespace claimlint {
namespace {

using re2::RE2;
using re2::StringPiece;

// Calls f(groups) for each leftmost, non-overlapping match of `re` in `text`.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, F&& f) {
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<StringPiece> m(static_cast<std::size_t>(n));
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(StringPiece(text.data(), text.size()), pos, text.size(),
                                        RE2::UNANCHORED, m.data(), n)) {
    f(m);
    std::size_t end = static_cast<std::size_t>(m[0].data() - text.data()) + m[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

std::size_t Off(std::string_view text, const StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}


bool HostIs(std::string_view host, std::string_view domain) {
  return host == domain ||
         (host.size() > domain.size() && host.substr(host.size() - domain.size()) == domain &&
          host[host.size() - domain.size() - 1] == '.');
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Built on first use. (LazyRE2's brace initialisation trips clang's
// -Wmissing-field-initializers.)
const RE2& PmcPath() {
  static const RE2 re(R"((?i)(PMC\d{4,9}))");
  return re;
}
const RE2& PubmedPath() {
  static const RE2 re(R"(^/(\d{4,9}))");
  return re;
}
const RE2& PubmedOld() {
  static const RE2 re(R"((?i)/pubmed/(\d{4,9}))");
  return re;
}
const RE2& EuropePmc() {
  static const RE2 re(R"((?i)/(?:abstract/)?med/(\d{4,9}))");
  return re;
}
const RE2& DoiPath() {
  static const RE2 re(R"((?i)/doi/(?:abs/|full/|pdf/|epdf/)?(10\.\d{4,9}/[^?#\s]+))");
  return re;
}

}  // namespace


std::string_view TrimUrlTail(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '"' || c == ']' ||
        c == '}' || c == '>' || c == '*' || c == '_') {
      s.remove_suffix(1);
    } else if (c == ')') {
      // Keep a ')' that closes a '(' inside the identifier (some DOIs have them).
      auto opens = std::count(s.begin(), s.end(), '(');
      auto closes = std::count(s.begin(), s.end(), ')');
      if (closes > opens) {
        s.remove_suffix(1);
      } else {
        break;
      }
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

std::vector<IdentifierMatch> FindIdentifiers(std::string_view text, const IdentifierGates& gates) {
  std::vector<IdentifierMatch> out_;
  std::vector<IdentifierMatch>* out = &out_;
  static const RE2 url(kUrlPattern);
  if (gates.url) {
    ForEachMatch(url, text, [&](const std::vector<StringPiece>& m) {
      std::string_view u = TrimUrlTail(std::string_view(m[0].data(), m[0].size()));
      UrlInfo info = ClassifyUrl(u);
      IdentifierMatch c;
      c.kind = info.kind;
      c.begin = Off(text, m[0]);
      c.end = c.begin + u.size();
      c.text = std::string(u);
      c.url = std::string(u);
      c.doi = info.doi;
      c.pmid = info.pmid;
      c.pmcid = info.pmcid;
      c.evidence_host = info.evidence_host;
      c.body = info.body;
      out->push_back(std::move(c));
    });
  }
  auto inside = [&](std::size_t b) {
    return std::any_of(out->begin(), out->end(),
                       [&](const IdentifierMatch& c) { return b >= c.begin && b < c.end; });
  };
  std::vector<IdentifierMatch> found;
  static const RE2 doi(kDoiPattern);
  if (gates.doi) {
    ForEachMatch(doi, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      std::string_view d = TrimUrlTail(std::string_view(m[1].data(), m[1].size()));
      IdentifierMatch c;
      c.kind = IdentifierKind::kDoi;
      c.begin = b;
      c.end = Off(text, m[1]) + d.size();
      c.text = std::string(text.substr(c.begin, c.end - c.begin));
      c.doi = NormalizeDoi(d);
      found.push_back(std::move(c));
    });
  }
  static const RE2 pmid(kPmidPattern);
  if (gates.pmid) {
    ForEachMatch(pmid, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      IdentifierMatch c;
      c.kind = IdentifierKind::kPmid;
      c.begin = b;
      c.end = b + m[0].size();
      c.text = std::string(m[0]);
      c.pmid = std::string(m[1]);
      found.push_back(std::move(c));
    });
  }
  static const RE2 pmc(kPmcPattern);
  if (gates.pmc) {
    ForEachMatch(pmc, text, [&](const std::vector<StringPiece>& m) {
      std::size_t b = Off(text, m[0]);
      if (inside(b)) return;
      IdentifierMatch c;
      c.kind = IdentifierKind::kLink;
      c.begin = b;
      c.end = b + m[0].size();
      c.text = std::string(m[0]);
      c.pmcid = std::string(m[1]);
      c.evidence_host = true;
      found.push_back(std::move(c));
    });
  }
  out->insert(out->end(), found.begin(), found.end());
  return out_;
}

UrlInfo ClassifyUrl(std::string_view url) {
  UrlInfo info;
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::size_t slash = rest.find_first_of("/?#");
  info.host = Lower(rest.substr(0, slash));
  if (info.host.rfind("www.", 0) == 0) info.host = info.host.substr(4);
  std::string path = slash == std::string_view::npos ? "" : std::string(rest.substr(slash));
  StringPiece g[2];
  if (HostIs(info.host, "doi.org")) {
    info.kind = IdentifierKind::kDoi;
    info.doi = NormalizeDoi(PercentDecode(path.size() > 1 ? path.substr(1) : ""));
    info.evidence_host = !info.doi.empty();
    if (info.doi.empty()) info.kind = IdentifierKind::kLink;
    return info;
  }
  if (info.host == "pubmed.ncbi.nlm.nih.gov" || HostIs(info.host, "ncbi.nlm.nih.gov") ||
      info.host == "europepmc.org" || info.host == "pmc.ncbi.nlm.nih.gov") {
    info.evidence_host = true;
    if (RE2::PartialMatch(path, PmcPath(), &g[0])) {
      info.pmcid = std::string(g[0]);
      for (char& c : info.pmcid) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (info.host == "pubmed.ncbi.nlm.nih.gov" &&
               RE2::PartialMatch(path, PubmedPath(), &g[0])) {
      info.kind = IdentifierKind::kPmid;
      info.pmid = std::string(g[0]);
    } else if (RE2::PartialMatch(path, PubmedOld(), &g[0]) ||
               RE2::PartialMatch(path, EuropePmc(), &g[0])) {
      info.kind = IdentifierKind::kPmid;
      info.pmid = std::string(g[0]);
    }
    return info;
  }
  // Publisher pages often carry the DOI in the path: /doi/10.1000/xyz.
  if (RE2::PartialMatch(path, DoiPath(),
                        &g[0])) {
    info.doi = NormalizeDoi(PercentDecode(std::string(g[0])));
  }
  static const char* kEvidenceHosts[] = {"bmj.com",
                                         "thelancet.com",
                                         "nejm.org",
                                         "jamanetwork.com",
                                         "nature.com",
                                         "sciencedirect.com",
                                         "springer.com",
                                         "wiley.com",
                                         "tandfonline.com",
                                         "lww.com",
                                         "oup.com",
                                         "plos.org",
                                         "frontiersin.org",
                                         "mdpi.com",
                                         "sagepub.com",
                                         "cambridge.org",
                                         "karger.com",
                                         "thieme-connect.com",
                                         "annals.org",
                                         "acpjournals.org",
                                         "ahajournals.org",
                                         "clinicaltrials.gov",
                                         "biomedcentral.com",
                                         "elifesciences.org",
                                         "medrxiv.org",
                                         "biorxiv.org",
                                         "cochranelibrary.com",
                                         "cochrane.org",
                                         "nice.org.uk",
                                         "who.int",
                                         "nhs.uk",
                                         "cdc.gov",
                                         "nih.gov",
                                         "fda.gov",
                                         "ema.europa.eu",
                                         "ahrq.gov",
                                         "sign.ac.uk",
                                         "gov.uk",
                                         "jamanetwork.org",
                                         "cmaj.ca",
                                         "mja.com.au",
                                         "bmjopen.bmj.com",
                                         "acponline.org",
                                         "mayoclinic.org",
                                         "isrctn.com",
                                         "trialsjournal.biomedcentral.com",
                                         "semanticscholar.org",
                                         "scholar.archive.org",
                                         "jstor.org",
                                         "science.org",
                                         "cell.com",
                                         "pnas.org",
                                         "annfammed.org",
                                         "aafp.org",
                                         "bjgp.org",
                                         "journals.lww.com",
                                         "painphysicianjournal.com"};
  for (const char* h : kEvidenceHosts) {
    if (HostIs(info.host, h)) info.evidence_host = true;
  }
  for (const HealthBody& b : HealthBodies()) {
    for (const std::string& h : b.hosts) {
      if (HostIs(info.host, h)) info.body = b.canonical;
    }
  }
  if (!info.doi.empty()) info.evidence_host = true;
  return info;
}

std::string NormalizeDoi(std::string_view doi) {
  std::string d = Lower(TrimView(doi));
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi.org/", "doi:", "doi "}) {
    if (d.rfind(prefix, 0) == 0) d = Trim(d.substr(prefix.size()));
  }
  d = std::string(TrimUrlTail(d));
  if (d.rfind("10.", 0) != 0 || d.find('/') == std::string::npos) return "";
  return d;
}

std::string NormalizeUrl(std::string_view url) {
  std::string u = Lower(TrimView(url));
  std::size_t scheme = u.find("://");
  if (scheme != std::string::npos) u = u.substr(scheme + 3);
  if (u.rfind("www.", 0) == 0) u = u.substr(4);
  std::size_t hash = u.find('#');
  if (hash != std::string::npos) u.resize(hash);
  while (!u.empty() && u.back() == '/') u.pop_back();
  return u;
}

}  // namespace claimlint

// The article's own reference list: which blocks hold it, and what each entry
// says (authors, year, title, journal, DOI, PMID, URL), read from the common
// styles (Vancouver/AMA, APA, Harvard, a bare link).
#pragma once

#include <string_view>
#include <vector>

#include "lint/references/reference.h"
#include "lint/document/document.h"

namespace claimlint::cite {

// Parses one entry as written ("Lee JH, Choi TY. Title. Clin J Pain.
// 2013;29(2):172-85. doi:..."). Fields it cannot find stay empty.
Reference ParseReferenceText(std::string_view text);

// True when a heading (or a line standing alone) names a reference list:
// References, Sources, Bibliography, Further reading, Citations, Works cited.
// `further_reading` is set for lists not meant to be cited in the text.
bool IsReferenceHeading(std::string_view text, bool* further_reading);

// True when a text looks like a bibliographic entry (a year with authors or a
// title, a DOI, a PMID or a URL), for footnotes and loose paragraphs.
bool LooksLikeReference(std::string_view text);

// The article's entries: list items (and reference-like lines of paragraphs)
// under a reference heading, and footnote definitions that look like
// references. Each has from_article, number / footnote_label, src_begin/end;
// URLs, DOIs and PMIDs of links inside the entry are taken from
// Document::links. `blocks` (optional) receives the index of each entry's block.
std::vector<Reference> FindArticleReferences(const Document& doc, std::vector<int>* blocks);

}  // namespace claimlint::cite

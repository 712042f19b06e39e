// The article's own reference list: entry ids and the links of each entry.
#include <gtest/gtest.h>

#include "lint/references/article_refs.h"

namespace claimlint::cite {
namespace {

TEST(ArticleReferences, RepeatedNumbersGetDistinctIdsAndTheirOwnLinks) {
  const std::string md =
      "# A\n\n## References\n\n"
      "1. Lee JH. Acupuncture for back pain. Clin J Pain. 2013. [link](https://example.org/a)\n"
      "2. Park S. Heat wraps. Pain. 2014.\n\n"
      "# B\n\n## References\n\n"
      "1. Kim Y. Yoga for neck pain. Spine. 2019. [link](https://example.org/b)\n"
      "2. Ruiz M. Cold packs. Knee. 2013.\n"
      "3. Holm K. Sleep advice. Sleep. 2020.\n";
  Document doc = ParseDocument("a.md", md, true);
  std::vector<int> blocks;
  std::vector<Reference> refs = FindArticleReferences(doc, &blocks);
  ASSERT_EQ(refs.size(), 5u);
  std::vector<std::string> ids;
  for (const Reference& r : refs) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ref-1", "ref-2", "ref-1'", "ref-2'", "ref-3"}));
  // Each entry takes the link inside its own item, not another's.
  EXPECT_EQ(refs[0].url, "https://example.org/a");
  EXPECT_EQ(refs[1].url, "");
  EXPECT_EQ(refs[2].url, "https://example.org/b");
  EXPECT_EQ(blocks.size(), refs.size());
}

}  // namespace
}  // namespace claimlint::cite

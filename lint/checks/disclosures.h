// The disclosure check: an article about a topic (acupuncture, fasting, a
// booking call-to-action, ...) must disclose the risks or interests its rules
// name. A rule's `topic` patterns say when the article is about it, `narrow`
// (optional) what it must also mention, `requires` what counts as having
// disclosed the risk anywhere in the article.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lint/base/finding.h"
#include "lint/checks/check.h"
#include "lint/context/context.h"

namespace claimlint {

// How many sentences must mention a topic (asserted or hedged) before the
// article counts as being about it, unless a rule's `options: {min_mentions}`
// says otherwise. A mention in a heading or the title always suffices.
inline constexpr int kDefaultMinMentions = 2;

// Where and how an article mentions a rule's topic.
struct TopicMentions {
  bool about = false;         // the article is about the topic
  int counted_sentences = 0;  // sentences (and links) with an asserted or hedged mention
  bool in_heading = false;    // a counted mention in a heading or the title
  // The first counted mention: bytes in Document::text, the text matched, the
  // sentence (index into CheckInput::sentences, -1 for a link or the title)
  // and its context.
  bool found = false;
  std::size_t src_begin = 0, src_end = 0;
  std::string match;
  int sentence = -1;
  Context context = Context::kAsserted;
};

// The topic mentions of rule `rule_index` (an index into in.rules.rules()).
TopicMentions FindTopicMentions(const CheckInput& in, int rule_index);

// True when any `requires` pattern of the rule matches anywhere in the
// article a reader sees: blocks of every kind (blockquotes, lists, tables,
// footnotes), front matter, raw HTML; HTML comments excluded.
bool DisclosureMade(const CheckInput& in, int rule_index);

// One finding per disclosure rule whose topic the article is about (and
// whose `narrow` patterns it mentions) and whose disclosure is missing,
// placed at the topic's first counted mention.
std::vector<Finding> CheckDisclosures(const CheckInput& in);

// disclosures.topic (lint/checks/registry.h).
CheckFamily DisclosureChecks();

}  // namespace claimlint

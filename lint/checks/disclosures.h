// The disclosure checks. disclosures.topic: a page that promotes or advises a
// treatment (acupuncture, fasting, an IV drip...) and has it as its subject
// must disclose the risks its rules name. A rule's `topic` patterns say when
// the page is about it, `narrow` (optional) what it must also mention,
// `requires` the words that name the risk, counted only with risk wording
// near them (risk_wording.h). disclosures.interest: a call to buy or book
// must come with the publisher's interest. disclosures.advice (advice.h):
// advice for a condition must say when to see a doctor and not to stop
// prescribed treatment.
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

// A topic named in fewer sentences than 1/kSubjectShare of the weight of the
// page's main topic, and not in the title, a heading or the lead, is named in
// passing.
inline constexpr int kSubjectShare = 3;
// Nor is a topic named in fewer than 1/kPageShare of the page's sentences.
inline constexpr int kPageShare = 10;
// What the title and a heading add to a topic's weight, beside its sentences.
inline constexpr int kTitleWeight = 3;
inline constexpr int kHeadingWeight = 2;

// Where and how an article mentions a rule's topic.
struct TopicMentions {
  bool about = false;           // the article is about the topic
  int counted_sentences = 0;    // sentences (and links) with an asserted or hedged mention
  bool in_title = false;        // in the front-matter title or the first level-1 heading
  bool in_heading = false;      // a counted mention in another heading
  bool in_lead = false;         // a counted mention in the first sentences of the body
  bool affiliate_link = false;  // the page links out with a referral or affiliate link
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

// True when a `requires` match of the rule, with risk wording near it, is
// anywhere in the article a reader sees: blocks of every kind (blockquotes,
// lists, tables, footnotes), the title, front matter, raw HTML; HTML
// comments excluded.
bool DisclosureMade(const CheckInput& in, int rule_index);

// disclosures.topic: one finding per rule whose topic is the subject of a
// page that promotes or advises (and whose `narrow` patterns it mentions)
// and whose disclosure is missing, placed at the topic's first counted
// mention.
std::vector<Finding> CheckDisclosures(const CheckInput& in);

// disclosures.interest: one finding per rule whose call to buy or book the
// page makes, when it neither states its interest (`requires`) nor plainly
// speaks as the seller.
std::vector<Finding> CheckInterest(const CheckInput& in);

// disclosures.topic, disclosures.interest, disclosures.advice
// (lint/checks/registry.h).
CheckFamily DisclosureChecks();

}  // namespace claimlint

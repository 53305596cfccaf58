// Classification by tag and keyword rules, configuration parsing and
// errors, and the finding texts (title, confidence, details).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "classification.h"
#include "marker_format.h"
#include "markers_config.h"
#include "test_support.h"

namespace assay::markers::testing {
namespace {

TEST(MarkersKeywords, WholeWordsPrefixesAndPunctuation) {
  EXPECT_TRUE(contains_keyword("possible SQL Injection here", "injection"));
  EXPECT_TRUE(contains_keyword("a vulnerable path", "vulnerab*"));
  EXPECT_FALSE(contains_keyword("ask the author", "auth"));
  EXPECT_TRUE(contains_keyword("check auth first", "auth"));
  EXPECT_TRUE(contains_keyword("this is O(n^2)", "O(n"));
  EXPECT_FALSE(contains_keyword("FOO(n)", "O(n"));
  EXPECT_TRUE(contains_keyword("please clean up later", "clean up"));
  EXPECT_FALSE(contains_keyword("testing", "test"));
  EXPECT_TRUE(contains_keyword("testing", "test*"));
  EXPECT_FALSE(contains_keyword("anything", "*"));
}

TEST(MarkersClassify, TagDefaultsAndKeywordOverrides) {
  const MarkersConfig config = MarkersConfig::defaults();
  const TagRule& todo = *config.rule_for("TODO");
  Classification c = classify(todo, config.keywords, "add a button");
  EXPECT_EQ(c.category, "technical-debt");
  EXPECT_EQ(c.severity, "low");
  EXPECT_DOUBLE_EQ(c.effort_hours, 2);
  EXPECT_EQ(c.keyword_rule, "");

  c = classify(todo, config.keywords, "guard against SQL injection");
  EXPECT_EQ(c.category, "security");
  EXPECT_EQ(c.severity, "high");
  EXPECT_DOUBLE_EQ(c.effort_hours, 3);
  EXPECT_EQ(c.keyword_rule, "security");

  c = classify(*config.rule_for("FIXME"), config.keywords, "memory leak on error path");
  EXPECT_EQ(c.category, "code-quality");
  EXPECT_EQ(c.severity, "high");
  EXPECT_DOUBLE_EQ(c.effort_hours, 6);

  // Performance keeps the tag's severity.
  c = classify(*config.rule_for("FIXME"), config.keywords, "this is slow");
  EXPECT_EQ(c.category, "performance");
  EXPECT_EQ(c.severity, "medium");
}

TEST(MarkersClassify, FirstMatchingRuleWins) {
  const MarkersConfig config = MarkersConfig::defaults();
  // "slow" (performance) and "test" (testing): performance comes first.
  const Classification c = classify(*config.rule_for("TODO"), config.keywords, "test is slow");
  EXPECT_EQ(c.keyword_rule, "performance");
  EXPECT_EQ(classify(*config.rule_for("TODO"), config.keywords, "needs a test").category, "testing");
  EXPECT_EQ(classify(*config.rule_for("TODO"), config.keywords, "update the docs").category, "documentation");
  EXPECT_EQ(classify(*config.rule_for("TODO"), config.keywords, "refactor this").category, "technical-debt");
  EXPECT_DOUBLE_EQ(classify(*config.rule_for("TODO"), config.keywords, "refactor this").effort_hours, 3);
}

// The classifier reads a text once for all words; it picks the rule that
// trying each rule's words in turn with contains_keyword picks.
TEST(MarkersClassify, ClassifierAgreesWithWordByWordSearch) {
  const MarkersConfig config = MarkersConfig::defaults();
  const KeywordClassifier classifier(config.keywords);
  const TagRule tag{"TODO", "technical-debt", "low", 2.0};
  const std::vector<std::string> texts = {
      "", "x", "fix the Memory LEAK in the parser", "O(n^2) loop, slow", "make it fast, O(n",
      "Security: sanitize the input", "unsanitized", "leaking handles and a race", "racecar", "re-test it",
      "clean up later", "cleanups", "Data Loss when the disk is full", "flaky test", "documentation of auth",
      "caches", "authz/authn", "use-after-free in the cache", "doc-string", "value token retry socket"};
  for (const std::string& text : texts) {
    std::string expected_rule;
    for (const auto& rule : config.keywords) {
      for (const auto& word : rule.words) {
        if (expected_rule.empty() && contains_keyword(text, word)) expected_rule = rule.name;
      }
      if (!expected_rule.empty()) break;
    }
    const Classification c = classifier.classify(tag, text);
    EXPECT_EQ(c.keyword_rule, expected_rule) << text;
    const Classification reference = classify(tag, config.keywords, text);
    EXPECT_EQ(c.category, reference.category) << text;
    EXPECT_EQ(c.severity, reference.severity) << text;
    EXPECT_EQ(c.effort_hours, reference.effort_hours) << text;
  }
  EXPECT_EQ(classifier.classify(tag, "a memory leak").keyword_rule, "reliability");
  EXPECT_EQ(classifier.classify(tag, "a memory leak").effort_hours, 3.0);
  EXPECT_EQ(classifier.classify(tag, "insecure and slow").keyword_rule, "security");
  EXPECT_EQ(classifier.classify(tag, "racecar").keyword_rule, "");
}

TEST(MarkersConfigParse, DefaultsCoverTheDocumentedTags) {
  const MarkersConfig c = MarkersConfig::parse("{}");
  EXPECT_EQ(c.max_file_size, 4194304u);
  EXPECT_EQ(c.tag_names(), (Lines{"TODO", "FIXME", "HACK", "XXX", "BUG", "DEPRECATED", "OPTIMIZE"}));
  EXPECT_EQ(c.rule_for("BUG")->severity, "high");
  EXPECT_EQ(c.rule_for("OPTIMIZE")->category, "performance");
  EXPECT_EQ(c.keywords.size(), 6u);
  EXPECT_EQ(c.rule_for("NOPE"), nullptr);
}

TEST(MarkersConfigParse, OverridesAndNormalisation) {
  const MarkersConfig c = MarkersConfig::parse(R"({
    "enabled": false, "max_file_size": 100,
    "tags": [{"tag": "note"}, {"tag": "SECURITY", "category": "security", "severity": "critical", "effort_hours": 8}],
    "keywords": [{"name": "k", "words": ["x"], "effort_multiplier": 2}],
    "languages": {".INC": "php", "tpl": "html"}})");
  EXPECT_EQ(c.max_file_size, 100u);
  EXPECT_EQ(c.tag_names(), (Lines{"NOTE", "SECURITY"}));
  EXPECT_EQ(c.rule_for("NOTE")->category, "technical-debt");
  EXPECT_EQ(c.rule_for("NOTE")->severity, "low");
  EXPECT_DOUBLE_EQ(c.rule_for("NOTE")->effort_hours, 1);
  EXPECT_EQ(c.rule_for("SECURITY")->severity, "critical");
  EXPECT_EQ(c.keywords.at(0).category, "");
  EXPECT_DOUBLE_EQ(c.keywords.at(0).effort_multiplier, 2);
  EXPECT_EQ(c.language_for("lib/a.inc", ""), "php");
  EXPECT_EQ(c.language_for("lib/a.TPL", "cpp"), "html");
  EXPECT_EQ(c.language_for("lib/a.c", "c"), "c");
  EXPECT_EQ(c.language_for("Makefile", "makefile"), "makefile");
}

TEST(MarkersConfigParse, EnabledIsAcceptedForTheHostWhichDecidesWhetherToOpen) {
  EXPECT_NO_THROW(MarkersConfig::parse(R"({"enabled": true})"));
  EXPECT_NO_THROW(MarkersConfig::parse(R"({"enabled": false})"));
}

TEST(MarkersConfigParse, TagsMayBePlainNamesMixedWithMappings) {
  const MarkersConfig c = MarkersConfig::parse(
      R"({"tags": ["TODO", "fixme", "SECURITY", {"tag": "NOTE", "severity": "info"}, "Bug"]})");
  EXPECT_EQ(c.tag_names(), (Lines{"TODO", "FIXME", "SECURITY", "NOTE", "BUG"}));
  const MarkersConfig defaults = MarkersConfig::defaults();
  for (const char* known : {"TODO", "FIXME", "BUG"}) {
    EXPECT_EQ(c.rule_for(known)->category, defaults.rule_for(known)->category) << known;
    EXPECT_EQ(c.rule_for(known)->severity, defaults.rule_for(known)->severity) << known;
    EXPECT_DOUBLE_EQ(c.rule_for(known)->effort_hours, defaults.rule_for(known)->effort_hours) << known;
  }
  EXPECT_EQ(c.rule_for("FIXME")->severity, "medium");
  EXPECT_DOUBLE_EQ(c.rule_for("FIXME")->effort_hours, 4);
  EXPECT_EQ(c.rule_for("SECURITY")->category, "technical-debt");
  EXPECT_EQ(c.rule_for("SECURITY")->severity, "low");
  EXPECT_DOUBLE_EQ(c.rule_for("SECURITY")->effort_hours, 1);
  EXPECT_EQ(c.rule_for("NOTE")->severity, "info");
}

TEST(MarkersConfigParse, EffortTimesMultiplierStaysWithinTheHostsLimit) {
  // 10000 hours exactly is accepted; one more is not.
  EXPECT_NO_THROW(MarkersConfig::parse(
      R"({"tags": [{"tag": "A", "effort_hours": 5000}], "keywords": [{"name": "k", "words": ["x"], "effort_multiplier": 2}]})"));
  EXPECT_EQ(kMaxEffortHours, 10000);
}

void expect_error(const std::string& json, const std::string& fragment) {
  try {
    MarkersConfig::parse(json);
    ADD_FAILURE() << "accepted: " << json;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(MarkersConfigParse, ErrorsNameTheField) {
  expect_error("not json", "plugins.markers: configuration is not valid JSON");
  expect_error("[]", "plugins.markers: must be an object");
  expect_error(R"({"colour": 1})", "plugins.markers: unknown key 'colour'");
  expect_error(R"({"enabled": "yes"})", "plugins.markers.enabled: must be true or false");
  expect_error(R"({"max_file_size": 0})", "plugins.markers.max_file_size: must be a positive whole number");
  expect_error(R"({"max_file_size": 1.5})", "plugins.markers.max_file_size");
  expect_error(R"({"tags": []})", "plugins.markers.tags: must list at least one tag");
  expect_error(R"({"tags": [{"tag": "TODO"}, {"tag": "todo"}]})",
               "plugins.markers.tags[1].tag: 'TODO' is listed twice");
  expect_error(R"({"tags": [{"tag": "TO DO"}]})", "plugins.markers.tags[0].tag: 'TO DO' is not a tag");
  expect_error(R"({"tags": [{"category": "security"}]})",
               "plugins.markers.tags[0]: missing required key 'tag'");
  expect_error(R"({"tags": [{"tag": "A", "severity": "urgent"}]})",
               "plugins.markers.tags[0].severity: 'urgent' is not one of info, low, medium, high, critical");
  expect_error(R"({"tags": [{"tag": "A", "category": "bugs"}]})", "plugins.markers.tags[0].category: 'bugs'");
  expect_error(R"({"tags": [{"tag": "A", "effort_hours": -1}]})",
               "plugins.markers.tags[0].effort_hours: must be at least 0");
  expect_error(R"({"tags": [{"tag": "A", "owner": "x"}]})", "plugins.markers.tags[0]: unknown key 'owner'");
  expect_error(R"({"tags": ["TODO", "todo"]})", "plugins.markers.tags[1]: 'TODO' is listed twice");
  expect_error(R"({"tags": [{"tag": "TODO"}, "TODO"]})", "plugins.markers.tags[1]: 'TODO' is listed twice");
  expect_error(R"({"tags": ["TO DO"]})", "plugins.markers.tags[0]: 'TO DO' is not a tag");
  expect_error(R"({"tags": [""]})", "plugins.markers.tags[0]: '' is not a tag");
  expect_error(R"({"tags": [7]})",
               "plugins.markers.tags[0]: must be a tag name or a mapping with 'tag', got 7");
  expect_error(R"({"tags": [{"tag": "A", "effort_hours": 10001}]})",
               "plugins.markers.tags[0].effort_hours: must be at most 10000, got 10001");
  expect_error(R"({"keywords": {}})", "plugins.markers.keywords: must be a list");
  expect_error(R"({"keywords": [{"name": "k", "words": []}]})",
               "plugins.markers.keywords[0].words: must list at least one");
  expect_error(R"({"keywords": [{"name": "k", "words": [1]}]})",
               "plugins.markers.keywords[0].words[0]: must be a string");
  expect_error(R"({"keywords": [{"name": "k", "words": ["a"], "effort_multiplier": 0}]})",
               "plugins.markers.keywords[0].effort_multiplier: must be greater than 0");
  // The default FIXME rule costs 4 hours: a multiplier of 3000 would ask 12000.
  expect_error(
      R"({"keywords": [{"name": "a", "words": ["a"]}, {"name": "big", "words": ["b"], "effort_multiplier": 3000}]})",
      "plugins.markers.keywords[1].effort_multiplier: tag FIXME's effort_hours 4 times the effort_multiplier "
      "3000 "
      "of keyword rule 'big' is 12000 hours, more than the 10000 the host accepts");
  // With the default keyword rules (security: 1.5) only the tag was written.
  expect_error(
      R"({"tags": ["TODO", {"tag": "EPIC", "effort_hours": 8000}]})",
      "plugins.markers.tags[1].effort_hours: tag EPIC's effort_hours 8000 times the effort_multiplier 1.5 "
      "of keyword rule 'security' is 12000 hours");
  expect_error(R"({"languages": {"inc": "klingon"}})",
               "plugins.markers.languages.inc: unknown language id 'klingon'");
  expect_error(R"({"languages": {"inc": 3}})", "plugins.markers.languages.inc: must be a string");
  expect_error(R"({"languages": {"a/b": "c"}})",
               "plugins.markers.languages.a/b: 'a/b' is not a file extension");
}

TEST(MarkersConfigParse, SchemaIsJsonWithEveryKey) {
  const auto schema = nlohmann::json::parse(markers_config_schema());
  EXPECT_EQ(schema["type"], "object");
  EXPECT_EQ(schema["additionalProperties"], false);
  for (const char* key : {"enabled", "max_file_size", "languages", "tags", "keywords"})
    EXPECT_TRUE(schema["properties"].contains(key)) << key;
  EXPECT_EQ(schema["properties"]["enabled"]["type"], "boolean");
  EXPECT_EQ(schema["properties"]["max_file_size"]["default"], 4194304);
  const auto& tag_items = schema["properties"]["tags"]["items"];
  EXPECT_EQ(tag_items["type"], (nlohmann::json{"string", "object"}));
  EXPECT_EQ(tag_items["properties"]["effort_hours"]["maximum"], kMaxEffortHours);
}

Marker marker(std::string tag, std::string text, bool upper = true) {
  Marker m;
  m.tag = std::move(tag);
  m.first_line = text;
  m.text = std::move(text);
  m.upper_case = upper;
  return m;
}

TEST(MarkersFormat, TitleIsTagAndFirstLineShortenedOnAWordBoundary) {
  EXPECT_EQ(marker_title(marker("TODO", "fix   this"), "a.c"), "TODO: fix this");
  EXPECT_EQ(marker_title(marker("FIXME", ""), "src/a.c"), "FIXME in src/a.c");
  std::string longer;
  for (int i = 0; i < 30; ++i) longer += "word" + std::to_string(i) + " ";
  const std::string title = marker_title(marker("TODO", longer), "a.c");
  EXPECT_TRUE(title.starts_with("TODO: word0 word1"));
  EXPECT_TRUE(title.ends_with("\u2026"));
  const std::string without_ellipsis = title.substr(0, title.size() - std::string("\u2026").size());
  EXPECT_LE(without_ellipsis.size() + 1, 100u);
  EXPECT_NE(without_ellipsis.back(), ' ');
  EXPECT_NE(longer.find(without_ellipsis.substr(6) + " "), std::string::npos)
      << "cut inside a word: " << title;
}

TEST(MarkersFormat, ShortenCountsCharactersNotBytes) {
  EXPECT_EQ(shorten("ééé", 3), "ééé");
  EXPECT_EQ(shorten("éééé", 3), "éé\u2026");
  EXPECT_EQ(shorten("abcdefghij", 5), "abcd\u2026");
  // A space too early to be worth it is ignored; a later one is used.
  EXPECT_EQ(shorten("ab cdefghij", 6), "ab cd\u2026");
  EXPECT_EQ(shorten("abcd efghij", 8), "abcd\u2026");
}

TEST(MarkersFormat, ConfidenceByCaseAndText) {
  EXPECT_DOUBLE_EQ(marker_confidence(marker("TODO", "x")), 0.9);
  EXPECT_DOUBLE_EQ(marker_confidence(marker("TODO", "x", false)), 0.7);
  EXPECT_DOUBLE_EQ(marker_confidence(marker("TODO", "")), 0.6);
  EXPECT_DOUBLE_EQ(marker_confidence(marker("TODO", "", false)), 0.4);
}

TEST(MarkersFormat, DetailsJson) {
  const auto markers = markers_in("python", "def f():\n    \"\"\"FIXME(bob, #7): docs\"\"\"\n");
  ASSERT_EQ(markers.size(), 1u);
  const auto j = nlohmann::json::parse(marker_details_json(markers[0], "python"));
  EXPECT_EQ(j["tag"], "FIXME");
  EXPECT_EQ(j["text"], "docs");
  EXPECT_EQ(j["owner"], "bob");
  EXPECT_EQ(j["reference"], "#7");
  EXPECT_EQ(j["language"], "python");
  EXPECT_EQ(j["comment"], "doc");
}

TEST(MarkersFormat, DetailsJsonIsCompactWithSortedKeys) {
  Marker m = marker("TODO", "say \"hi\" \\ now\tthen \x01 caf\xC3\xA9");
  m.owner = "bob";
  m.comment = CommentKind::block;
  EXPECT_EQ(marker_details_json(m, "c"),
            R"({"comment":"block","language":"c","owner":"bob","reference":"","tag":"TODO",)"
            R"("text":"say \"hi\" \\ now\tthen \u0001 caf)" "\xC3\xA9" R"("})");
  const MarkerOrigin committed{"committed", "0123456789abcdef0123456789abcdef01234567", "Ann <a@x>",
                               "2024-01-02T03:04:05Z"};
  EXPECT_EQ(marker_details_json(marker("FIXME", ""), "go", &committed),
            R"({"comment":"line","language":"go","origin":{"author":"Ann <a@x>",)"
            R"("commit":"0123456789abcdef0123456789abcdef01234567","state":"committed",)"
            R"("time":"2024-01-02T03:04:05Z"},"owner":"","reference":"","tag":"FIXME","text":""})");
  const MarkerOrigin uncommitted{"uncommitted", "", "", ""};
  EXPECT_EQ(marker_details_json(marker("XXX", "x"), "py", &uncommitted),
            R"({"comment":"line","language":"py","origin":{"author":null,"commit":null,)"
            R"("state":"uncommitted","time":null},"owner":"","reference":"","tag":"XXX","text":"x"})");
}

TEST(MarkersFormat, DetailsJsonIsWhatTheJsonLibraryWrites) {
  const MarkerOrigin origin{"at_or_before", "abc", "\xE2\x82\xAC \"q\"", "2020-05-06T07:08:09Z"};
  const std::vector<std::string> texts = {"", "plain", "\b\f\n\r\t\x1f\x7f", "\xF0\x9F\x98\x80 ok",
                                          "bad \xC3 byte", "\xED\xA0\x80 surrogate"};
  for (const auto& text : texts) {
    Marker m = marker("TODO", text);
    m.reference = "#1, https://x/y?a=\"b\"";
    for (const MarkerOrigin* o : {static_cast<const MarkerOrigin*>(nullptr), &origin}) {
      nlohmann::json j = {{"tag", m.tag},       {"text", m.text},  {"owner", m.owner},
                          {"reference", m.reference}, {"language", "rust"}, {"comment", "line"}};
      if (o) j["origin"] = {{"state", o->state}, {"commit", o->commit}, {"author", o->author}, {"time", o->time}};
      EXPECT_EQ(marker_details_json(m, "rust", o), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          << text;
    }
  }
}

TEST(MarkersFormat, InvalidUtf8IsReplaced) {
  EXPECT_EQ(to_valid_utf8("caf\xe9 ok"), "caf\uFFFD ok");
  EXPECT_EQ(to_valid_utf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(to_valid_utf8("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(to_valid_utf8(""), "");
  EXPECT_EQ(to_valid_utf8("\xffhead and tail\xc3"), "\uFFFDhead and tail\uFFFD");
  EXPECT_EQ(to_valid_utf8("a\xe2\x82\xac" "b\x80" "c"), "a\xe2\x82\xac" "b\uFFFD" "c");
}

}  // namespace
}  // namespace assay::markers::testing

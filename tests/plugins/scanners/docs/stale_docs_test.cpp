// Stale documents over history facts given by the test: the lag between a
// document's last change and the newest change of the code it names.
#include "stale_docs.h"

#include <gtest/gtest.h>

#include <map>

namespace assay::docs {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNow = 1'800'000'000;

// Last changes given by the test; files not listed have no history.
class FakeHistory : public scanners::HistoryFacts {
 public:
  std::map<std::string, int64_t, std::less<>> last;
  std::optional<std::string> unavailable_reason() const override { return std::nullopt; }
  std::optional<scanners::FileHistory> file(std::string_view path) const override {
    auto it = last.find(path);
    if (it == last.end()) return std::nullopt;
    return scanners::FileHistory{it->second, it->second, {it->second}, false};
  }
  uint64_t commits_since(int64_t) const override { return 0; }
  int64_t now() const override { return kNow; }
};

const std::vector<std::string> kFiles = {"docs/guide.md", "src/a.c",        "src/b.c",        "lib/x/one.py",
                                         "lib/x/two.py",  "lib/x/notes.md", "lib/xy/three.py"};

TEST(StaleDoc, CodeChangedMoreThanTheThresholdAfterTheDocument) {
  FakeHistory h;
  h.last["docs/guide.md"] = kNow - 300 * kDay;
  h.last["src/a.c"] = kNow - 100 * kDay;  // 200 days after the guide
  h.last["src/b.c"] = kNow - 250 * kDay;  // 50 days after: within 180
  const auto stale = stale_doc("docs/guide.md", {"src/a.c", "src/b.c"}, CodeChanges(kFiles, h), h, 180);
  ASSERT_TRUE(stale.has_value());
  EXPECT_EQ(stale->doc_change, kNow - 300 * kDay);
  EXPECT_EQ(stale->lag_days, 200u);
  ASSERT_EQ(stale->code.size(), 1u);
  EXPECT_EQ(stale->code[0].path, "src/a.c");
  EXPECT_EQ(stale->code[0].last_change, kNow - 100 * kDay);
}

TEST(StaleDoc, WithinTheThresholdUnchangedCodeOrANewerDocumentAreNotStale) {
  FakeHistory h;
  h.last["docs/guide.md"] = kNow - 300 * kDay;
  h.last["src/a.c"] = kNow - 120 * kDay;  // exactly 180 days later: not more than the threshold
  EXPECT_FALSE(stale_doc("docs/guide.md", {"src/a.c"}, CodeChanges(kFiles, h), h, 180).has_value());
  EXPECT_FALSE(
      stale_doc("docs/guide.md", {"src/b.c"}, CodeChanges(kFiles, h), h, 180).has_value());  // no history
  h.last["docs/guide.md"] = kNow - 10 * kDay;  // the document is newer than the code
  h.last["src/a.c"] = kNow - 400 * kDay;
  EXPECT_FALSE(stale_doc("docs/guide.md", {"src/a.c"}, CodeChanges(kFiles, h), h, 180).has_value());
  EXPECT_FALSE(stale_doc("docs/guide.md", {}, CodeChanges(kFiles, h), h, 1).has_value());  // names no code
}

TEST(StaleDoc, ADocumentWithoutHistoryIsNeverStale) {
  FakeHistory h;
  h.last["src/a.c"] = kNow;
  EXPECT_FALSE(stale_doc("docs/guide.md", {"src/a.c"}, CodeChanges(kFiles, h), h, 1).has_value());
}

TEST(StaleDoc, ANamedDirectoryCountsItsNewestNonDocumentFile) {
  FakeHistory h;
  h.last["docs/guide.md"] = kNow - 100 * kDay;
  h.last["lib/x/one.py"] = kNow - 90 * kDay;
  h.last["lib/x/two.py"] = kNow - 40 * kDay;   // the newest code: 60 days after the guide
  h.last["lib/x/notes.md"] = kNow - 1 * kDay;  // a document: not code
  h.last["lib/xy/three.py"] = kNow;            // not under lib/x/
  h.last["src/a.c"] = kNow - 50 * kDay;        // 50 days after
  const auto stale = stale_doc("docs/guide.md", {"lib/x/", "src/a.c"}, CodeChanges(kFiles, h), h, 30);
  ASSERT_TRUE(stale.has_value());
  EXPECT_EQ(stale->lag_days, 60u);
  ASSERT_EQ(stale->code.size(), 2u);
  EXPECT_EQ(stale->code[0].path, "lib/x/");
  EXPECT_EQ(stale->code[0].changed, "lib/x/two.py");
  EXPECT_EQ(stale->code[1].path, "src/a.c");
  EXPECT_FALSE(stale_doc("docs/guide.md", {"lib/x/"}, CodeChanges(kFiles, h), h, 60)
                   .has_value());  // 60 is not more than 60
}

}  // namespace
}  // namespace assay::docs

// Loading the local OSV database: a directory tree of advisories, all.zip
// exports (deflated, stored, ZIP64), damaged files skipped with their
// origin and JSON path, newer copies of an id winning.
#include <gtest/gtest.h>

#include "advisory_database.h"
#include "scratch_dir.h"
#include "zip_builder.h"
#include "zip_reader.h"

namespace assay::osv {
namespace {

using testing::build_zip;
using testing::fixture_path;
using testing::ScratchDir;
using testing::ZipEntry;

std::vector<std::string> ids(const std::vector<const Advisory*>& advisories) {
  std::vector<std::string> out;
  for (const Advisory* a : advisories) out.push_back(a->id);
  return out;
}

std::string advisory_json(const std::string& id, const std::string& name, const std::string& fixed,
                          const std::string& modified = "2024-01-01T00:00:00Z") {
  return R"({"id": ")" + id + R"(", "modified": ")" + modified +
         R"(", "affected": [{"package": {"ecosystem": "npm", "name": ")" + name +
         R"("}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": ")" + fixed +
         R"("}]}]}]})";
}

TEST(AdvisoryDatabase, LoadsTheFixtureTree) {
  const AdvisoryDatabase db = AdvisoryDatabase::load(fixture_path("db"));
  const DatabaseStats& s = db.stats();
  EXPECT_EQ(s.documents, 18u);
  EXPECT_EQ(s.withdrawn, 1u);
  EXPECT_EQ(s.malformed, 1u);
  EXPECT_EQ(s.other_ecosystems, 1u);  // the Debian advisory
  EXPECT_EQ(s.advisories, 15u);
  ASSERT_EQ(db.problems().size(), 1u);
  EXPECT_NE(db.problems()[0].origin.find("PyPI/bad-event.json"), std::string::npos);
  EXPECT_EQ(
      db.problems()[0].message,
      "affected[0].ranges[0].events[0]: an event has exactly one of introduced, fixed, last_affected, limit");
  // Indexed under normalised names, in id order.
  EXPECT_EQ(ids(db.lookup(Ecosystem::pypi, "django")),
            (std::vector<std::string>{"GHSA-test-django-0001", "PYSEC-2021-test-7"}));
  EXPECT_EQ(ids(db.lookup(Ecosystem::packagist, "symfony/http-kernel")),
            std::vector<std::string>{"GHSA-test-symfony"});
  EXPECT_TRUE(db.lookup(Ecosystem::pypi, "urllib3").empty());   // withdrawn
  EXPECT_TRUE(db.lookup(Ecosystem::pypi, "requests").empty());  // malformed
  EXPECT_TRUE(db.lookup(Ecosystem::npm, "django").empty());
}

TEST(AdvisoryDatabase, ReadsZipExports) {
  ScratchDir dir;
  dir.write("npm/all.zip", build_zip({{"GHSA-z-1.json", advisory_json("GHSA-z-1", "lodash", "4.17.21")},
                                      {"GHSA-z-2.json", advisory_json("GHSA-z-2", "qs", "6.5.3"), false},
                                      {"README.txt", "not an advisory"}}));
  dir.write("PyPI/all.zip", build_zip({{"PYSEC-z-3.json", R"({"id": "PYSEC-z-3", "affected": [{"package":
                                        {"ecosystem": "PyPI", "name": "Flask"}, "versions": ["2.0"]}]})"}},
                                      /*zip64_end=*/true));
  const AdvisoryDatabase db = AdvisoryDatabase::load(dir.path().string());
  EXPECT_EQ(db.stats().documents, 3u);
  EXPECT_EQ(db.stats().advisories, 3u);
  EXPECT_TRUE(db.problems().empty());
  EXPECT_EQ(ids(db.lookup(Ecosystem::npm, "qs")), std::vector<std::string>{"GHSA-z-2"});
  EXPECT_EQ(ids(db.lookup(Ecosystem::pypi, "flask")), std::vector<std::string>{"PYSEC-z-3"});
  EXPECT_NE(db.lookup(Ecosystem::npm, "lodash").front()->origin.find("all.zip:GHSA-z-1.json"),
            std::string::npos);

  // One zip file given directly.
  const AdvisoryDatabase single = AdvisoryDatabase::load((dir.path() / "npm/all.zip").string());
  EXPECT_EQ(single.stats().advisories, 2u);
}

TEST(AdvisoryDatabase, DamagedArchivesAndMembersAreSkippedAndTheRestRead) {
  ScratchDir dir;
  std::string zip = build_zip({{"GHSA-ok.json", advisory_json("GHSA-ok", "a", "1.0.0"), false},
                               {"GHSA-crc.json", advisory_json("GHSA-crc", "b", "1.0.0"), false}});
  // Flip a byte of the second member's stored data: its CRC no longer matches.
  const size_t at = zip.find("GHSA-crc\"");
  ASSERT_NE(at, std::string::npos);
  zip[at] = 'X';
  dir.write("a/all.zip", zip);
  dir.write("b/all.zip", "PK\x03\x04 this is not a complete archive");
  dir.write("c/GHSA-loose.json", advisory_json("GHSA-loose", "c", "1.0.0"));
  const AdvisoryDatabase db = AdvisoryDatabase::load(dir.path().string());
  EXPECT_EQ(ids(db.lookup(Ecosystem::npm, "a")), std::vector<std::string>{"GHSA-ok"});
  EXPECT_TRUE(db.lookup(Ecosystem::npm, "b").empty());
  EXPECT_EQ(ids(db.lookup(Ecosystem::npm, "c")), std::vector<std::string>{"GHSA-loose"});
  ASSERT_EQ(db.problems().size(), 2u);
  EXPECT_NE(db.problems()[0].origin.find("a/all.zip"), std::string::npos);
  EXPECT_EQ(db.problems()[0].message, "GHSA-crc.json: CRC-32 mismatch (damaged member)");
  EXPECT_NE(db.problems()[1].origin.find("b/all.zip"), std::string::npos);
  EXPECT_EQ(db.problems()[1].message, "not a zip archive (no end of central directory record)");
}

TEST(AdvisoryDatabase, TheLaterModifiedCopyOfAnIdWins) {
  AdvisoryDatabase db;
  db.add_document(advisory_json("GHSA-dup", "x", "2.0.0", "2024-02-01T00:00:00Z"), "new.json");
  db.add_document(advisory_json("GHSA-dup", "x", "1.0.0", "2023-01-01T00:00:00Z"), "old.json");
  db.add_document(advisory_json("GHSA-dup2", "y", "1.0.0", "2023-01-01T00:00:00Z"), "old2.json");
  db.add_document(advisory_json("GHSA-dup2", "z", "2.0.0", "2024-02-01T00:00:00Z"), "new2.json");
  EXPECT_EQ(db.stats().advisories, 2u);
  EXPECT_EQ(db.stats().superseded, 2u);
  EXPECT_EQ(db.lookup(Ecosystem::npm, "x").front()->origin, "new.json");
  EXPECT_TRUE(db.lookup(Ecosystem::npm, "y").empty());  // the replaced copy is no longer indexed
  EXPECT_EQ(db.lookup(Ecosystem::npm, "z").front()->origin, "new2.json");
}

TEST(AdvisoryDatabase, UnreadablePathsAreErrors) {
  ScratchDir dir;
  const std::string missing = (dir.path() / "nope").string();
  try {
    AdvisoryDatabase::load(missing);
    FAIL() << "loaded a missing path";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": no such file or directory");
  }
  const std::string text = dir.write("db.txt", "x").string();
  EXPECT_THROW(AdvisoryDatabase::load(text), DatabaseError);
}

TEST(ZipReader, RefusesWhatItCannotRead) {
  EXPECT_THROW(ZipReader("short"), ZipError);
  std::string zip = build_zip({{"a.json", "{}", false}});
  const ZipReader reader(zip);
  ASSERT_EQ(reader.members().size(), 1u);
  ZipMember member = reader.members()[0];
  member.method = 12;  // bzip2
  try {
    reader.read(member);
    FAIL();
  } catch (const ZipError& e) {
    EXPECT_EQ(std::string(e.what()), "a.json: compression method 12 is not supported");
  }
  member = reader.members()[0];
  member.flags = 1;
  EXPECT_THROW(reader.read(member), ZipError);
  member = reader.members()[0];
  member.size = kMaxZipMemberSize + 1;
  EXPECT_THROW(reader.read(member), ZipError);
  member = reader.members()[0];
  member.local_header_offset = zip.size();
  EXPECT_THROW(reader.read(member), ZipError);
}

}  // namespace
}  // namespace assay::osv

// The pack reader against packs that git itself writes: every object read
// as git reads it, with offset deltas and with reference deltas; loose
// objects left to libgit2; a corrupt object named; a cut pack left out.
#include "history/pack_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "history/git_delta.h"
#include "history/history_error.h"
#include "history/object_id.h"
#include "history/pack_index.h"
#include "history_repo.h"

namespace assay::history::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 12;
constexpr int kEdits = 14;

struct GitObject {
  int type = 0;
  std::string bytes;
};

int type_number(const std::string& name) {
  if (name == "commit") return 1;
  if (name == "tree") return 2;
  if (name == "blob") return 3;
  return name == "tag" ? 4 : 0;
}

ObjectId id_of(const std::string& hex) { return *ObjectId::from_hex(hex); }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// One line of `git verify-pack -v`: an object, its type and where it starts.
struct PackedEntry {
  std::string id;
  std::string type;
  uint64_t size_in_pack = 0;
  uint64_t offset = 0;
};

class PackReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    // Twelve files in one directory, then fourteen commits each changing
    // one of them: the directory's trees differ by one entry from commit to
    // commit, which git stores as deltas of each other.
    for (int f = 0; f < kFiles; ++f) write_file(dir, "src/file" + std::to_string(f) + ".txt", body(f, 0));
    write_file(dir, "README", "readme\n");
    commit_as(dir, "add", "2021-01-01T00:00:00Z", kAlice);
    for (int e = 1; e <= kEdits; ++e) {
      write_file(dir, "src/file" + std::to_string(e % kFiles) + ".txt", body(e % kFiles, e));
      commit_as(dir, "edit " + std::to_string(e), "2021-01-0" + std::to_string(1 + e / 5) + "T0" +
                                                      std::to_string(e % 10) + ":00:00Z",
                kBob);
    }
  }

  static std::string body(int file, int edit) {
    std::string text;
    for (int line = 0; line < 30; ++line)
      text += "file " + std::to_string(file) + " line " + std::to_string(line) + " edit " +
              std::to_string(line == 7 ? edit : 0) + "\n";
    return text;
  }

  fs::path objects() const { return repo_.path() / ".git" / "objects"; }

  fs::path pack_file(const std::string& extension) const {
    for (const auto& entry : fs::directory_iterator(objects() / "pack"))
      if (entry.path().extension() == extension) return entry.path();
    ADD_FAILURE() << "no " << extension << " file";
    return {};
  }

  // Every object of the repository as `git cat-file` prints it.
  std::map<std::string, GitObject> git_objects() const {
    const std::string out = git(repo_.path(), "cat-file --batch-all-objects --batch") + "\n";
    std::map<std::string, GitObject> objects;
    size_t at = 0;
    while (at < out.size()) {
      const size_t line_end = out.find('\n', at);
      std::istringstream header(out.substr(at, line_end - at));
      std::string id, type;
      size_t size = 0;
      header >> id >> type >> size;
      objects[id] = {type_number(type), out.substr(line_end + 1, size)};
      at = line_end + 1 + size + 1;
    }
    return objects;
  }

  std::vector<PackedEntry> verify_pack() const {
    std::istringstream out(git(repo_.path(), "verify-pack -v " + pack_file(".idx").string()));
    std::vector<PackedEntry> entries;
    for (std::string line; std::getline(out, line);) {
      std::istringstream fields(line);
      PackedEntry entry;
      uint64_t size = 0;
      if (fields >> entry.id >> entry.type >> size >> entry.size_in_pack >> entry.offset && entry.id.size() == 40)
        entries.push_back(entry);
    }
    return entries;
  }

  // How many objects the pack stores with the pack type `type` (6: offset
  // delta, 7: reference delta), from the first byte of each.
  int stored_as(int type) const {
    const std::string pack = read_file(pack_file(".pack"));
    int count = 0;
    for (const PackedEntry& entry : verify_pack())
      count += ((static_cast<unsigned char>(pack[entry.offset]) >> 4) & 7) == type;
    return count;
  }

  // `hash_table_after`: lookups before the index's hash table is built
  // (0: from the first).
  void expect_reads_every_object_as_git(uint32_t hash_table_after) const {
    PackReader::Limits limits;
    limits.hash_table_after = hash_table_after;
    PackReader reader(objects().string(), limits);
    ASSERT_EQ(reader.pack_count(), 1u);
    EXPECT_TRUE(reader.skipped().empty());
    const std::map<std::string, GitObject> expected = git_objects();
    ASSERT_GT(expected.size(), 40u);
    for (const auto& [hex, object] : expected) {
      std::optional<PackedObject> read = reader.read(id_of(hex).bytes.data());
      ASSERT_TRUE(read) << hex;
      EXPECT_EQ(read->type, object.type) << hex;
      EXPECT_EQ(*read->bytes, object.bytes) << hex;
    }
  }

  TempDir repo_;
};

TEST_F(PackReaderTest, ReadsEveryObjectOfAPackWithOffsetDeltas) {
  git(repo_.path(), "repack -a -d -f --window=10 --depth=50");
  EXPECT_GT(stored_as(6), 10);
  EXPECT_EQ(stored_as(7), 0);
  expect_reads_every_object_as_git(0);
  expect_reads_every_object_as_git(4096);
}

TEST_F(PackReaderTest, ReadsEveryObjectOfAPackWithReferenceDeltas) {
  git(repo_.path(), "-c repack.useDeltaBaseOffset=false repack -a -d -f --window=10 --depth=50");
  EXPECT_GT(stored_as(7), 10);
  EXPECT_EQ(stored_as(6), 0);
  expect_reads_every_object_as_git(0);
  expect_reads_every_object_as_git(10);
}

TEST_F(PackReaderTest, ReadsObjectsFromEachOfTwoPacks) {
  git(repo_.path(), "repack -a -d -f");
  write_file(repo_.path(), "src/file4.txt", body(4, 50));
  commit_as(repo_.path(), "later", "2021-02-01T00:00:00Z", kCarol);
  git(repo_.path(), "repack -d");  // packs the loose objects into a second pack
  PackReader reader(objects().string(), PackReader::Limits{});
  EXPECT_EQ(reader.pack_count(), 2u);
  for (const auto& [hex, object] : git_objects()) {
    std::optional<PackedObject> read = reader.read(id_of(hex).bytes.data());
    ASSERT_TRUE(read) << hex;
    EXPECT_EQ(*read->bytes, object.bytes) << hex;
  }
}

TEST_F(PackReaderTest, SmallCachesAndNoHashTableGiveTheSameObjects) {
  git(repo_.path(), "repack -a -d -f --window=10 --depth=50");
  PackReader::Limits limits;
  limits.cache_slots = 2;
  limits.cache_bytes = 600;
  limits.recent_slots = 2;
  limits.recent_bytes = 600;
  limits.resident_bytes = 4096;  // pages dropped at nearly every read
  limits.residency_check_every = 1;
  limits.hash_table_bytes = 0;
  PackReader reader(objects().string(), limits);
  for (const auto& [hex, object] : git_objects()) {
    std::optional<PackedObject> read = reader.read(id_of(hex).bytes.data());
    ASSERT_TRUE(read) << hex;
    EXPECT_EQ(*read->bytes, object.bytes) << hex;
  }
}

TEST_F(PackReaderTest, LooseObjectsAreLeftToLibgit2AndTheWalkStillSeesThem) {
  git(repo_.path(), "repack -a -d -f");
  write_file(repo_.path(), "src/file3.txt", body(3, 99));
  write_file(repo_.path(), "NEW", "new\n");
  commit_as(repo_.path(), "loose", "2021-02-01T00:00:00Z", kCarol);
  PackReader reader(objects().string(), PackReader::Limits{});
  const std::string loose_tree = git(repo_.path(), "rev-parse HEAD^{tree}");
  EXPECT_FALSE(reader.read(id_of(loose_tree).bytes.data()));
  const std::string packed_tree = git(repo_.path(), "rev-parse HEAD~1^{tree}");
  EXPECT_TRUE(reader.read(id_of(packed_tree).bytes.data()));

  Opened o = open_history(repo_.path(), uncached(), seconds("2021-06-01T00:00:00Z"));
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  EXPECT_TRUE(o.history->build_report().problems.empty());
  // Edits 1 to 14 change files 1 to 11, then 0, 1 and 2. file3: added,
  // edit 3, then the loose commit.
  EXPECT_EQ(o.history->facts(file_at(*o.view, "src/file3.txt"))->commits, 3u);
  // file1 and file2 were edited twice (commits 1 and 13, 2 and 14).
  EXPECT_EQ(o.history->facts(file_at(*o.view, "src/file1.txt"))->commits, 3u);
  EXPECT_EQ(o.history->facts(file_at(*o.view, "src/file5.txt"))->commits, 2u);
  EXPECT_EQ(o.history->facts(file_at(*o.view, "README"))->commits, 1u);
  EXPECT_EQ(o.history->facts(file_at(*o.view, "NEW"))->commits, 1u);
}

TEST_F(PackReaderTest, ACorruptTreeIsNamedByTheReaderAndByTheWalk) {
  git(repo_.path(), "repack -a -d -f --window=10 --depth=50");
  const std::string tree = git(repo_.path(), "rev-parse HEAD~4:src");
  PackedEntry target;
  for (const PackedEntry& entry : verify_pack())
    if (entry.id == tree) target = entry;
  ASSERT_EQ(target.id, tree);
  ASSERT_GT(target.size_in_pack, 8u);
  const fs::path pack = pack_file(".pack");
  fs::permissions(pack, fs::perms::owner_write, fs::perm_options::add);
  {
    std::fstream out(pack, std::ios::in | std::ios::out | std::ios::binary);
    out.seekp(static_cast<std::streamoff>(target.offset + target.size_in_pack / 2));
    out.write("\xFF\x00\xFF\x00", 4);
  }
  PackReader reader(objects().string(), PackReader::Limits{});
  try {
    reader.read(id_of(tree).bytes.data());
    FAIL() << "a corrupt tree was read";
  } catch (const HistoryError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("object " + tree + " in pack " + pack.string()), std::string::npos) << message;
  }
  Opened o = open_history(repo_.path(), uncached(), seconds("2021-06-01T00:00:00Z"));
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  bool named = false;
  for (const std::string& problem : o.history->build_report().problems)
    named = named || problem.find("cannot read tree " + tree) != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_F(PackReaderTest, ACutPackIsLeftOutAndNamed) {
  git(repo_.path(), "repack -a -d -f");
  const std::string tree = git(repo_.path(), "rev-parse HEAD^{tree}");
  const fs::path pack = pack_file(".pack");
  fs::permissions(pack, fs::perms::owner_write, fs::perm_options::add);
  fs::resize_file(pack, fs::file_size(pack) / 2);
  PackReader reader(objects().string(), PackReader::Limits{});
  EXPECT_EQ(reader.pack_count(), 0u);
  ASSERT_EQ(reader.skipped().size(), 1u);
  EXPECT_NE(reader.skipped()[0].find("pack " + pack.string() + " cannot be read: its checksum"), std::string::npos)
      << reader.skipped()[0];
  EXPECT_FALSE(reader.read(id_of(tree).bytes.data()));
}

TEST(PackIndexTest, ABadIndexIsNamed) {
  const std::string not_an_index(2000, 'x');
  try {
    PackIndex index(not_an_index, "objects/pack/p.idx");
    FAIL() << "accepted";
  } catch (const HistoryError& e) {
    EXPECT_STREQ(e.what(), "pack index objects/pack/p.idx is not a version 2 index: no signature");
  }
}

TEST(PackIndexTest, FindsEachIdOfAHandMadeIndex) {
  // Three objects: ids 01.., 80.. and 80..ff.., at offsets 12, 100 and 2^33
  // (the last in the large-offset table).
  std::string index("\xFFtOc\0\0\0\2", 8);
  auto be32 = [&](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) index += static_cast<char>((v >> s) & 0xFF);
  };
  for (int b = 0; b < 256; ++b) be32(b < 1 ? 0 : b < 0x80 ? 1 : 3);
  std::string a(20, '\0'), b(20, '\0'), c(20, '\0');
  a[0] = 1;
  b[0] = static_cast<char>(0x80);
  c[0] = static_cast<char>(0x80);
  c[1] = static_cast<char>(0xFF);
  index += a + b + c;
  index += std::string(12, '\0');  // CRCs
  be32(12);
  be32(100);
  be32(0x80000000u);
  be32(2);  // 2^33, big-endian 64 bits
  be32(0);
  index += std::string(40, '\0');
  PackIndex parsed(index, "hand.idx");
  EXPECT_EQ(parsed.count(), 3u);
  std::string d = c;
  d[19] = 1;
  for (int hashed = 0; hashed < 2; ++hashed) {
    if (hashed) parsed.build_hash_table();
    EXPECT_EQ(parsed.find(reinterpret_cast<const unsigned char*>(a.data())), 12u);
    EXPECT_EQ(parsed.find(reinterpret_cast<const unsigned char*>(b.data())), 100u);
    EXPECT_EQ(parsed.find(reinterpret_cast<const unsigned char*>(c.data())), uint64_t{1} << 33);
    EXPECT_FALSE(parsed.find(reinterpret_cast<const unsigned char*>(d.data())));
  }
}

TEST(GitDeltaTest, CopiesAndInserts) {
  // base 11 bytes, target 11: copy "hello" (offset 0, size 5), insert
  // " there" (6 bytes).
  const std::string delta = std::string("\x0B\x0B\x90\x05\x06", 5) + " there";
  EXPECT_EQ(apply_delta("hello world", delta), "hello there");
  // size 0 in a copy means 0x10000.
  const std::string big(0x10000, 'z');
  EXPECT_EQ(apply_delta(big, std::string("\x80\x80\x04\x80\x80\x04\x80", 7)), big);
}

TEST(GitDeltaTest, MalformedDeltasSayWhatIsWrong) {
  auto error_of = [](std::string_view base, const std::string& delta) -> std::string {
    try {
      apply_delta(base, delta);
    } catch (const HistoryError& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(error_of("abc", std::string("\x04\x01\x01x", 4)), "delta is for a base of 4 bytes, not 3");
  EXPECT_EQ(error_of("abc", std::string("\x03\x02\x91\x02\x02", 5)), "delta copies past the end of its base");
  EXPECT_EQ(error_of("abc", std::string("\x03\x02\x00", 3)), "delta has the reserved instruction 0");
  EXPECT_EQ(error_of("abc", std::string("\x03\x05\x02xy", 5)), "delta makes 2 bytes, not its target size 5");
  EXPECT_EQ(error_of("abc", std::string("\x03\x01\x02xy", 5)), "delta makes more than its target size");
  EXPECT_EQ(error_of("abc", std::string("\x03\x05\x04xy", 5)), "delta ends inside inserted data");
  EXPECT_EQ(error_of("abc", std::string("\x03\x80\x80\x80\x80\x08", 6)), "delta states a target of 2147483648 bytes");
}

}  // namespace
}  // namespace assay::history::testing

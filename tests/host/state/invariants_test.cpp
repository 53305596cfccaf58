// `assay state check`'s own rules: a sound store passes; each kind of damage
// is named.
#include "state/invariants.h"

#include <gtest/gtest.h>

#include "state_test_support.h"

namespace assay::state::test {
namespace {

class InvariantsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(file_);
    merge(*store_, facts("s1", kT0, {"markers"}),
          {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
    merge(*store_, facts("s2", kT0 + kHour, {"markers"}), {item("A", "markers", 100, 2)});
  }

  std::vector<std::string> problems() {
    std::vector<std::string> out;
    store_->read([&](StateReader& r) { out = check_invariants(r); });
    return out;
  }

  TempDir dir_{"invariants"};
  std::filesystem::path file_ = dir_.file("state.db");
  std::unique_ptr<StateStore> store_;
};

TEST_F(InvariantsTest, ASoundStorePasses) { EXPECT_TRUE(problems().empty()); }

TEST_F(InvariantsTest, AKeyAboveItsCounterIsFound) {
  raw_sql(file_, "UPDATE key_counters SET last_number = 1");
  EXPECT_EQ(problems(),
            (std::vector<std::string>{
                "/repo: item TD-002: key number is above the counter of TD (1), so it could be handed "
                "out again"}));
}

TEST_F(InvariantsTest, AStatusThatContradictsItsFieldsAndEventsIsFound) {
  raw_sql(file_, "UPDATE items SET status = 'open' WHERE key = 'TD-002'");
  auto found = problems();
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], "/repo: item TD-002 (open): resolved time and scan do not match the status");
  EXPECT_EQ(found[1], "/repo: item TD-002 is open but its last event is 'resolved'");
  EXPECT_EQ(found[2], "/repo: 2 open items, but the last merged scan s2 left 1");
  EXPECT_EQ(found[3],
            "/repo: open items total 3.000000 effort hours, but the last merged scan s2 recorded 2.000000");
}

TEST_F(InvariantsTest, ALostItemIsFound) {
  raw_sql(file_, "DELETE FROM items WHERE key = 'TD-001'");
  auto found = problems();
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "/repo: 0 open items, but the last merged scan s2 left 1");
}

}  // namespace
}  // namespace assay::state::test

// The deliver hook routes each call to the handler of the calling thread, so
// that two scans reporting at once (assay serve) queue into their own stores.
#include "loader/delivery_hook.h"

#include <gtest/gtest.h>

#include <thread>

namespace assay::loader {
namespace {

DeliveryHook::Handler answering(assay_status status, std::string text) {
  return [status, text](const std::string& plugin, const assay_delivery&, std::string& error) {
    error = plugin + ": " + text;
    return status;
  };
}

TEST(DeliveryHook, EachThreadReachesItsOwnHandler) {
  DeliveryHook hook;
  assay_delivery message{};
  hook.set(answering(ASSAY_OK, "main thread's store"));
  std::string other_error;
  assay_status other_status = ASSAY_OK;
  std::thread other([&] {
    // Before it sets one, this thread has no handler.
    other_status = hook.deliver("slack", message, other_error);
    hook.set(answering(ASSAY_ERROR, "other thread's store"));
    other_status = hook.deliver("slack", message, other_error);
    hook.clear();
  });
  other.join();
  EXPECT_EQ(other_status, ASSAY_ERROR);
  EXPECT_EQ(other_error, "slack: other thread's store");

  std::string error;
  EXPECT_EQ(hook.deliver("slack", message, error), ASSAY_OK);
  EXPECT_EQ(error, "slack: main thread's store");
  hook.clear();
  EXPECT_EQ(hook.deliver("slack", message, error), ASSAY_UNSUPPORTED);
  EXPECT_EQ(error,
            "this host keeps no outbox here (deliver works during a report, on the reporter's thread, with "
            "state.enabled: true)");
}

TEST(DeliveryHook, AThreadWithoutAHandlerIsRefused) {
  DeliveryHook hook;
  hook.set(answering(ASSAY_OK, "main"));
  assay_status status = ASSAY_OK;
  std::thread other([&] {
    std::string error;
    assay_delivery message{};
    status = hook.deliver("slack", message, error);
  });
  other.join();
  EXPECT_EQ(status, ASSAY_UNSUPPORTED);
}

TEST(DeliveryHook, AThrowingHandlerIsAnError) {
  DeliveryHook hook;
  hook.set([](const std::string&, const assay_delivery&, std::string&) -> assay_status {
    throw std::runtime_error("store is gone");
  });
  std::string error;
  assay_delivery message{};
  EXPECT_EQ(hook.deliver("slack", message, error), ASSAY_ERROR);
  EXPECT_EQ(error, "store is gone");
}

}  // namespace
}  // namespace assay::loader

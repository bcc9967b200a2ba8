#include "core/thread_scheduling.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace ordo {
namespace {

int ThisThreadsNice() {
  errno = 0;
  return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}

TEST(ThreadSchedulingTest, AThreadLowersItsOwnPriorityAndNoOtherThreads) {
  const int base = ThisThreadsNice();
  int inside = -100;
  std::thread([&] {
    LowerThisThreadsPriority(4);
    inside = ThisThreadsNice();
  }).join();
  EXPECT_EQ(inside, std::min(19, base + 4));
  EXPECT_EQ(ThisThreadsNice(), base) << "only the calling thread";
}

TEST(ThreadSchedulingTest, AThreadAsksForShortSlicesAndKeepsItsNiceValue) {
  if (!KernelKeepsThreadSlices()) GTEST_SKIP() << "this kernel (before Linux 6.12) keeps no slice";
  const int base = ThisThreadsNice();
  bool asked = false;
  std::optional<long long> slice, other_slice;
  int nice_after = -100;
  std::thread([&] {
    LowerThisThreadsPriority(3);
    asked = RequestThisThreadsSlice(std::chrono::microseconds(250));
    slice = ThreadSliceMicros();
    nice_after = ThisThreadsNice();
  }).join();
  std::thread([&] { other_slice = ThreadSliceMicros(); }).join();
  EXPECT_TRUE(asked);
  ASSERT_TRUE(slice.has_value());
  EXPECT_EQ(*slice, 250);
  EXPECT_EQ(nice_after, std::min(19, base + 3)) << "the nice value is kept";
  ASSERT_TRUE(other_slice.has_value());
  EXPECT_NE(*other_slice, 250) << "only the calling thread";
}

TEST(ThreadSchedulingTest, ASliceOutsideTheKernelsRangeIsClampedToIt) {
  if (!KernelKeepsThreadSlices()) GTEST_SKIP() << "this kernel (before Linux 6.12) keeps no slice";
  std::optional<long long> slice;
  std::thread([&] {
    RequestThisThreadsSlice(std::chrono::microseconds(1));
    slice = ThreadSliceMicros();
  }).join();
  ASSERT_TRUE(slice.has_value());
  EXPECT_EQ(*slice, 100) << "Linux's least slice is 0.1 ms";
}

}  // namespace
}  // namespace ordo

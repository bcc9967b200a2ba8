// main() of the unit tests that run the engine or the store with every capability
// registered, as the `ordo` executable does.
#include <gtest/gtest.h>

#include "cli/capabilities.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ordo::cli::RegisterCapabilities();
  return RUN_ALL_TESTS();
}

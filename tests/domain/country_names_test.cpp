#include "domain/country_names.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(CountryNames, CodesBecomeNamesAndUnknownCodesStay) {
  EXPECT_EQ(country_name("TW"), "Taiwan");
  EXPECT_EQ(country_name("SG"), "Singapore");
  EXPECT_EQ(country_name("VN"), "Viet Nam");
  EXPECT_EQ(country_name("US"), "United States");
  EXPECT_EQ(country_name("AF"), "Afghanistan") << "the first entry";
  EXPECT_EQ(country_name("VN"), "Viet Nam") << "the last entry";
  EXPECT_EQ(country_name("ZZ"), "ZZ");
  EXPECT_EQ(country_name(""), "");
}

}  // namespace ccap

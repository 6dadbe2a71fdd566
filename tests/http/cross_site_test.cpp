// Which changes count as sent from another site: Sec-Fetch-Site and Origin against the
// request's Host and the trusted origins, and how origins are spelt alike.
#include "http/cross_site.h"

#include <gtest/gtest.h>

namespace planscore::http {
namespace {

Request change(std::map<std::string, std::string> headers) {
  Request request;
  request.method = "POST";
  request.path = "/api/session";
  request.headers = std::move(headers);
  request.headers.emplace("host", "plan.example:8080");
  return request;
}

bool refused(std::map<std::string, std::string> headers,
             const std::vector<std::string>& trusted = {}) {
  return cross_site_refusal(change(std::move(headers)), trusted).has_value();
}

TEST(CrossSite, OriginsAreSpeltOneWay) {
  EXPECT_EQ(normalized_origin("HTTPS://Plan.Example:443"), "https://plan.example");
  EXPECT_EQ(normalized_origin("http://plan.example:80"), "http://plan.example");
  EXPECT_EQ(normalized_origin("http://plan.example:443"), "http://plan.example:443");
  EXPECT_EQ(normalized_origin("http://127.0.0.1:08080"), "http://127.0.0.1:8080");
  EXPECT_EQ(normalized_origin("http://[::1]:8080"), "http://[::1]:8080");
  for (const char* bad :
       {"null", "", "plan.example", "ftp://plan.example", "https://", "https://plan.example/",
        "https://plan.example:", "https://a:0", "https://a:65536", "https://user@plan.example",
        "https://a b", "https://[::1", "https://[::1]x", "https://plan.example?x"})
    EXPECT_EQ(normalized_origin(bad), std::nullopt) << bad;
}

TEST(CrossSite, ProgramsThatSendNeitherHeaderPass) {
  EXPECT_FALSE(refused({}));
}

TEST(CrossSite, SecFetchSiteMustBeSameOriginOrNone) {
  EXPECT_FALSE(refused({{"sec-fetch-site", "same-origin"}}));
  EXPECT_FALSE(refused({{"sec-fetch-site", "none"}}));
  for (const char* site : {"same-site", "cross-site", "anything"})
    EXPECT_TRUE(refused({{"sec-fetch-site", site}})) << site;
  const auto why = cross_site_refusal(change({{"sec-fetch-site", "cross-site"}}), {});
  EXPECT_EQ(why,
            "the request comes from another site (Sec-Fetch-Site: cross-site); changes are "
            "accepted only from this server's own pages");
}

TEST(CrossSite, OriginMustNameTheHostOrATrustedOrigin) {
  EXPECT_FALSE(refused({{"origin", "http://plan.example:8080"}}));
  EXPECT_FALSE(refused({{"origin", "https://PLAN.example:8080"}}));
  for (const char* other : {"http://plan.example", "http://plan.example:8081",
                            "http://attacker.example:8080", "null", "http://plan.example:8080/"})
    EXPECT_TRUE(refused({{"origin", other}})) << other;
  EXPECT_FALSE(refused({{"origin", "https://proxy.example"}}, {"https://proxy.example"}));
  EXPECT_TRUE(refused({{"origin", "https://proxy.example"}}, {"https://other.example"}));
  // Both headers must agree to pass.
  EXPECT_TRUE(refused({{"origin", "http://attacker.example"}, {"sec-fetch-site", "same-origin"}}));
}

TEST(CrossSite, AnOriginWithDefaultPortMatchesAHostWithout) {
  Request request = change({{"origin", "https://plan.example"}});
  request.headers["host"] = "plan.example";
  EXPECT_FALSE(cross_site_refusal(request, {}));
  request.headers["host"] = "plan.example:443";
  EXPECT_FALSE(cross_site_refusal(request, {}));
  request.headers.erase("host");
  EXPECT_TRUE(cross_site_refusal(request, {}));
}

}  // namespace
}  // namespace planscore::http

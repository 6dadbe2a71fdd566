#pragma once
// The database an ApiWorld starts from — the shipped plan (with or without the demo
// records) and one account per role — made once per test run by `planscore init` and
// `user add`, then copied for each test. Every API test is a process of its own (CTest),
// so the template is shared through files: made under a lock by the first test that needs
// it and reused by the rest, until the planscore binary changes.
#include <map>
#include <string>

namespace planscore::test {

struct WorldTemplate {
  // A SQLite file's path, or the name of a database in the run's PostgreSQL cluster: what
  // TestDatabase::replace_with_copy_of takes.
  std::string source;
  std::map<std::string, std::string> passwords;  // by role (api_fixture.h kRoles)
};

// The template for this run's backend and binary, made first if there is none yet.
WorldTemplate world_template(bool with_demo);

}  // namespace planscore::test

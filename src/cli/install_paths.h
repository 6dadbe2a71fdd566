#pragma once
// Where the files planscore ships with are. An installed binary finds them beside itself,
// <prefix>/bin/planscore → <prefix>/share/planscore/{plans,web}, wherever the prefix is;
// a binary run from the build directory, which has no such folder, falls back to the
// source tree it was built from.
#include <string>

namespace planscore::cli {

// The shipped plan file `init` imports when no other plan is given.
std::string shipped_plan_file();
// The installed web app's folder; empty when the binary is not installed with one
// (then `serve` has no static files unless --web-root names them).
std::string installed_web_root();

}  // namespace planscore::cli

#include "cli/app.h"

namespace planscore::cli {

int run(int, char**) { return 0; }

}  // namespace planscore::cli

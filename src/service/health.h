#pragma once
// Whether the server can do its work: the database answers.
#include "store/store.h"

namespace planscore::service {

// Reads the database's data version; throws store::StoreError when it cannot be read.
void check_database(store::Store& store);

}  // namespace planscore::service

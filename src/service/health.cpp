#include "service/health.h"

namespace planscore::service {

void check_database(store::Store& store) {
  store.data_version();
}

}  // namespace planscore::service

#pragma once
// A core header that reaches into the store and SOCI: check_layers.py must refuse both.
#include <soci/soci.h>

#include "store/store.h"

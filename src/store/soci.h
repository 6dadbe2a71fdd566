#pragma once
// The one way the store includes SOCI. Debian's SOCI 4.0.3 declares SOCI_HAVE_BOOST in
// soci-config.h, yet only bind-values.h uses it (for Boost.Fusion bindings the store
// does not use) and Boost is not a dependency. Undefining it changes header templates
// only, not the compiled library's interface.
#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#include <soci/soci.h>

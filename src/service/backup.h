#pragma once
// Backing up and restoring the whole database. The store makes the copy in its backend's
// own way; this layer decides who may, when a restore may replace what is there, and
// records both in the audit trail.
#include <string>

#include "core/access/role.h"
#include "store/store.h"

namespace planscore::service {

struct BackupReport {
  std::string path;
  store::DatabaseCounts counts;  // what the backup holds, counted in the copy itself
};

// Writes a consistent copy of the database to `path` while others keep working; an
// administrator's job (the command line acts as system_actor()). Throws
// Failure(forbidden) for other roles and Failure(conflict) when `path` exists and
// `replace` is not set. The audit entry "database.backup" follows the copy, so it is in
// the database but not in the backup.
BackupReport back_up_database(store::Store& store, const core::Actor& actor,
                              const std::string& path, bool replace);

struct RestoreOptions {
  // Replace a database that already holds something; without it such a restore is refused.
  bool replace_existing = false;
  // Where the replaced content is kept (a backup of it), so a restore never loses data.
  std::string keep_previous_at;
};

struct RestoreReport {
  store::DatabaseCounts counts;  // what the database holds after the restore
  std::string previous_kept_at;  // empty when there was nothing to keep
};

// Replaces the database's content with the backup at `backup_path`; administrators only.
// Throws Failure(conflict) when the database holds anything and replace_existing is not
// set, Failure(invalid) naming the file when the backup is not a planscore database, is
// damaged or comes from a newer schema (nothing is written then). Appends the audit
// entry "database.restore" to the restored trail.
RestoreReport restore_database(store::Store& store, const core::Actor& actor,
                               const std::string& backup_path, const RestoreOptions& options);

}  // namespace planscore::service

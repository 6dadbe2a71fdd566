#pragma once
// Records a plan ships with: figures from before the system was used (the seed plan's
// ROC 100–103 summaries), one CSV file per register in a folder beside the plan file.
#include <filesystem>

#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

struct HistorySummary {
  int files = 0;
  int records = 0;
};

// Imports every `<register id>.csv` in `folder` (other files are ignored) as the system
// actor. Every file is checked before any is written, so a bad file writes nothing;
// throws Failure(invalid) naming the file and its problems. A missing folder loads nothing.
HistorySummary load_history(store::Store& store, const core::Plan& plan,
                            const std::filesystem::path& folder);

// Where a plan file's history lives: plans/x.yaml → plans/x.history.
std::filesystem::path history_folder_of(const std::filesystem::path& plan_file);

}  // namespace planscore::service

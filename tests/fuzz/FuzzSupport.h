// Shared by the fuzz targets: the Qt application and a small desk database that live for the whole run, and the
// one way a target says that an invariant broke (a message on stderr and abort(), which libFuzzer reports as a
// crash with the input that caused it, and the corpus replay reports as a failed test).
#pragma once

#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace tamga::fuzz {

// Aborts with `what` (and `detail`) unless `holds`.
void require(bool holds, const char* what, const QString& detail = {});

// A QCoreApplication for Qt SQL's driver plugins; made once, on the first call.
void ensureApplication();

// A desk database in a private folder: a supervisor, one organization and a few officers with Mongolian,
// Latin and hyphenated names, made once and removed at exit.
class FuzzDesk {
public:
    static const FuzzDesk& instance();
    const core::Database& db() const { return *m_db; }
    const core::Operator& supervisor() const { return m_supervisor; }

private:
    FuzzDesk();
    QString m_folder;
    std::unique_ptr<core::Database> m_db;
    core::Operator m_supervisor;
};

} // namespace tamga::fuzz

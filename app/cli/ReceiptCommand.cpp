#include "ReceiptCommand.h"

#include "Output.h"
#include "ReceiptRenderer.h"
#include "tamga/core/Database.h"
#include "tamga/core/Receipt.h"

#include <iostream>

namespace tamga::cli {

int runReceiptCommand(const CommandLine& line, const GlobalOptions& options)
{
    const auto& words = line.words();
    bool ok = false;
    const qint64 id = words.size() == 2 ? q(words[1]).toLongLong(&ok) : 0;
    const auto out = line.value("out");
    if (!ok || !out) {
        std::cerr << "error: receipt ENROLLMENT_ID --out FILE.pdf\n";
        return ExitUsage;
    }
    auto database = core::Database::openExisting(q(options.databasePath));
    if (!database)
        return fail(database.error().message);
    auto receipt = core::Receipts(**database).data(id);
    if (!receipt)
        return fail(receipt.error().message);
    if (const QString error = ui::writeReceiptPdf(*receipt, q(*out)); !error.isEmpty())
        return fail(error);
    std::cout << "receipt " << s(receipt->contentHash()) << '\n';
    return ExitOk;
}

} // namespace tamga::cli

#include "TokenInventory.h"

#include "tamga/core/Database.h"
#include "tamga/core/TokenStock.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

CoreResult<qint64> enterTokenInInventory(const Database& database, const QString& operatorName, const QString& serial,
                                         const TokenSnapshot& info, qint64 enrollmentId)
{
    auto id = enterTokenInStock(database, operatorName, serial, QStringLiteral("first plugged in at the desk"));
    if (!id)
        return id;
    auto described = database.exec(
        QStringLiteral("UPDATE tokens SET manufacturer = ?, model = ?, label = ?, updated_at = ? WHERE id = ?"),
        {QString::fromStdString(info.manufacturer), QString::fromStdString(info.model),
         QString::fromStdString(info.label), storedNow(), *id});
    if (!described)
        return std::unexpected(described.error());
    if (auto prepared = moveTokenInStock(database, operatorName, serial, StockState::Prepared,
                                         QStringLiteral("prepared for enrollment #%1").arg(enrollmentId));
        !prepared)
        return std::unexpected(prepared.error());
    return id;
}

} // namespace tamga::core

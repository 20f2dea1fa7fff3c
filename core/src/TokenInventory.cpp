#include "TokenInventory.h"

#include "tamga/core/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace tamga::core {

CoreResult<qint64> enterTokenInInventory(const Database& database, const QString& serial, const TokenSnapshot& info)
{
    const QString now = storedNow();
    auto entered = database.exec(
        QStringLiteral("INSERT INTO tokens (serial, manufacturer, model, label, status, first_seen_at, updated_at) "
                       "VALUES (?, ?, ?, ?, 'in_stock', ?, ?) ON CONFLICT(serial) DO UPDATE SET "
                       "manufacturer = excluded.manufacturer, model = excluded.model, label = excluded.label, "
                       "updated_at = excluded.updated_at"),
        {serial, QString::fromStdString(info.manufacturer), QString::fromStdString(info.model),
         QString::fromStdString(info.label), now, now});
    if (!entered)
        return std::unexpected(entered.error());
    auto row = database.exec(QStringLiteral("SELECT id FROM tokens WHERE serial = ?"), {serial});
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return coreError(CoreErrorKind::Database, QStringLiteral("the token %1 is not in the inventory").arg(serial));
    return row->value(0).toLongLong();
}

} // namespace tamga::core

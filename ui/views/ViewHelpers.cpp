#include "Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QColor>
#include <QCoreApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardItem>
#include <QTableView>
#include <QTimer>

namespace tamga::ui {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    // Headers are never cut: a column is at least as wide as its title (Mongolian titles are long).
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Columns as wide as their title and contents, once per change of the data (a refresh appends its rows one by
    // one: the resize waits for the event loop, so it runs once for the lot).
    auto* resize = new QTimer(table);
    resize->setSingleShot(true);
    resize->setInterval(0);
    QObject::connect(resize, &QTimer::timeout, table, [table] { table->resizeColumnsToContents(); });
    QObject::connect(model, &QAbstractItemModel::modelReset, resize, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::headerDataChanged, resize, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::rowsInserted, resize, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, resize, qOverload<>(&QTimer::start));
    resize->start();
    table->verticalHeader()->hide();
    table->setAlternatingRowColors(true);
    return table;
}

qint64 selectedId(const QTableView* table)
{
    const auto rows = table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : table->model()->index(rows.front().row(), 0).data(Qt::UserRole).toLongLong();
}

QStandardItem* idItem(qint64 id, const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setData(id, Qt::UserRole);
    return item;
}

QListWidgetItem* addModuleItem(QListWidget* list, const QString& name, const QString& path, const QString& package)
{
    // Where the library came from: a module no package installed was put there by hand, and is shown in red.
    const QString origin = package.isEmpty()
                               ? QCoreApplication::translate("MainWindow", "installed by hand, no package")
                               : QCoreApplication::translate("MainWindow", "package %1").arg(package);
    auto* item = new QListWidgetItem(QStringLiteral("%1 — %2 (%3)").arg(name, path, origin), list);
    item->setData(Qt::UserRole, path);
    if (package.isEmpty())
        item->setForeground(QColor(0xb3, 0x26, 0x1e));
    return item;
}

// A PIN asked in a password field; the text goes straight into a wiping buffer.
std::optional<Pin> askPin(QWidget* parent, const QString& title, const QString& label)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextEchoMode(QLineEdit::Password);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    auto* field = dialog.findChild<QLineEdit*>();
    if (!field || field->text().isEmpty())
        return std::nullopt;
    return takeSecret(field);
}

QLabel* newReadErrorLine(QWidget* view)
{
    auto* line = new QLabel(view);
    line->setObjectName(QStringLiteral("readError"));
    line->setWordWrap(true);
    line->setStyleSheet(QStringLiteral("color:#b3261e;font-weight:bold"));
    line->hide();
    return line;
}

void showReadError(QLabel* line, const QString& message)
{
    if (message.isEmpty()) {
        line->hide();
        return;
    }
    line->setText(QCoreApplication::translate("MainWindow", "The database could not be read: %1").arg(message));
    line->show();
}

} // namespace tamga::ui

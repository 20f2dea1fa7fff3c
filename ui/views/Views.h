// The Main window's tabs, one file each (ui/views/*View.cpp), and the small helpers they share. Every view's
// texts are in the translation context "MainWindow".
#pragma once

#include "DeskContext.h"
#include "MainWindow.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>

#include <optional>

class QAbstractItemModel;
class QDialog;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QStandardItem;
class QTableView;
class QWidget;

namespace tamga::ui {

// A read-only, sortable table with whole-row selection, as every list of the desk is.
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent);
// The id (first column's user data) of the selected row, 0 when none.
qint64 selectedId(const QTableView* table);
// A first-column item that carries the row's id.
QStandardItem* idItem(qint64 id, const QString& text);
// A line at the top of a view that says the database could not be read, hidden while it can: a view never goes
// empty without saying why. `showReadError` with an empty message hides it again.
QLabel* newReadErrorLine(QWidget* view);
void showReadError(QLabel* line, const QString& message);
// A PKCS#11 module of p11-kit's list as a row of `list` (its path as the row's data): name, path, and the package
// that installed it, or in red that none did.
QListWidgetItem* addModuleItem(QListWidget* list, const QString& name, const QString& path, const QString& package);
// A PIN asked in a password field; the text goes straight into a wiping buffer.
std::optional<Pin> askPin(QWidget* parent, const QString& title, const QString& label);

// The officer's form: adds one (id 0) or edits one. True when something was saved.
bool editOfficerInDialog(QWidget* parent, const DeskContext& context, qint64 id);
// The CSV import at the desk: previews the file, asks, imports. True when the registry changed.
bool importOfficersFromFile(QWidget* parent, const DeskContext& context, const QString& path);

// A new operator (supervisors): name, role, the password typed twice. The name added, or nothing when cancelled.
std::optional<QString> addOperatorInDialog(QWidget* parent, const DeskContext& context);

// A new batch: officers of organizations and/or a CSV, profile, CA, mode. Its id, or nothing when cancelled.
std::optional<qint64> createBatchInDialog(QWidget* parent, const DeskContext& context);
// The batch session room (its own window, not modal): the batch worked token after token.
QDialog* openBatchRoom(MainWindow* window, const DeskContext& context, qint64 batchId);

QWidget* newDeskView(MainWindow* window, const DeskContext& context);
QWidget* newOfficersView(MainWindow* window, const DeskContext& context);
QWidget* newTokensView(MainWindow* window, const DeskContext& context);
// The token stock, under the tokens plugged in on the Tokens tab (StockSection.cpp).
QWidget* newStockSection(MainWindow* window, const DeskContext& context);
QWidget* newEnrollmentsView(MainWindow* window, const DeskContext& context);
// Revocation applications: taken, approved by a second supervisor, printed, sent, confirmed (RevocationsView.cpp).
QWidget* newRevocationsView(MainWindow* window, const DeskContext& context);
QWidget* newReportsView(MainWindow* window, const DeskContext& context);
QWidget* newAuditView(MainWindow* window, const DeskContext& context);
QWidget* newSettingsView(MainWindow* window, const DeskContext& context);

} // namespace tamga::ui

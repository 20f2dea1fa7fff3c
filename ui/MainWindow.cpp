#include "MainWindow.h"

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

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

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

// A PIN asked in a password field; the text goes straight into a wiping buffer.
std::optional<pkcs11::Pin> askPin(QWidget* parent, const QString& title, const QString& label)
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

class DeskView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    DeskView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        auto* start = new QPushButton(tr("&New enrollment  (Ctrl+N)"), this);
        QFont big = start->font();
        big.setPointSize(big.pointSize() + 6);
        start->setFont(big);
        start->setMinimumHeight(64);
        layout->addWidget(start);
        layout->addWidget(new QLabel(tr("Enrollments waiting to be finished:"), this));
        m_list = new QListWidget(this);
        layout->addWidget(m_list);
        auto* resume = new QPushButton(tr("&Continue the selected enrollment"), this);
        layout->addWidget(resume);
        connect(start, &QPushButton::clicked, window, [window] { window->startEnrollment(); });
        connect(resume, &QPushButton::clicked, window, [this, window] {
            if (auto* item = m_list->currentItem())
                window->startEnrollment(item->data(Qt::UserRole).toLongLong());
        });
        connect(m_list, &QListWidget::itemActivated, window,
                [window](QListWidgetItem* item) { window->startEnrollment(item->data(Qt::UserRole).toLongLong()); });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        refresh();
    }

    void refresh()
    {
        m_list->clear();
        core::CaConnectors connectors(*m_context.database, m_context.dataDir);
        auto all = core::EnrollmentEngine(*m_context.database, connectors, {}).list(std::nullopt);
        if (!all)
            return;
        for (const auto& r : *all) {
            if (r.state == core::EnrollmentState::HandedOver || r.state == core::EnrollmentState::Cancelled ||
                r.state == core::EnrollmentState::Failed)
                continue;
            auto* item = new QListWidgetItem(tr("#%1  %2 — %3 — %4").arg(r.id).arg(r.officerName, stateDisplayName(r.state),
                                                                             r.lastError.isEmpty() ? r.tokenSerial : r.lastError),
                                             m_list);
            item->setData(Qt::UserRole, r.id);
        }
    }

    const DeskContext& m_context;
    QListWidget* m_list = nullptr;
};

class OfficersView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    OfficersView(MainWindow* window, const DeskContext& context) : QWidget(window), m_window(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        auto* bar = new QHBoxLayout;
        m_search = new QLineEdit(this);
        m_search->setPlaceholderText(tr("Search by name, civil ID or organization (Cyrillic or Latin)…"));
        m_search->setClearButtonEnabled(true);
        auto* add = new QPushButton(tr("&Add officer…"), this);
        auto* edit = new QPushButton(tr("E&dit…"), this);
        auto* import = new QPushButton(tr("&Import CSV…"), this);
        bar->addWidget(m_search, 1);
        bar->addWidget(add);
        bar->addWidget(edit);
        bar->addWidget(import);
        layout->addLayout(bar);
        auto* splitter = new QSplitter(this);
        m_organizations = new QTreeWidget(splitter);
        m_organizations->setHeaderLabel(tr("Organizations"));
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("Surname"), tr("Given name"), tr("Civil ID"), tr("Position"),
                                            tr("Organization")});
        m_table = makeTable(m_model, splitter);
        splitter->setStretchFactor(1, 3);
        layout->addWidget(splitter);
        connect(m_search, &QLineEdit::textChanged, this, [this] { refresh(); });
        connect(m_organizations, &QTreeWidget::currentItemChanged, this, [this] { refresh(); });
        connect(add, &QPushButton::clicked, this, [this] { editOfficer(0); });
        connect(edit, &QPushButton::clicked, this, [this] {
            if (const qint64 id = selectedId(m_table))
                editOfficer(id);
        });
        connect(m_table, &QTableView::doubleClicked, this, [this] { editOfficer(selectedId(m_table)); });
        connect(import, &QPushButton::clicked, this, [this] {
            importFile(QFileDialog::getOpenFileName(this, tr("Officer list"), QString(), tr("CSV files (*.csv)")));
        });
        connect(window, &MainWindow::registryChanged, this, [this] { reload(); });
        reload();
    }

    void reload()
    {
        m_organizations->clear();
        auto all = new QTreeWidgetItem(m_organizations, {tr("All organizations")});
        all->setData(0, Qt::UserRole, 0);
        if (auto organizations = core::Registry(*m_context.database).organizations()) {
            QHash<qint64, QTreeWidgetItem*> items;
            for (const auto& o : *organizations) {
                auto* item = new QTreeWidgetItem({o.name});
                item->setData(0, Qt::UserRole, o.id);
                items.insert(o.id, item);
            }
            for (const auto& o : *organizations) {
                QTreeWidgetItem* parent = o.parentId && items.contains(*o.parentId) ? items.value(*o.parentId) : all;
                parent->addChild(items.value(o.id));
            }
        }
        m_organizations->expandAll();
        m_organizations->setCurrentItem(all);
        refresh();
    }

    void refresh()
    {
        const qint64 organization = m_organizations->currentItem() ? m_organizations->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
        auto officers = core::Registry(*m_context.database)
                            .officers(organization ? std::optional<qint64>(organization) : std::nullopt, m_search->text(), 500);
        m_model->removeRows(0, m_model->rowCount());
        if (!officers)
            return;
        for (const auto& o : *officers)
            m_model->appendRow({idItem(o.id, o.fields.surname), new QStandardItem(o.fields.givenName),
                                new QStandardItem(o.fields.civilId), new QStandardItem(o.fields.position),
                                new QStandardItem(o.organizationName)});
    }

    // Adds an officer (id 0) or edits one; the civil ID of an existing officer cannot change.
    void editOfficer(qint64 id)
    {
        QDialog dialog(this);
        dialog.setWindowTitle(id ? tr("Edit officer") : tr("Add officer"));
        auto* form = new QFormLayout(&dialog);
        auto* organization = new QComboBox(&dialog);
        if (auto organizations = core::Registry(*m_context.database).organizations()) {
            for (const auto& o : *organizations)
                organization->addItem(o.name, o.id);
        }
        QLineEdit* fields[7];
        const char* labels[] = {QT_TRANSLATE_NOOP("MainWindow", "&Surname:"),   QT_TRANSLATE_NOOP("MainWindow", "&Given name:"),
                                QT_TRANSLATE_NOOP("MainWindow", "&Civil ID:"),  QT_TRANSLATE_NOOP("MainWindow", "&Position:"),
                                QT_TRANSLATE_NOOP("MainWindow", "&Department:"), QT_TRANSLATE_NOOP("MainWindow", "&E-mail:"),
                                QT_TRANSLATE_NOOP("MainWindow", "P&hone:")};
        form->addRow(tr("&Organization:"), organization);
        for (int i = 0; i < 7; ++i) {
            fields[i] = new QLineEdit(&dialog);
            form->addRow(tr(labels[i]), fields[i]);
        }
        if (id) {
            auto current = core::Registry(*m_context.database).officer(id);
            if (!current)
                return;
            const auto& f = current->fields;
            const QString values[] = {f.surname, f.givenName, f.civilId, f.position, f.department, f.email, f.phone};
            for (int i = 0; i < 7; ++i)
                fields[i]->setText(values[i]);
            fields[2]->setReadOnly(true);
            organization->setCurrentIndex(organization->findData(f.organizationId));
        }
        auto* message = new QLabel(&dialog);
        message->setStyleSheet(QStringLiteral("color:#b3261e"));
        message->setWordWrap(true);
        form->addRow(message);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
            core::OfficerFields f{organization->currentData().toLongLong(), fields[0]->text(), fields[1]->text(),
                                  fields[2]->text(), fields[3]->text(), fields[4]->text(), fields[5]->text(),
                                  fields[6]->text()};
            core::Registry registry(*m_context.database);
            QString problem;
            if (id) {
                if (auto updated = registry.updateOfficer(m_context.signedIn, id, f); !updated)
                    problem = updated.error().message;
            } else if (auto added = registry.addOfficer(m_context.signedIn, f); !added) {
                problem = added.error().message;
            }
            if (!problem.isEmpty()) {
                message->setText(problem);
                return;
            }
            dialog.accept();
        });
        if (dialog.exec() == QDialog::Accepted)
            Q_EMIT m_window->registryChanged();
    }

    // Shows what the file would do (every bad row with its line and reason) before anything is written.
    void importFile(const QString& path)
    {
        if (path.isEmpty())
            return;
        auto preview = core::importOfficers(*m_context.database, m_context.signedIn, path, true);
        if (!preview) {
            QMessageBox::warning(this, tr("Import"), preview.error().message);
            return;
        }
        if (!preview->problems.empty()) {
            QStringList lines;
            for (const auto& p : preview->problems)
                lines << tr("line %1, %2: %3").arg(p.line).arg(p.column.isEmpty() ? QStringLiteral("—") : p.column, p.reason);
            QMessageBox box(QMessageBox::Warning, tr("Import"),
                            tr("%n problem(s) in the file: nothing was imported.", nullptr,
                               static_cast<int>(preview->problems.size())),
                            QMessageBox::Ok, this);
            box.setDetailedText(lines.join(QLatin1Char('\n')));
            box.setInformativeText(lines.mid(0, 12).join(QLatin1Char('\n')));
            box.exec();
            return;
        }
        if (preview->changedNothing()) {
            QMessageBox::information(this, tr("Import"), tr("Nothing to change: all %n row(s) are in the registry already.",
                                                            nullptr, preview->rows));
            return;
        }
        const auto answer = QMessageBox::question(
            this, tr("Import"),
            tr("%1 rows: %2 new officers, %3 updated, %4 unchanged, %5 new organizations. Import them?")
                .arg(preview->rows)
                .arg(preview->added)
                .arg(preview->updated)
                .arg(preview->unchanged)
                .arg(preview->organizationsAdded));
        if (answer != QMessageBox::Yes)
            return;
        auto done = core::importOfficers(*m_context.database, m_context.signedIn, path);
        if (!done || !done->problems.empty()) {
            QMessageBox::warning(this, tr("Import"), done ? tr("The file changed in the meantime; nothing was imported.")
                                                          : done.error().message);
            return;
        }
        Q_EMIT m_window->registryChanged();
    }

    MainWindow* m_window;
    const DeskContext& m_context;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_organizations = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};

class TokensView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    TokensView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("Serial"), tr("Label"), tr("Model"), tr("State"), tr("PIN")});
        m_table = makeTable(m_model, this);
        layout->addWidget(m_table);
        auto* buttons = new QHBoxLayout;
        auto* initialize = new QPushButton(tr("&Initialize…"), this);
        auto* change = new QPushButton(tr("&Change PIN…"), this);
        auto* unblock = new QPushButton(tr("&Unblock PIN…"), this);
        const bool supervisor = context.signedIn.role == core::Role::Supervisor;
        initialize->setEnabled(supervisor);
        unblock->setEnabled(supervisor);
        if (!supervisor) {
            initialize->setToolTip(tr("Supervisors only"));
            unblock->setToolTip(tr("Supervisors only"));
        }
        buttons->addWidget(initialize);
        buttons->addWidget(change);
        buttons->addWidget(unblock);
        buttons->addStretch();
        layout->addLayout(buttons);
        m_result = new QLabel(this);
        m_result->setWordWrap(true);
        layout->addWidget(m_result);
        connect(context.worker, &core::DeskWorker::tokensChanged, this, [this](const QList<core::TokenSnapshot>& t) { show(t); });
        connect(context.worker, &core::DeskWorker::tokenOperationFinished, this, [this](bool ok, const QString& message) {
            m_result->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
            m_result->setText(ok ? tr("Done. %1").arg(message) : message);
        });
        connect(initialize, &QPushButton::clicked, this, [this] {
            const QString serial = selectedSerial();
            bool ok = false;
            const QString label = QInputDialog::getText(this, tr("Initialize token"), tr("Token label:"), QLineEdit::Normal,
                                                        QStringLiteral("Tamga"), &ok);
            if (!ok)
                return;
            auto so = askPin(this, tr("Initialize token"), tr("New SO PIN:"));
            auto user = so ? askPin(this, tr("Initialize token"), tr("New user PIN:")) : std::nullopt;
            if (so && user)
                m_context.worker->initializeToken(m_context.signedIn, serial, label, std::move(*so), std::move(*user));
        });
        connect(change, &QPushButton::clicked, this, [this] {
            auto old = askPin(this, tr("Change PIN"), tr("Current PIN:"));
            auto fresh = old ? askPin(this, tr("Change PIN"), tr("New PIN:")) : std::nullopt;
            if (old && fresh)
                m_context.worker->changePin(m_context.signedIn, selectedSerial(), std::move(*old), std::move(*fresh));
        });
        connect(unblock, &QPushButton::clicked, this, [this] {
            auto so = askPin(this, tr("Unblock PIN"), tr("SO PIN:"));
            auto fresh = so ? askPin(this, tr("Unblock PIN"), tr("New user PIN:")) : std::nullopt;
            if (so && fresh)
                m_context.worker->unblockPin(m_context.signedIn, selectedSerial(), std::move(*so), std::move(*fresh));
        });
        show(context.worker->tokens());
    }

    QString selectedSerial() const
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : m_model->item(rows.front().row())->text();
    }

    void show(const QList<core::TokenSnapshot>& tokens)
    {
        m_model->removeRows(0, m_model->rowCount());
        for (const auto& t : tokens) {
            const auto& f = t.info.flags;
            const QString state = !f.tokenInitialized ? tr("not initialized")
                                  : f.userPinLocked    ? tr("PIN blocked")
                                  : !f.userPinInitialized ? tr("no user PIN")
                                  : f.userPinFinalTry   ? tr("PIN: final try")
                                  : f.userPinCountLow   ? tr("PIN: few tries left")
                                                        : tr("ready");
            m_model->appendRow({new QStandardItem(t.serial()), new QStandardItem(t.label()), new QStandardItem(t.model()),
                                new QStandardItem(state),
                                new QStandardItem(tr("%1–%2 characters").arg(t.info.minPinLength).arg(t.info.maxPinLength))});
        }
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    }

    const DeskContext& m_context;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_result = nullptr;
};

class EnrollmentsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    EnrollmentsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        auto* filters = new QHBoxLayout;
        m_state = new QComboBox(this);
        m_state->addItem(tr("All states"), QString());
        for (const char* state : {"created", "token_prepared", "key_generated", "request_built", "submitted",
                                  "certificate_received", "written_to_token", "verified", "handed_over", "failed",
                                  "cancelled"}) {
            const QString stored = QString::fromLatin1(state);
            m_state->addItem(stateDisplayName(*core::parseState(stored)), stored);
        }
        m_organization = new QLineEdit(this);
        m_organization->setPlaceholderText(tr("Organization…"));
        auto* stateLabel = new QLabel(tr("&State:"), this);
        stateLabel->setBuddy(m_state);
        filters->addWidget(stateLabel);
        filters->addWidget(m_state);
        filters->addWidget(m_organization, 1);
        layout->addLayout(filters);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("#"), tr("State"), tr("Officer"), tr("Organization"), tr("Token"),
                                            tr("Profile"), tr("CA"), tr("Certificate"), tr("Updated")});
        m_table = makeTable(m_model, this);
        layout->addWidget(m_table);
        auto* buttons = new QHBoxLayout;
        auto* resume = new QPushButton(tr("&Open / continue…"), this);
        auto* receipt = new QPushButton(tr("&Receipt…"), this);
        buttons->addWidget(resume);
        buttons->addWidget(receipt);
        buttons->addStretch();
        layout->addLayout(buttons);
        connect(m_state, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
        connect(m_organization, &QLineEdit::textChanged, this, [this] { refresh(); });
        connect(resume, &QPushButton::clicked, window, [this, window] {
            if (const qint64 id = selectedId(m_table))
                window->startEnrollment(id);
        });
        connect(receipt, &QPushButton::clicked, this, [this] {
            if (const qint64 id = selectedId(m_table))
                previewReceipt(m_context, id, this);
        });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        refresh();
    }

    void refresh()
    {
        m_model->removeRows(0, m_model->rowCount());
        core::CaConnectors connectors(*m_context.database, m_context.dataDir);
        const auto state = core::parseState(m_state->currentData().toString());
        auto all = core::EnrollmentEngine(*m_context.database, connectors, {}).list(state);
        if (!all)
            return;
        for (const auto& r : *all) {
            if (!m_organization->text().isEmpty() && !r.organizationName.contains(m_organization->text(), Qt::CaseInsensitive))
                continue;
            m_model->appendRow({idItem(r.id, QString::number(r.id)), new QStandardItem(stateDisplayName(r.state)),
                                new QStandardItem(r.officerName), new QStandardItem(r.organizationName),
                                new QStandardItem(r.tokenSerial), new QStandardItem(profileDisplayName(r.profileName)),
                                new QStandardItem(r.caName),
                                new QStandardItem(r.certificate ? r.certificate->serialHex : QString()),
                                new QStandardItem(core::deskDateTime(QDateTime::fromString(r.updatedAt, Qt::ISODateWithMs)))});
        }
    }

    const DeskContext& m_context;
    QComboBox* m_state = nullptr;
    QLineEdit* m_organization = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};

class AuditView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    AuditView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        auto* bar = new QHBoxLayout;
        auto* filter = new QLineEdit(this);
        filter->setPlaceholderText(tr("Filter…"));
        auto* verify = new QPushButton(tr("&Verify the chain"), this);
        auto* reload = new QPushButton(tr("Re&load"), this);
        bar->addWidget(filter, 1);
        bar->addWidget(reload);
        bar->addWidget(verify);
        layout->addLayout(bar);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels({tr("#"), tr("Time"), tr("Operator"), tr("Action"), tr("Object"),
                                            tr("Outcome"), tr("Details")});
        auto* proxy = new QSortFilterProxyModel(this);
        proxy->setSourceModel(m_model);
        proxy->setFilterKeyColumn(-1);
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        layout->addWidget(makeTable(proxy, this));
        m_result = new QLabel(this);
        m_result->setWordWrap(true);
        layout->addWidget(m_result);
        connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
        connect(reload, &QPushButton::clicked, this, [this] { refresh(); });
        connect(verify, &QPushButton::clicked, this, [this] {
            auto result = core::AuditLog(*m_context.database).verify();
            if (!result)
                m_result->setText(result.error().message);
            else if (result->intact)
                m_result->setText(tr("The audit log is intact: %1 events. Chain head %2").arg(result->eventsChecked).arg(result->headHash));
            else
                m_result->setText(tr("TAMPERED: %1").arg(result->problem));
            m_result->setStyleSheet(result && result->intact ? QString() : QStringLiteral("color:#b3261e;font-weight:bold"));
        });
        connect(window, &MainWindow::enrollmentsChanged, this, [this] { refresh(); });
        connect(window, &MainWindow::registryChanged, this, [this] { refresh(); });
        refresh();
    }

    void refresh()
    {
        m_model->removeRows(0, m_model->rowCount());
        auto events = core::AuditLog(*m_context.database).list(500);
        if (!events)
            return;
        for (const auto& e : *events)
            m_model->appendRow({new QStandardItem(QString::number(e.id)),
                                new QStandardItem(core::deskDateTime(QDateTime::fromString(e.at, Qt::ISODateWithMs))),
                                new QStandardItem(e.operatorName), new QStandardItem(auditActionDisplayName(e.action)),
                                new QStandardItem(e.objectType + QLatin1Char(' ') + e.objectId),
                                new QStandardItem(outcomeDisplayName(e.outcome)), new QStandardItem(e.details)});
    }

    const DeskContext& m_context;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_result = nullptr;
};

class SettingsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    SettingsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QFormLayout(this);
        auto* language = new QComboBox(this);
        language->addItem(tr("System language"), QString());
        language->addItem(QStringLiteral("Монгол"), QStringLiteral("mn"));
        language->addItem(QStringLiteral("English"), QStringLiteral("en"));
        core::Settings settings(*context.database);
        const QString current = settings.value(core::setting::Language).value_or(std::nullopt).value_or(QString());
        language->setCurrentIndex(std::max(0, language->findData(current)));
        layout->addRow(tr("&Language:"), language);
        connect(language, &QComboBox::currentIndexChanged, this, [this, language] {
            core::Settings(*m_context.database).setValue(m_context.signedIn, core::setting::Language,
                                                         language->currentData().toString());
            m_note->setText(tr("The language changes the next time Tamga starts."));
        });

        auto* modules = new QListWidget(this);
        modules->setMaximumHeight(90);
        connect(context.worker, &core::DeskWorker::registeredModulesListed, this,
                [modules](const QStringList& names, const QStringList& paths, const QStringList& packages) {
                    modules->clear();
                    for (qsizetype i = 0; i < names.size(); ++i) {
                        // Where the library came from: a module no package installed was put there by hand.
                        const QString origin = packages.value(i).isEmpty()
                                                   ? tr("installed by hand, no package")
                                                   : tr("package %1").arg(packages.value(i));
                        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2 (%3)").arg(names[i], paths[i], origin),
                                                         modules);
                        item->setData(Qt::UserRole, paths[i]);
                        if (packages.value(i).isEmpty())
                            item->setForeground(QColor(0xb3, 0x26, 0x1e));
                    }
                });
        context.worker->listRegisteredModules();
        auto* useModule = new QPushButton(tr("&Use the selected module for this desk"), this);
        // The module is a library every later Tamga process loads: a supervisor's choice (core refuses a clerk too).
        if (context.signedIn.role != core::Role::Supervisor) {
            useModule->setEnabled(false);
            useModule->setToolTip(tr("Supervisors only"));
        }
        layout->addRow(tr("PKCS#11 modules (p11-kit):"), modules);
        layout->addRow(QString(), useModule);
        connect(useModule, &QPushButton::clicked, this, [this, modules] {
            if (auto* item = modules->currentItem()) {
                core::Settings(*m_context.database)
                    .setValue(m_context.signedIn, core::setting::Pkcs11Modules, item->data(Qt::UserRole).toString());
                m_note->setText(tr("The desk uses %1 from its next start.").arg(item->data(Qt::UserRole).toString()));
            }
        });

        m_cas = new QListWidget(this);
        m_cas->setMaximumHeight(90);
        if (auto cas = core::CaConnectors(*context.database, context.dataDir).list()) {
            for (const auto& c : *cas)
                m_cas->addItem(c.name + QStringLiteral(" (") + c.type + QLatin1Char(')'));
        }
        auto* test = new QPushButton(tr("&Test the selected CA"), this);
        layout->addRow(tr("CA connectors:"), m_cas);
        layout->addRow(QString(), test);
        connect(test, &QPushButton::clicked, this, [this] {
            if (auto* item = m_cas->currentItem()) {
                m_note->setText(tr("Asking the CA…"));
                m_context.worker->testCa(item->text().section(QLatin1Char(' '), 0, 0));
            }
        });
        connect(context.worker, &core::DeskWorker::caTested, this, [this](const QString& name, bool ok, const QString& message) {
            m_note->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
            m_note->setText(name + QStringLiteral(": ") + message);
        });

        auto* anchors = new QListWidget(this);
        anchors->setMaximumHeight(90);
        if (auto list = core::TrustAnchors(*context.database).list()) {
            for (const auto& a : *list)
                anchors->addItem(a.subject);
        }
        layout->addRow(tr("Trust anchors:"), anchors);

        auto* profiles = new QComboBox(this);
        if (auto list = core::Profiles(*context.database).list()) {
            for (const auto& p : *list)
                profiles->addItem(QStringLiteral("%1 — %2 (%3)")
                                      .arg(profileDisplayName(p.name), profileDisplayDescription(p.name, p.description),
                                           QString::fromStdString(pkcs11::keyTypeName(p.keyType))),
                                  p.name);
        }
        auto* officer = new QLineEdit(this);
        officer->setPlaceholderText(tr("Civil ID of an officer, for the subject preview"));
        auto* subject = new QLabel(this);
        subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
        subject->setWordWrap(true);
        layout->addRow(tr("Certificate profiles:"), profiles);
        layout->addRow(tr("Subject &preview for:"), officer);
        layout->addRow(QString(), subject);
        auto preview = [this, profiles, officer, subject] {
            subject->clear();
            auto found = core::Registry(*m_context.database).officers(std::nullopt, officer->text(), 2);
            auto profile = core::Profiles(*m_context.database).find(profiles->currentData().toString());
            if (!found || found->size() != 1 || !profile)
                return;
            auto built = core::buildSubject(*profile, found->front());
            if (!built) {
                subject->setText(built.error().message);
                return;
            }
            QStringList lines;
            for (const auto& a : built->attributes)
                lines << QStringLiteral("%1 (%2) = %3").arg(a.shortName, a.stringTypeName(), a.value);
            subject->setText(lines.join(QLatin1Char('\n')));
        };
        connect(profiles, &QComboBox::currentIndexChanged, this, preview);
        connect(officer, &QLineEdit::textChanged, this, preview);
        m_note = new QLabel(this);
        m_note->setWordWrap(true);
        layout->addRow(m_note);
    }

    const DeskContext& m_context;
    QListWidget* m_cas = nullptr;
    QLabel* m_note = nullptr;
};

}  // namespace

MainWindow::MainWindow(DeskContext context, QWidget* parent) : QMainWindow(parent), m_context(std::move(context))
{
    setWindowTitle(m_context.training ? tr("Tamga — registration desk — TRAINING") : tr("Tamga — registration desk"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    if (m_context.training) {
        auto* banner = new QLabel(tr("TRAINING — practice CA and training tokens; nothing issued here is valid"), central);
        banner->setAlignment(Qt::AlignCenter);
        banner->setStyleSheet(QStringLiteral("background:#b3261e;color:white;padding:4px;font-weight:bold"));
        layout->addWidget(banner);
    }
    m_tabs = new QTabWidget(central);
    m_tabs->addTab(new DeskView(this, m_context), tr("&Desk"));
    m_tabs->addTab(new OfficersView(this, m_context), tr("&Officers"));
    m_tabs->addTab(new TokensView(this, m_context), tr("&Tokens"));
    m_tabs->addTab(new EnrollmentsView(this, m_context), tr("&Enrollments"));
    m_tabs->addTab(new AuditView(this, m_context), tr("A&udit"));
    m_tabs->addTab(new SettingsView(this, m_context), tr("&Settings"));
    layout->addWidget(m_tabs);
    setCentralWidget(central);

    auto* newEnrollment = new QShortcut(QKeySequence(tr("Ctrl+N")), this);
    connect(newEnrollment, &QShortcut::activated, this, [this] { startEnrollment(); });
    auto* quit = new QShortcut(QKeySequence::Quit, this);
    connect(quit, &QShortcut::activated, this, &QWidget::close);

    QString ca;
    if (auto cas = core::CaConnectors(*m_context.database, m_context.dataDir).list(); cas && !cas->empty())
        ca = cas->front().name;
    // Permanent: a message in the status bar (a hand-over done) does not hide who is signed in or which CA is used.
    statusBar()->addPermanentWidget(
        new QLabel(tr("Operator: %1 (%2)").arg(m_context.signedIn.name, roleDisplayName(m_context.signedIn.role)), this));
    statusBar()->addPermanentWidget(new QLabel(tr("CA: %1").arg(ca.isEmpty() ? tr("none configured") : ca), this));
    m_tokenStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_tokenStatus);
    connect(m_context.worker, &core::DeskWorker::tokensChanged, this, &MainWindow::updateTokenStatus);
    connect(m_context.worker, &core::DeskWorker::moduleFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_context.worker, &core::DeskWorker::enrollmentFinished, this, [this] { Q_EMIT enrollmentsChanged(); });
    updateTokenStatus(m_context.worker->tokens());
    fitScreen();
}

void MainWindow::fitScreen()
{
    // 1280x800 where there is room; on a smaller screen (a 1366x768 desk laptop) the window takes the screen's
    // available area, so that the buttons at the bottom and the status bar are always on screen.
    const QScreen* where = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!where) {
        resize(1280, 800);
        return;
    }
    const QRect available = where->availableGeometry();
    // The window manager's frame is known once the window is shown: showEvent fits again then.
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize size(std::min(1280, available.width() - frame.width()), std::min(800, available.height() - frame.height()));
    resize(size);
    move(available.topLeft() + QPoint((available.width() - size.width() - frame.width()) / 2,
                                      (available.height() - size.height() - frame.height()) / 2));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedWithFrame) {
        m_fittedWithFrame = true;
        QTimer::singleShot(0, this, [this] { fitScreen(); });
    }
}

void MainWindow::updateTokenStatus(const QList<core::TokenSnapshot>& tokens)
{
    if (tokens.isEmpty()) {
        m_tokenStatus->setText(tr("No token plugged in"));
        return;
    }
    QStringList names;
    for (const auto& t : tokens)
        names << (t.info.flags.tokenInitialized ? t.label() + QStringLiteral(" (") + t.serial() + QLatin1Char(')')
                                                : tr("new token"));
    m_tokenStatus->setText(tr("Token: %1").arg(names.join(QStringLiteral(", "))));
}

EnrollmentWizard* MainWindow::startEnrollment(qint64 resumeId)
{
    auto* wizard = new EnrollmentWizard(m_context, resumeId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::finished, this, [this, wizard](int result) {
        // The hand-over is said where the clerk looks next: the desk's status bar.
        if (result == QDialog::Accepted)
            statusBar()->showMessage(tr("Enrollment #%1 handed over to %2.").arg(wizard->enrollmentId()).arg(wizard->m_officerName),
                                     30000);
        Q_EMIT enrollmentsChanged();
    });
    wizard->open();
    return wizard;
}

QList<qint64> MainWindow::interruptedEnrollments() const
{
    QList<qint64> ids;
    core::CaConnectors connectors(*m_context.database, m_context.dataDir);
    auto all = core::EnrollmentEngine(*m_context.database, connectors, {}).list(std::nullopt);
    if (!all)
        return ids;
    for (const auto& r : *all) {
        if (r.state != core::EnrollmentState::Verified && r.state != core::EnrollmentState::HandedOver &&
            r.state != core::EnrollmentState::Failed && r.state != core::EnrollmentState::Cancelled &&
            r.state != core::EnrollmentState::Submitted)
            ids << r.id;
    }
    return ids;
}

void MainWindow::offerInterruptedEnrollments()
{
    const QList<qint64> ids = interruptedEnrollments();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Interrupted enrollments"),
        tr("%n enrollment(s) were interrupted before the token was verified. Continue enrollment #%1 now?", nullptr,
           static_cast<int>(ids.size()))
            .arg(ids.front()));
    if (answer == QMessageBox::Yes)
        startEnrollment(ids.front());
}

}  // namespace tamga::ui

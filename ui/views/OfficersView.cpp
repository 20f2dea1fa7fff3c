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

class OfficersView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    OfficersView(MainWindow* window, const DeskContext& context) : QWidget(window), m_window(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
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
        m_model->setHorizontalHeaderLabels(
            {tr("Surname"), tr("Given name"), tr("Civil ID"), tr("Position"), tr("Organization")});
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
        const qint64 organization =
            m_organizations->currentItem() ? m_organizations->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
        auto officers =
            core::Registry(*m_context.database)
                .officers(organization ? std::optional<qint64>(organization) : std::nullopt, m_search->text(), 500);
        m_model->removeRows(0, m_model->rowCount());
        showReadError(m_readError, officers ? QString() : officers.error().message);
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
        const char* labels[] = {
            QT_TRANSLATE_NOOP("MainWindow", "&Surname:"),    QT_TRANSLATE_NOOP("MainWindow", "&Given name:"),
            QT_TRANSLATE_NOOP("MainWindow", "&Civil ID:"),   QT_TRANSLATE_NOOP("MainWindow", "&Position:"),
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
            core::OfficerFields f{organization->currentData().toLongLong(),
                                  fields[0]->text(),
                                  fields[1]->text(),
                                  fields[2]->text(),
                                  fields[3]->text(),
                                  fields[4]->text(),
                                  fields[5]->text(),
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
                lines << tr("line %1, %2: %3")
                             .arg(p.line)
                             .arg(p.column.isEmpty() ? QStringLiteral("—") : p.column, p.reason);
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
            QMessageBox::information(
                this, tr("Import"),
                tr("Nothing to change: all %n row(s) are in the registry already.", nullptr, preview->rows));
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
            QMessageBox::warning(this, tr("Import"),
                                 done ? tr("The file changed in the meantime; nothing was imported.")
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
    QLabel* m_readError = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace

QWidget* newOfficersView(MainWindow* window, const DeskContext& context)
{
    return new OfficersView(window, context);
}

} // namespace tamga::ui

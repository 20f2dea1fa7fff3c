#include "WizardPages.h"

#include "DisplayNames.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/CivilId.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

// 1. Who: search the registry (typing, or a barcode reader typing the civil ID and Enter).
class OfficerPage : public Page {
    Q_DECLARE_TR_FUNCTIONS(EnrollmentWizard)
public:
    OfficerPage()
    {
        setTitle(tr("Officer"));
        setSubTitle(tr("Find the officer in the registry: type part of a name, the civil ID or the organization, "
                       "or scan the civil ID."));
        auto* layout = new QVBoxLayout(this);
        m_search = new QLineEdit(this);
        m_search->setObjectName(QStringLiteral("search"));
        m_search->setPlaceholderText(tr("Search (Cyrillic or Latin)…"));
        m_search->setClearButtonEnabled(true);
        m_model = new QStandardItemModel(this);
        m_model->setHorizontalHeaderLabels(
            {tr("Surname"), tr("Given name"), tr("Civil ID"), tr("Position"), tr("Organization")});
        m_table = new QTableView(this);
        m_table->setModel(m_model);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setSelectionMode(QAbstractItemView::SingleSelection);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->verticalHeader()->hide();
        m_hint = new QLabel(this);
        m_hint->setObjectName(QStringLiteral("officerHint"));
        m_hint->setWordWrap(true);
        layout->addWidget(m_search);
        layout->addWidget(m_table);
        layout->addWidget(m_hint);
        connect(m_search, &QLineEdit::textChanged, this, [this] { search(); });
        // Enter (typed, or sent by a barcode reader after the civil ID) takes the one officer found; the wizard's
        // default button then goes on to the check page, never past it. With several found, the clerk chooses.
        connect(m_search, &QLineEdit::returnPressed, this, [this] {
            if (m_model->rowCount() == 1)
                m_table->selectRow(0);
            else if (m_model->rowCount() > 1 && selectedOfficer() == 0)
                m_table->setFocus();
        });
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { Q_EMIT completeChanged(); });
        connect(m_table, &QTableView::doubleClicked, this, [this] { wizard()->next(); });
    }

    void initializePage() override
    {
        search();
        m_search->setFocus();
    }

    bool isComplete() const override { return selectedOfficer() > 0; }

    bool validatePage() override
    {
        w()->m_officerId = selectedOfficer();
        const int row = m_table->selectionModel()->selectedRows().front().row();
        w()->m_officerName = m_model->item(row, 0)->text() + QLatin1Char(' ') + m_model->item(row, 1)->text();
        w()->m_officerCivilId = m_model->item(row, 2)->text();
        return true;
    }

    void search()
    {
        auto officers = core::Registry(*w()->context().database).officers(std::nullopt, m_search->text(), 200);
        m_model->removeRows(0, m_model->rowCount());
        if (!officers)
            return;
        for (const auto& o : *officers) {
            QList<QStandardItem*> row{new QStandardItem(o.fields.surname), new QStandardItem(o.fields.givenName),
                                      new QStandardItem(o.fields.civilId), new QStandardItem(o.fields.position),
                                      new QStandardItem(o.organizationName)};
            row.front()->setData(o.id, Qt::UserRole);
            m_model->appendRow(row);
        }
        // A scanned (or fully typed) civil ID that matches exactly one officer is taken at once.
        if (officers->size() == 1 && core::parseCivilId(m_search->text()))
            m_table->selectRow(0);
        m_table->resizeColumnsToContents();
        if (officers->size() > 1 && !m_search->text().isEmpty())
            m_hint->setText(tr("%n officers match: choose one (arrow keys or a click), then Next.", nullptr,
                               static_cast<int>(officers->size())));
        else if (officers->empty() && !m_search->text().isEmpty())
            m_hint->setText(tr("Nobody in the registry matches."));
        else
            m_hint->clear();
        Q_EMIT completeChanged();
    }

    qint64 selectedOfficer() const
    {
        const auto rows = m_table->selectionModel()->selectedRows();
        return rows.isEmpty() ? 0 : m_model->item(rows.front().row())->data(Qt::UserRole).toLongLong();
    }

    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace

QWizardPage* newOfficerPage()
{
    return new OfficerPage;
}

} // namespace tamga::ui

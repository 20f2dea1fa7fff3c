#include "Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tamga::ui {

namespace {

class EnrollmentsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    EnrollmentsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QVBoxLayout(this);
        m_readError = newReadErrorLine(this);
        layout->addWidget(m_readError);
        auto* filters = new QHBoxLayout;
        m_state = new QComboBox(this);
        m_state->addItem(tr("All states"), QString());
        for (const core::EnrollmentState state : core::allEnrollmentStates())
            m_state->addItem(stateDisplayName(state), core::stateName(state));
        m_organization = new QLineEdit(this);
        m_organization->setPlaceholderText(tr("Organization…"));
        auto* stateLabel = new QLabel(tr("St&ate:"), this);
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
        auto* resume = new QPushButton(tr("O&pen / continue…"), this);
        auto* receipt = new QPushButton(tr("Re&ceipt…"), this);
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

protected:
    // Enrollments made elsewhere meanwhile (tamga-cli, another desk on the same registry) show when the tab does.
    void showEvent(QShowEvent* event) override
    {
        QWidget::showEvent(event);
        refresh();
    }

public:
    void refresh()
    {
        m_model->removeRows(0, m_model->rowCount());
        const auto state = core::parseState(m_state->currentData().toString());
        auto all = core::EnrollmentRecords(*m_context.database).list(state);
        showReadError(m_readError, all ? QString() : all.error().message);
        if (!all)
            return;
        for (const auto& r : *all) {
            if (!m_organization->text().isEmpty() &&
                !r.organizationName.contains(m_organization->text(), Qt::CaseInsensitive))
                continue;
            m_model->appendRow(
                {idItem(r.id, QString::number(r.id)), new QStandardItem(stateDisplayName(r.state)),
                 new QStandardItem(r.officerName), new QStandardItem(r.organizationName),
                 new QStandardItem(r.tokenSerial), new QStandardItem(profileDisplayName(r.profileName)),
                 new QStandardItem(r.caName), new QStandardItem(r.certificate ? r.certificate->serialHex : QString()),
                 new QStandardItem(core::deskDateTime(QDateTime::fromString(r.updatedAt, Qt::ISODateWithMs)))});
        }
    }

    const DeskContext& m_context;
    QComboBox* m_state = nullptr;
    QLineEdit* m_organization = nullptr;
    QStandardItemModel* m_model = nullptr;
    QLabel* m_readError = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace

QWidget* newEnrollmentsView(MainWindow* window, const DeskContext& context)
{
    return new EnrollmentsView(window, context);
}

} // namespace tamga::ui
